import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { provide } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { simulatorContext } from '../simulatorContext';
import { HashRouteController, routeHref } from '../controllers/hashRouteController';
import { DisplayPreferencesController } from '../controllers/displayPreferences';
import { ClassroomController } from '../controllers/classroomController';
import { navGroups, screenFor, screens, type RouteName } from '../routes';
import { themeTokens } from '../styles/theme';
import { startOfflineSupport } from '../../pwa/startOfflineSupport';
import type { Classroom } from '../../classroom/classroomSession';
import './app-status';
import '../screens/classroom/class-join';
import '../screens/classroom/class-notices';

/**
 * Whether the app this address serves now (through the service worker, as a reload would get it) starts from
 * another entry module than this page did: a newer build. False when that cannot be told (offline, no entry).
 */
async function newerBuildIsServed(): Promise<boolean> {
  const entryOf = (root: ParentNode) => root.querySelector('script[type="module"][src]')?.getAttribute('src') ?? undefined;
  const running = entryOf(document);
  if (running === undefined) return false;
  try {
    const response = await fetch('./index.html', { cache: 'no-cache' });
    if (!response.ok) return false;
    const served = entryOf(new DOMParser().parseFromString(await response.text(), 'text/html'));
    return served !== undefined && served !== running;
  } catch {
    return false;
  }
}

