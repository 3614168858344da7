import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { Simulator } from '../../simulator/types';
import { simulatorContext } from '../simulatorContext';
import { HashRouteController, routeHref } from '../controllers/hashRouteController';
import type { Route } from '../controllers/hashRouteController';
import { assertNever } from '../../domain/core/message';
import { themeTokens } from '../styles/theme';
import './simulator-page';

/** The page frame: header, navigation between screens, and the current screen. Owns nothing but the route. */
@customElement('workbook-app')
export class WorkbookApp extends LitElement {
  static override styles = [
    themeTokens,
    css`
      :host {
        display: block;
        min-height: 100vh;
        font-family: var(--wb-font);
        color: var(--wb-color-text);
        background: var(--wb-color-bg);
      }
      header {
        display: flex;
        align-items: center;
        gap: var(--wb-space-4);
        padding: var(--wb-space-2) var(--wb-space-4);
        background: var(--wb-color-header-bg);
        color: var(--wb-color-header-text);
      }
      h1 {
        font-size: 1.25rem;
        margin: 0;
      }
      nav ul {
        display: flex;
        gap: var(--wb-space-2);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        color: inherit;
        text-decoration: none;
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
      }
      nav a[aria-current='page'] {
        background: rgb(255 255 255 / 0.15);
      }
      nav a:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      main {
        padding: var(--wb-space-4);
        max-width: 80rem;
        margin: 0 auto;
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
  simulator: Simulator | undefined;

  /** Why the simulator could not start (IndexedDB blocked, private mode...), shown instead of the screens. */
  @property({ attribute: false })
  startupError: string | undefined;

  /**
   * A storage problem that arrived after start-up (another tab upgraded the database), shown above every screen
   * until the page is reloaded: this tab's connection is closed, so its commands would fail anyway.
   */
  @property({ attribute: false })
  storageNotice: string | undefined;

  private readonly router = new HashRouteController(this);

  private readonly screens: readonly { readonly route: Route; readonly label: string }[] = [
    { route: { name: 'simulator' }, label: 'Simulator' },
  ];

  override render(): TemplateResult {
    return html`
      <header>
        <h1>Event Workbook</h1>
        <nav aria-label="Main">
          <ul>
            ${this.screens.map(
              ({ route, label }) => html`<li>
                <a href=${routeHref(route)} aria-current=${route.name === this.router.route.name ? 'page' : nothing}
                  >${label}</a
                >
              </li>`,
            )}
          </ul>
        </nav>
      </header>
      <main>
        ${this.storageNotice === undefined
          ? nothing
          : html`<div class="storage-notice" role="alert">
              <p>${this.storageNotice}</p>
              <button type="button" @click=${() => location.reload()}>Reload</button>
            </div>`}
        ${this.renderScreen()}
      </main>
    `;
  }

  private renderScreen(): TemplateResult {
    if (this.startupError !== undefined) {
      return html`<p class="startup-error" role="alert">The simulator could not start: ${this.startupError}</p>`;
    }
    if (this.simulator === undefined) return html`<p role="status">Opening the event store…</p>`;
    const route = this.router.route;
    switch (route.name) {
      case 'simulator':
        return html`<simulator-page></simulator-page>`;
      default:
        return assertNever(route.name);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'workbook-app': WorkbookApp;
  }
}
