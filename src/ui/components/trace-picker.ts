import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { clockTime } from '../../simulator/trace/formatTime';
import type { CorrelationSummary } from '../../simulator/trace/types';
import { breakable } from '../widgets/breakableText';
import { routeHref } from '../controllers/hashRouteController';
import { compactControlStyles, focusRingStyles } from '../styles/controlStyles';
import { plural } from '../text/plural';

/**
 * The latest commands, newest first, each a link to its trace (so choosing one changes the address and Back works),
 * and a field for an id copied from elsewhere.
 */
@customElement('trace-picker')
export class TracePicker extends LitElement {
  static override styles = [
    compactControlStyles,
    focusRingStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-2);
        align-content: start;
        min-width: 0;
      }
      h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .count {
        margin: 0;
        color: var(--wb-color-muted);
        font-size: 0.85rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--wb-space-1);
        /* Every card as tall as the tallest: a list of even rows is read at a glance. (The list's own height must be
           its content's for 1fr rows to come out equal, so the scrolling box is the div around it.) */
        grid-auto-rows: 1fr;
      }
      .recent {
        max-height: 28rem;
        overflow-y: auto;
      }
      li {
        display: grid;
      }
      a {
        display: grid;
        align-content: start;
        gap: 0.1rem;
        padding: var(--wb-space-1) var(--wb-space-2);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        background: var(--wb-color-surface);
        color: var(--wb-color-text);
        text-decoration: none;
      }
      a:hover {
        border-color: var(--wb-color-accent);
      }
      a:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      a[aria-current='page'] {
        background: var(--wb-color-accent-bg);
        border-color: var(--wb-color-accent);
      }
      .type {
        font-weight: 600;
      }
      .line {
        font-size: 0.8rem;
        color: var(--wb-color-muted);
        font-family: var(--wb-font-mono);
        /* Ids wrap between their parts (breakable()); only a part wider than the card breaks. */
        overflow-wrap: break-word;
      }
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--wb-space-1) var(--wb-space-2);
      }
      label,
      .error {
        grid-column: 1 / -1;
        font-weight: 600;
        font-size: 0.9rem;
      }
      .error {
        margin: 0;
        color: var(--wb-color-danger);
      }
    `,
  ];

  @property({ attribute: false }) recent: readonly CorrelationSummary[] = [];
  /** How many correlations the log holds in all (the list shows the latest). */
  @property({ type: Number }) total = 0;
  @property() selected: string | undefined;

  @state() private typed = '';
  /** "Open trace" pressed with nothing typed: say what to do instead of doing nothing. */
  @state() private askForId = false;

  override render(): TemplateResult {
    return html`<h3 id="recent-heading">Recent commands</h3>
      <p class="count">
        ${this.total === 0
          ? 'No commands yet.'
          : this.recent.length < this.total
            ? `Newest first: the latest ${this.recent.length} of ${this.total}.`
            : `Newest first: ${this.total} in the log.`}
      </p>
      ${this.recent.length === 0
        ? nothing
        : html`<div class="recent">
            <ul aria-labelledby="recent-heading">
              ${this.recent.map((summary) => this.renderEntry(summary))}
            </ul>
          </div>`}
      <form @submit=${this.open}>
        <label for="trace-id">Correlation id</label>
        <input
          id="trace-id"
          autocomplete="off"
          spellcheck="false"
          .value=${this.typed}
          aria-invalid=${this.askForId ? 'true' : 'false'}
          aria-describedby=${this.askForId ? 'trace-id-error' : nothing}
          @input=${(event: Event) => {
            this.typed = (event.target as HTMLInputElement).value;
            this.askForId = false;
          }}
        />
        <button type="submit">Open trace</button>
        ${this.askForId
          ? html`<p class="error" id="trace-id-error" role="alert">Type a correlation id, or pick one of the recent commands.</p>`
          : nothing}
      </form>`;
  }

  private renderEntry(summary: CorrelationSummary): TemplateResult {
    const events = plural(summary.eventCount, 'event');
    return html`<li>
      <a
        href=${routeHref('trace', summary.correlationId)}
        aria-current=${summary.correlationId === this.selected ? 'page' : 'false'}
      >
        <span class="type">${summary.firstType} <span class="line">on ${breakable(summary.firstStreamId)}</span></span>
        <span class="line">${clockTime(summary.startedAt)} · ${events} · #${summary.firstPosition}</span>
        <span class="line">${breakable(summary.correlationId)}</span>
      </a>
    </li>`;
  }

  private readonly open = (event: Event): void => {
    event.preventDefault();
    const id = this.typed.trim();
    this.askForId = id === '';
    if (id !== '') location.hash = routeHref('trace', id);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'trace-picker': TracePicker;
  }
}