/** The page frame: header, navigation between screens, display preferences, and the current screen. */
@customElement('workbook-app')
export class WorkbookApp extends LitElement {
  static override styles = [
    themeTokens,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr;
        grid-template-columns: 13rem minmax(0, 1fr);
        grid-template-areas: 'header header' 'nav main';
        min-height: 100vh;
        font-family: var(--wb-font);
        color: var(--wb-color-text);
        background: var(--wb-color-bg);
      }
      @media (max-width: 60rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'header' 'nav' 'main';
        }
        nav ul {
          display: flex;
          flex-wrap: wrap;
        }
      }
      header {
        grid-area: header;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--wb-space-4);
        padding: var(--wb-space-2) var(--wb-space-4);
        background: var(--wb-color-header-bg);
        color: var(--wb-color-header-text);
      }
      h1 {
        font-size: 1.25rem;
        margin: 0;
      }
      .display {
        display: flex;
        gap: var(--wb-space-2);
      }
      .header-end {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: var(--wb-space-2) var(--wb-space-4);
      }
      update-prompt {
        /* Stays in view while the screen scrolls, without covering it like a dialog would. */
        position: sticky;
        top: 0;
        z-index: 1;
      }
      .display button {
        font: inherit;
        font-size: 0.9rem;
        color: inherit;
        background: transparent;
        border: 1px solid rgb(255 255 255 / 0.4);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-1) var(--wb-space-2);
        cursor: pointer;
      }
      .display button[aria-pressed='true'] {
        background: rgb(255 255 255 / 0.18);
      }
      nav {
        grid-area: nav;
        padding: var(--wb-space-3) var(--wb-space-2);
        border-right: 1px solid var(--wb-color-border);
        background: var(--wb-color-surface);
      }
      nav h2 {
        font-size: 0.75rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--wb-color-muted);
        margin: var(--wb-space-3) var(--wb-space-2) var(--wb-space-1);
      }
      nav h2:first-child {
        margin-top: 0;
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: block;
        color: var(--wb-color-text);
        text-decoration: none;
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
      }
      nav a:hover {
        background: var(--wb-color-surface-2);
      }
      nav a[aria-current='page'] {
        background: var(--wb-color-accent-bg);
        color: var(--wb-color-accent);
        font-weight: 600;
      }
      a:focus-visible,
      button:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      main {
        grid-area: main;
        padding: var(--wb-space-4);
        min-width: 0;
      }
      .storage-notice {
        display: flex;
        gap: var(--wb-space-3);
        align-items: center;
        justify-content: space-between;
        margin-bottom: var(--wb-space-3);
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
        padding: var(--wb-space-3);
        border-radius: var(--wb-radius);
      }
      .storage-notice p {
        margin: 0;
      }
      .startup-error {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
        padding: var(--wb-space-3);
        border-radius: var(--wb-radius);
      }
    `,
  ];

  /** Set by `main.ts` once the store is open; the screens below read it through `simulatorContext`. */
  @provide({ context: simulatorContext })
  @property({ attribute: false })
  simulator: WorkbookSimulator | undefined;

  /** Classroom mode (issue 19): joining a class swaps `simulator` for the class's; set by `main.ts`. */
  @property({ attribute: false })
  classroom: Classroom | undefined;

  /** Loads classroom mode on first use (sets `classroom`); set by `main.ts`. */
  @property({ attribute: false })
  loadClassroom: (() => Promise<Classroom>) | undefined;

  /** Why the simulator could not start (IndexedDB blocked, private mode...), shown instead of the screens. */
  @property({ attribute: false })
  startupError: string | undefined;

  /** While the database open waits (a tab that died mid-write still holds it): what it waits for, and for how long. */
  @property({ attribute: false })
  startupWaiting: string | undefined;

  /**
   * A storage problem that arrived after start-up (another tab upgraded the database), shown above every screen
   * until the page is reloaded: this tab's connection is closed, so its commands would fail anyway.
   */
  @property({ attribute: false })
  storageNotice: string | undefined;

  /** Screens whose module has loaded, and why one failed to (offline before it was ever cached...). */
  @state() private loadedScreens = new Set<RouteName>();
  @state() private screenLoadError: string | undefined;

  private readonly router = new HashRouteController(this);
  private readonly display = new DisplayPreferencesController(this);
  private readonly classState = new ClassroomController(this);
  /** The offline copy (service worker) and its updates; also asks once for persistent storage. */
  private readonly serviceWorker = startOfflineSupport();
  /**
   * The update banner's code loads when there is something to say (a new version waits, or another tab is
   * switching), not with the first screen; `<update-prompt>` picks up its `updates` when it is defined.
   */
  private readonly stopWatchingUpdates = this.serviceWorker.onStageChange(() => {
    if (this.serviceWorker.stage().kind === 'none') return;
    this.stopWatchingUpdates();
    void import('./update-prompt');
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('classroom')) this.classState.follow(this.classroom);
    this.loadScreen(this.router.route.name);
  }

  /** The route whose screen was last asked for: one attempt per visit, not one per render. */
  private requestedScreen: RouteName | undefined;

  private loadScreen(name: RouteName): void {
    // Every render calls this; retrying here would turn a failed load (offline before the screen was stored) into a
    // loop that never shows its error. Opening the screen again retries.
    if (this.requestedScreen === name) return;
    this.requestedScreen = name;
    this.screenLoadError = undefined;
    if (this.loadedScreens.has(name)) return;
    screenFor(name)
      .load()
      .then(() => {
        this.loadedScreens = new Set([...this.loadedScreens, name]);
      })
      .catch(async (error: unknown) => {
        // A screen's file is missing when a newer version was deployed since this page loaded: its files have new
        // names and the old ones are gone. Then Try again cannot help, a reload can.
        const newer = await newerBuildIsServed();
        if (this.requestedScreen !== name) return;
        const label = screenFor(name).label;
        this.screenLoadError = newer
          ? `The ${label} screen could not be loaded: a newer version of Event Workbook has been installed since this page opened, and this screen's file now belongs to it. Reload to switch to the new version; your work is kept.`
          : `The ${label} screen could not be loaded (${error instanceof Error ? error.message : String(error)}). If you are offline, it was not stored for offline use yet: reconnect, then try again.`;
      });
  }

  private retryScreen(): void {
    this.requestedScreen = undefined;
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const { theme, largeFont } = this.display.value;
    return html`
      <header>
        <h1>Event Workbook</h1>
        <div class="header-end">
          <class-join .classroom=${this.classroom} .loadClassroom=${this.loadClassroom}></class-join>
          <app-status></app-status>
          <div class="display" role="group" aria-label="Display">
            <button
              type="button"
              aria-pressed=${theme === 'dark' ? 'true' : 'false'}
              @click=${() => this.display.set({ theme: theme === 'dark' ? 'light' : 'dark' })}
            >
              Dark theme
            </button>
            <button type="button" aria-pressed=${largeFont ? 'true' : 'false'} @click=${() => this.display.set({ largeFont: !largeFont })}>
              Large text
            </button>
          </div>
        </div>
      </header>
      <nav aria-label="Main">
        ${navGroups.map(
          (group) => html`
            <h2 id="nav-${group}">${group}</h2>
            <ul aria-labelledby="nav-${group}">
              ${screens
                .filter((screen) => screen.group === group)
                .map(
                  ({ name, label }) => html`<li>
                    <a href=${routeHref(name)} aria-current=${name === this.router.route.name ? 'page' : nothing}>${label}</a>
                  </li>`,
                )}
            </ul>
          `,
        )}
      </nav>
      <main>
        <update-prompt .updates=${this.serviceWorker}></update-prompt>
        ${this.storageNotice === undefined
          ? nothing
          : html`<div class="storage-notice" role="alert">
              <p>${this.storageNotice}</p>
              <button type="button" @click=${() => location.reload()}>Reload</button>
            </div>`}
        <class-notices .classroom=${this.classroom}></class-notices>
        ${this.renderScreen()}
      </main>
    `;
  }

  private renderScreen(): TemplateResult {
    if (this.startupError !== undefined) {
      return html`<div class="startup-error" role="alert">
        <p>The simulator could not start: ${this.startupError}</p>
        <button type="button" @click=${() => location.reload()}>Retry</button>
      </div>`;
    }
    if (this.simulator === undefined && this.startupWaiting !== undefined) {
      // Retry is a new page: a fresh open request, for a person who would rather not wait for the timer.
      return html`<div class="storage-notice" role="status">
        <p>${this.startupWaiting}</p>
        <button type="button" @click=${() => location.reload()}>Retry</button>
      </div>`;
    }
    if (this.simulator === undefined) return html`<p role="status">Opening the event store…</p>`;
    const { name, params } = this.router.route;
    if (this.screenLoadError !== undefined) {
      return html`<div class="storage-notice" role="alert">
        <p>${this.screenLoadError}</p>
        <span>
          <button type="button" @click=${() => location.reload()}>Reload</button>
          <button type="button" @click=${() => this.retryScreen()}>Try again</button>
        </span>
      </div>`;
    }
    const { label, ownStoreOnly } = screenFor(name);
    if (ownStoreOnly !== undefined && this.classState.view.phase === 'joined') {
      return html`<div class="storage-notice" role="status">
        <p>${label} works on your own store only, not in a class: ${ownStoreOnly}. To use it, leave the class (in the header); your own store is as you left it.</p>
      </div>`;
    }
    if (!this.loadedScreens.has(name)) return html`<p role="status">Loading ${label}…</p>`;
    // The tag comes from the fixed screen table, never from the URL.
    const tag = unsafeStatic(screenFor(name).tag);
    return staticHtml`<${tag} .params=${params}></${tag}>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'workbook-app': WorkbookApp;
  }
}
