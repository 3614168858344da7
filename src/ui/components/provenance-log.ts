import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RecordedEvent } from '../../eventStore/types';
import { eventFact } from '../../simulator/history/eventFacts';
import { cardHostStyles, compactCardStyles } from '../styles/cardStyles';

/** A what-if checkbox changed: leave the event at `position` out of (or put it back into) the sandbox history. */
export type IncludeChangeEvent = CustomEvent<{ readonly position: number; readonly included: boolean }>;

/**
 * The log beside the time-travel views: events after the chosen position are greyed (not happened yet), the events
 * that made the selected field are lit, and each event has a what-if checkbox.
 */
@customElement('provenance-log')
export class ProvenanceLog extends LitElement {
  static override styles = [
    cardHostStyles,
    compactCardStyles,
    css`
      :host {
        min-width: 0;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--wb-space-1);
        /* A seeded store holds thousands of events: the log scrolls in its card instead of making the page metres long. */
        max-height: 40rem;
        overflow-y: auto;
        /* the items' offsetTop is measured from the list, to scroll one into view */
        position: relative;
      }
      li {
        display: grid;
        grid-template-columns: auto 2.5rem minmax(0, 1fr);
        gap: 0 var(--wb-space-2);
        align-items: start;
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
        border: 2px solid transparent;
        background: var(--wb-color-surface-2);
      }
      li.future {
        opacity: 0.45;
      }
      li.current {
        border-color: var(--wb-color-accent);
      }
      li.made {
        background: var(--wb-color-warning-bg);
        border-color: var(--wb-color-warning);
      }
      li.left-out .type,
      li.conflict .type {
        text-decoration: line-through;
      }
      input {
        margin: 0.2rem 0 0;
        width: 1rem;
        height: 1rem;
      }
      input:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .position {
        font-variant-numeric: tabular-nums;
        color: var(--wb-color-muted);
      }
      .type {
        font-family: var(--wb-font-mono);
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .stream,
      .fact {
        font-size: 0.8rem;
        color: var(--wb-color-muted);
        /* an email or a tracking number in a narrow column wraps instead of running out of the card */
        overflow-wrap: anywhere;
      }
      .details {
        grid-column: 3;
        display: grid;
      }
      .badge {
        justify-self: start;
        font-size: 0.75rem;
        font-weight: 700;
        border-radius: var(--wb-radius);
        padding: 0 var(--wb-space-1);
      }
      .badge.made {
        color: var(--wb-color-warning);
      }
      .badge.conflict {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
      }
    `,
  ];

  @property({ attribute: false }) events: readonly RecordedEvent[] = [];
  /** The scrubber's global position: events after it have not happened yet. */
  @property({ type: Number }) position = 0;
  @property({ attribute: false }) excluded: ReadonlySet<number> = new Set();
  /** Events that made the selected field. */
  @property({ attribute: false }) highlighted: ReadonlySet<number> = new Set();
  /** Events that no longer follow in the what-if history, with the reason. */
  @property({ attribute: false }) conflicts: ReadonlyMap<number, string> = new Map();

  /** Keeps the event a person is looking at (the first lit one, else the scrubber's) in view inside the scrolling log. */
  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('highlighted') && !changed.has('position') && !changed.has('events')) return;
    const list = this.renderRoot.querySelector('ol');
    const target = list?.querySelector<HTMLElement>(changed.has('highlighted') ? 'li.made' : 'li.current') ?? list?.querySelector<HTMLElement>('li.current');
    if (list === null || list === undefined || target === null || target === undefined) return;
    if (target.offsetTop < list.scrollTop || target.offsetTop + target.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = target.offsetTop - list.clientHeight / 2;
    }
  }

  override render(): TemplateResult {
    return html`<h3 id="log-title">Event log</h3>
      <ol aria-labelledby="log-title">
        ${this.events.map((event) => this.renderEvent(event))}
      </ol>`;
  }

  private renderEvent(event: RecordedEvent): TemplateResult {
    const position = event.globalPosition;
    const included = !this.excluded.has(position);
    const made = this.highlighted.has(position);
    const conflict = this.conflicts.get(position);
    const classes = [
      position > this.position ? 'future' : '',
      position === this.position ? 'current' : '',
      made ? 'made' : '',
      included ? '' : 'left-out',
      conflict === undefined ? '' : 'conflict',
    ].join(' ');
    return html`<li class=${classes} aria-current=${position === this.position ? 'step' : nothing}>
      <input
        type="checkbox"
        .checked=${included}
        aria-label="Include event #${position} ${event.type}"
        @change=${(change: Event) =>
          this.dispatchEvent(
            new CustomEvent('include-change', {
              detail: { position, included: (change.target as HTMLInputElement).checked },
              bubbles: true,
              composed: true,
            }),
          )}
      />
      <span class="position">#${position}</span>
      <span class="details">
        <span class="type">${withWordBreaks(event.type)}</span>
        <span class="stream">${event.streamId} · ${eventFact(event)}</span>
        ${made ? html`<span class="badge made">made this value</span>` : nothing}
        ${conflict === undefined ? nothing : html`<span class="badge conflict">${conflict}</span>`}
      </span>
    </li>`;
  }
}

/**
 * `OrderProcessingStarted` → `Order<wbr>Processing<wbr>Started`: in the narrow log column (1024 px, large text) a
 * long type name wraps between its words, not as "OrderProcessingStarte / d".
 */
function withWordBreaks(type: string): unknown[] {
  return type.split(/(?=[A-Z])/).flatMap((word, index) => (index === 0 ? [word] : [html`<wbr />`, word]));
}

declare global {
  interface HTMLElementTagNameMap {
    'provenance-log': ProvenanceLog;
  }
  interface HTMLElementEventMap {
    'include-change': IncludeChangeEvent;
  }
}
