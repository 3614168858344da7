import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RecordedEvent } from '../../eventStore/types';
import { occurredAt } from '../../simulator/history/eventCommands';
import { orderStatusAt, type StatusAtAnswer } from '../../simulator/history/temporalQuery';
import { cardHostStyles, compactCardStyles } from '../styles/cardStyles';
import { compactControlStyles, focusRingStyles } from '../styles/controlStyles';

/**
 * `datetime-local` speaks local wall-clock time without a zone; the history speaks ISO instants. Milliseconds are
 * kept: commands a person sends in quick succession (or the demo story) land within the same second.
 */
const toLocalInput = (iso: string): string => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 23);
};
const fromLocalInput = (value: string): string | undefined => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};
const localTime = (iso: string): string => new Date(iso).toLocaleString();

/** Seed 004's temporal query: "what was the status of order X at time T?", answered with the event that set it. */
@customElement('time-travel-query')
export class TimeTravelQuery extends LitElement {
  static override styles = [
    cardHostStyles,
    compactCardStyles,
    compactControlStyles,
    focusRingStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-2) var(--wb-space-3);
        align-items: end;
      }
      .field {
        display: grid;
        gap: var(--wb-space-1);
      }
      label {
        font-size: 0.85rem;
        color: var(--wb-color-muted);
      }
      button {
        background: var(--wb-color-accent);
        color: var(--wb-color-accent-text);
        border-color: var(--wb-color-accent);
      }
      /* Chromium focuses the date's inner fields, so :focus-visible never matches the input itself */
      input[type='datetime-local']:focus-within {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .answer {
        margin: var(--wb-space-2) 0 0;
      }
      .error {
        color: var(--wb-color-danger);
      }
    `,
  ];

  /** The whole log (the question is about the recorded past, not the scrubber's position). */
  @property({ attribute: false }) events: readonly RecordedEvent[] = [];
  /** Where the time field starts: the time of the event under the scrubber. */
  @property() suggestedTime: string | undefined;

  @state() private orderId = '';
  @state() private time = '';
  @state() private answer: StatusAtAnswer | undefined;
  @state() private error: string | undefined;

  private get orderIds(): string[] {
    return [...new Set(this.events.filter((event) => event.streamId.startsWith('order-')).map((event) => event.streamId.slice('order-'.length)))];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.orderId === '' || !this.orderIds.includes(this.orderId)) this.orderId = this.orderIds[0] ?? '';
    if (changed.has('suggestedTime') && this.suggestedTime !== undefined) this.time = toLocalInput(this.suggestedTime);
  }

  override render(): TemplateResult {
    const ids = this.orderIds;
    return html`<h3 id="query-title">Status of an order at a time</h3>
      <form aria-labelledby="query-title" @submit=${this.ask}>
        <div class="field">
          <label for="query-order">Order</label>
          <select id="query-order" .value=${this.orderId} @change=${(event: Event) => (this.orderId = (event.target as HTMLSelectElement).value)}>
            ${ids.map((id) => html`<option value=${id} ?selected=${id === this.orderId}>${id}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="query-time">At (your local time)</label>
          <input id="query-time" type="datetime-local" step="0.001" .value=${this.time} @input=${(event: Event) => (this.time = (event.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" ?disabled=${ids.length === 0}>Ask the history</button>
      </form>
      ${this.error === undefined ? nothing : html`<p class="answer error" role="alert">${this.error}</p>`}
      ${this.answer === undefined ? nothing : html`<p class="answer" role="status">${this.describe(this.answer)}</p>`}`;
  }

  private readonly ask = (event: SubmitEvent): void => {
    event.preventDefault();
    const at = fromLocalInput(this.time);
    if (at === undefined) {
      this.error = 'Enter a date and time.';
      this.answer = undefined;
      return;
    }
    this.error = undefined;
    this.answer = orderStatusAt(this.events, this.orderId, at);
  };

  private describe(answer: StatusAtAnswer): string {
    switch (answer.kind) {
      case 'unknownOrder':
        return `The log has no order ${answer.orderId}.`;
      case 'notYetPlaced':
        return `Order ${answer.orderId} did not exist yet: it was placed at ${localTime(occurredAt(answer.placedBy))} (event #${answer.placedBy.globalPosition}).`;
      case 'status':
        return `Order ${answer.orderId} was ${answer.status}${answer.deleted ? ' (and deleted)' : ''}: set by event #${answer.setBy.globalPosition} ${answer.setBy.type} at ${localTime(occurredAt(answer.setBy))}.`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'time-travel-query': TimeTravelQuery;
  }
}
