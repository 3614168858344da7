import { onWritesInFlightChange, whenNoWritesInFlight, writesInFlight } from '../db/writesInFlight';
import { coordinateTabUpdates, openTabsByWebLocks, type TabUpdateCoordinator } from './tabUpdateCoordinator';

/**
 * The service worker's side of "a new version is ready": the app precaches itself (vite.config.ts) and, when a
 * newer build's worker has installed and is waiting, asks the person before switching, because swapping the code
 * under an open lesson or a half-typed answer would lose their place.
 *
 * The worker is shared by every open tab, so switching is done for all of them or for none: Reload in one tab asks
 * every tab (src/pwa/tabUpdateCoordinator.ts), the waiting version is activated only when no tab is writing, and then
 * each tab reloads under it as soon as its own writes have ended. Later in a tab holds: it never reloads while that
 * tab is writing or has unsaved typing, and it is told in words when another tab's Reload switches it.
 */

/** Where a new version stands, as this tab's update banner shows it. */
export type UpdateStage =
  /** Nothing is waiting. */
  | { readonly kind: 'none' }
  /** A new version is installed and waits for someone's Reload. */
  | { readonly kind: 'ready' }
  /** Someone pressed Reload; the new version waits until no tab is writing. */
  | { readonly kind: 'waiting'; readonly requestedHere: boolean; readonly busyTabs: number; readonly busyHere: boolean }
  /** The new version has taken over; this tab reloads as soon as its own writes have ended. */
  | { readonly kind: 'switching'; readonly busyHere: boolean };

export type ServiceWorkerUpdates = {
  readonly stage: () => UpdateStage;
  /** Calls `listener` whenever the stage changes; returns the unsubscribe. */
  readonly onStageChange: (listener: () => void) => () => void;
  /** This tab's Reload: asks every open tab, and switches all of them once none is writing. */
  readonly applyUpdate: () => Promise<void>;
};

const channelName = 'event-workbook-update';

/**
 * Resolves after the window's load event and the first idle moment after it (at most a few seconds later on a busy
 * page): by then the first screen has fetched and run its code.
 */
function afterFirstScreen(): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const whenIdle = () =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 3000 }) : setTimeout(resolve, 0);
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
  });
}

/** Registers the app's service worker (a no-op under `vite` dev, where vite-plugin-pwa's devOptions are off). */
export function registerServiceWorker(): ServiceWorkerUpdates {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  let updateReady = false;
  let switching = false;
  let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | undefined;

  // Imported lazily, once the first screen is up: workbox-window is neither in the entry chunk nor fetched while the
  // first screen's own code is. Where the virtual module does not exist (a test bundle without the PWA plugin) there
  // is nothing to do.
  const registered = afterFirstScreen()
    .then(() => import('virtual:pwa-register'))
    .then(({ registerSW }) => {
      // Not `immediate`: workbox-window registers after the window's load event, so precaching the whole app
      // (~5 MB) never competes with the first screen's own loading.
      updateServiceWorker = registerSW({
        onNeedRefresh() {
          updateReady = true;
          notify();
        },
        // vite-plugin-pwa would reload the page the moment the new worker controls it, in the middle of a write;
        // the controllerchange listener below reloads at this tab's safe point instead.
        onNeedReload() {},
        onRegisterError(error: unknown) {
          // Without a worker the app still runs online; say why offline will not work instead of failing.
          console.warn('The service worker could not be registered, so the app will not work offline:', error);
        },
      });
    })
    .catch(() => undefined);

  const serviceWorker = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  // A page the first worker claims (the first visit) runs the build that worker holds: only a worker that replaces
  // another one brings a new build.
  let controlled = serviceWorker?.controller != null;
  serviceWorker?.addEventListener('controllerchange', () => {
    const replaced = controlled;
    controlled = true;
    if (!replaced || switching) return;
    switching = true;
    notify();
    void whenNoWritesInFlight().then(() => location.reload());
  });

  const coordinator: TabUpdateCoordinator | undefined =
    typeof BroadcastChannel === 'undefined' || serviceWorker === undefined
      ? undefined
      : coordinateTabUpdates(
          new BroadcastChannel(channelName),
          openTabsByWebLocks(navigator.locks),
          { count: writesInFlight, onChange: onWritesInFlightChange },
          () => void registered.then(() => updateServiceWorker?.()),
        );
  coordinator?.onChange(notify);
  // While a stage depends on this tab's writes, its words follow them.
  onWritesInFlightChange(() => {
    if (switching || coordinator?.state().requested === true) notify();
  });

  return {
    stage() {
      const busyHere = writesInFlight() > 0;
      if (switching) return { kind: 'switching', busyHere };
      const asked = coordinator?.state();
      if (asked?.requested === true) return { kind: 'waiting', requestedHere: asked.requestedHere, busyTabs: asked.busyTabs, busyHere };
      return updateReady ? { kind: 'ready' } : { kind: 'none' };
    },
    onStageChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async applyUpdate() {
      await registered;
      if (coordinator === undefined) await updateServiceWorker?.();
      else coordinator.requestUpdate();
    },
  };
}
