import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How the app looks on this machine: light or dark, normal or large type (for a projector at the back of a room).
 * Kept in localStorage, not IndexedDB: it is read before the store opens, so the first paint is already right.
 */
export type Theme = 'light' | 'dark';

export type DisplayPreferences = { readonly theme: Theme; readonly largeFont: boolean };

const storageKey = 'event-workbook:display';

export function readDisplayPreferences(storage: Pick<Storage, 'getItem'> | undefined): DisplayPreferences {
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const fallback: DisplayPreferences = { theme: prefersDark ? 'dark' : 'light', largeFont: false };
  try {
    const saved: unknown = JSON.parse(storage?.getItem(storageKey) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return fallback;
    const { theme, largeFont } = saved as Record<string, unknown>;
    return {
      theme: theme === 'dark' || theme === 'light' ? theme : fallback.theme,
      largeFont: typeof largeFont === 'boolean' ? largeFont : fallback.largeFont,
    };
  } catch {
    // A hand-edited or corrupt entry must not stop the app from starting.
    return fallback;
  }
}

export class DisplayPreferencesController implements ReactiveController {
  value: DisplayPreferences = readDisplayPreferences(globalThis.localStorage);

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.apply();
  }

  set(change: Partial<DisplayPreferences>): void {
    this.value = { ...this.value, ...change };
    try {
      globalThis.localStorage?.setItem(storageKey, JSON.stringify(this.value));
    } catch {
      // Storage can be full or disabled; the choice still holds for this page.
    }
    this.apply();
    this.host.requestUpdate();
  }

  private apply(): void {
    this.host.setAttribute('theme', this.value.theme);
    this.host.toggleAttribute('large-font', this.value.largeFont);
    document.documentElement.style.colorScheme = this.value.theme;
    // Components size text in rem, so one root size scales every screen for a projector.
    document.documentElement.style.fontSize = this.value.largeFont ? '137.5%' : '';
  }
}
