import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { orderStatuses } from '../../domain/order/types';
import type { CrudAt } from '../../simulator/history/crudAt';
import { orderRowFieldName, stateFieldName, summaryFieldName, userRowFieldName } from '../../simulator/history/provenance';
import type { ReadModelsAt } from '../../simulator/history/readModelsAt';
import type { StreamStateAt } from '../../simulator/history/stateAt';
import { tableStyles } from '../styles/tableStyles';
import { breakable } from '../widgets/breakableText';
import '../widgets/scroll-box';
import '../widgets/cut-text';
import { cutText, drawnCharacters } from '../widgets/cutText';

/** Asks the page to show which events made one field (the field's name, e.g. "orders.status of order-1"). */
export type FieldSelectEvent = CustomEvent<{ readonly field: string }>;

const money = (amount: number): string => amount.toFixed(2);
/** A value as one short line: an item list as "2 × Laptop @ 999.99", a status history as "pending → confirmed". */
const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (!Array.isArray(value)) return String(value);
  return value
    .map((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return String(entry);
      const record = entry as Record<string, unknown>;
      if ('status' in record) return String(record['status']);
      if ('product' in record) return `${String(record['quantity'])} × ${String(record['product'])} @ ${String(record['unitPrice'])}`;
      return JSON.stringify(entry);
    })
    .join(value.some((entry) => typeof entry === 'object' && entry !== null && 'status' in entry) ? ' → ' : ', ');
};

/**
 * One CRUD loss as text. A deleted row is recorded as a loss of field `order` whose old value is the whole row, so it
 * is named by what it held ("status delivered, 1 × Laptop @ 999.99"), not printed as an object.
 */
const orderLossShown = (loss: CrudAt['losses'][number]): { field: string; oldValue: string; newValue: string } | { field: string; oldValue: string; deleted: true } => {
  if (loss.field !== 'order') return { field: loss.field, oldValue: shown(loss.oldValue), newValue: shown(loss.newValue) };
  const row = (typeof loss.oldValue === 'object' && loss.oldValue !== null ? loss.oldValue : {}) as Record<string, unknown>;
  return { field: 'the whole row', oldValue: `status ${shown(row['status'])}, ${shown(row['items'])}`, deleted: true };
};

/**
 * The order's state, the read models and the CRUD row as of the chosen position. Every value is a button: pressing
 * it asks "which events made this?", and the page lights those events up in the log beside it.
 */
@customElement('time-travel-views')
export class TimeTravelViews extends LitElement {
  static override styles = [
    tableStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-3);
        min-width: 0;
      }
      section {
        background: var(--wb-color-surface);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-2) var(--wb-space-3);
        min-width: 0;
        overflow-x: auto;
      }
      h3 {
        font-size: 1.05rem;
        margin: 0 0 var(--wb-space-2);
      }
      .note {
        margin: 0 0 var(--wb-space-2);
        color: var(--wb-color-muted);
        font-size: 0.85rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: var(--wb-space-1) var(--wb-space-3);
        margin: 0;
        align-items: center;
      }
      dt {
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        color: var(--wb-color-muted);
      }
      dd {
        margin: 0;
      }
      th {
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--wb-color-muted);
      }
      /* Short values stay on one line; the status history (last column) may wrap. */
      td:not(:last-child) button.field {
        white-space: nowrap;
      }
      /* A seeded shop's emails are long: on one line they pushed the status history out of the card. */
      td.customerEmail button.field {
        white-space: normal;
      }
      button.field {
        font: inherit;
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        text-align: left;
        color: var(--wb-color-text);
        background: transparent;
        border: 1px dashed var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: 0 var(--wb-space-1);
        cursor: pointer;
        /* Ids and emails wrap between their parts (breakable()), not letter by letter. */
        overflow-wrap: break-word;
      }
      button.field:hover {
        background: var(--wb-color-surface-2);
      }
      button.field[aria-pressed='true'] {
        background: var(--wb-color-warning-bg);
        color: var(--wb-color-warning);
        border: 1px solid var(--wb-color-warning);
        font-weight: 700;
      }
      button.field:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .statuses {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-1) var(--wb-space-3);
        margin-top: var(--wb-space-2);
      }
      .lost {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
        border-radius: var(--wb-radius);
        padding: 0 var(--wb-space-1);
        font-size: 0.85rem;
      }
      .lost del {
        font-family: var(--wb-font-mono);
      }
      .empty {
        color: var(--wb-color-muted);
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) stream: StreamStateAt | undefined;
  @property({ attribute: false }) readModels: ReadModelsAt | undefined;
  @property({ attribute: false }) crud: CrudAt | undefined;
  @property({ attribute: false }) selectedField: string | undefined;

  override render(): TemplateResult {
    return html`${this.renderState()}${this.renderCrud()}${this.renderOrders()}${this.renderSummary()}${this.renderUsers()}`;
  }

  /**
   * A field the person can ask about; a long value is drawn cut in the button, with "Show all" beside it. Its name is
   * the field and then the value it shows ("state.status of order-1: placed"): a screen reader hears both, and a person
   * who speaks to their computer can say what they see (WCAG 2.5.3, label in name).
   */
  private field(name: string, value: unknown): TemplateResult {
    const text = shown(value);
    return html`<button
      type="button"
      class="field"
      aria-label=${`${name}: ${cutText(text)}`}
      aria-pressed=${this.selectedField === name ? 'true' : 'false'}
      title="Which events made this?"
      @click=${() => this.dispatchEvent(new CustomEvent('field-select', { detail: { field: name }, bubbles: true, composed: true }))}
    >${breakable(cutText(text))}</button>${text.length > drawnCharacters ? html`<cut-text .text=${text} .limit=${0} label=${name}></cut-text>` : nothing}`;
  }

  private renderState(): TemplateResult {
    const stream = this.stream;
    if (stream === undefined) {
      return html`<section aria-labelledby="state-title"><h3 id="state-title">State</h3><p class="empty">Move the scrubber past the first event.</p></section>`;
    }
    const title = `State of ${stream.streamId} (version ${stream.version})`;
    let body: TemplateResult;
    if (stream.aggregate === 'other') body = html`<p class="empty">This stream belongs to another aggregate; see its events in the log.</p>`;
    else if (stream.aggregate === 'order' ? stream.state.status === 'none' : !stream.state.exists)
      body = html`<p class="empty">Nothing yet: the stream has no events at this position.</p>`;
    else {
      const { state } = stream;
      const fields = Object.entries(state).filter(([field]) => field !== 'exists');
      body = html`<dl aria-label=${title}>
        ${fields.map(([field, value]) => html`<dt>${field}</dt><dd>${this.field(stateFieldName(field, stream.streamId), value)}</dd>`)}
      </dl>`;
    }
    return html`<section aria-labelledby="state-title"><h3 id="state-title">${title}</h3>${body}</section>`;
  }

  private renderCrud(): TemplateResult | typeof nothing {
    const stream = this.stream;
    const crud = this.crud;
    if (stream === undefined || crud === undefined || stream.aggregate === 'other') return nothing;
    const id = stream.streamId.replace(/^(order|user)-/, '');
    const row =
      stream.aggregate === 'order'
        ? crud.orders.find((order) => order.orderId === id)
        : crud.users.find((user) => user.userId === id);
    const losses =
      stream.aggregate === 'order'
        ? crud.losses.filter((loss) => loss.orderId === id).map(orderLossShown)
        : crud.userLosses.filter((loss) => loss.userId === id);
    const fields = stream.aggregate === 'order' ? (['status', 'updatedAt'] as const) : (['email', 'updatedAt'] as const);
    return html`<section aria-labelledby="crud-title">
      <h3 id="crud-title">CRUD row of ${stream.streamId} at this position</h3>
      <p class="note">What the CRUD table would hold after the same commands. CRUD could not show you this: it only has the present.</p>
      ${row === undefined
        ? html`<p class="empty">No row (not created yet, or deleted).</p>`
        : html`<dl aria-label="CRUD row">
            ${fields.map((field) => html`<dt>${field}</dt><dd><cut-text .text=${shown((row as Record<string, unknown>)[field])} label=${field}></cut-text></dd>`)}
          </dl>`}
      ${losses.map(
        (loss) =>
          html`<p class="lost" role="note">lost ${loss.field}: <del>${cutText(loss.oldValue)}</del> ${'deleted' in loss ? '(deleted)' : `(overwritten by ${cutText(loss.newValue)})`}</p>`,
      )}
    </section>`;
  }

  private renderOrders(): TemplateResult | typeof nothing {
    const orders = this.readModels?.orders;
    if (orders === undefined) return nothing;
    const columns = ['status', 'total', 'customerEmail', 'statusHistory'] as const;
    return html`<section aria-labelledby="orders-title">
      <h3 id="orders-title">Orders read model</h3>
      ${orders.length === 0
        ? html`<p class="empty">No orders at this position.</p>`
        : html`<scroll-box label="Scrollable table of the orders"><table aria-labelledby="orders-title">
            <thead>
              <tr>
                <th scope="col">order</th>
                ${columns.map((column) => html`<th scope="col">${column}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${orders.map(
                (order) => html`<tr>
                  <th scope="row">${order.orderId}</th>
                  ${columns.map((column) => html`<td class=${column}>${this.field(orderRowFieldName(column, order.orderId), column === 'total' ? money(order.total) : order[column])}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table></scroll-box>`}
    </section>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const summary = this.readModels?.summary;
    if (summary === undefined) return nothing;
    return html`<section aria-labelledby="summary-title">
      <h3 id="summary-title">Summary read model</h3>
      <dl aria-labelledby="summary-title">
        <dt>totalOrders</dt>
        <dd>${this.field(summaryFieldName('totalOrders'), summary.totalOrders)}</dd>
        <dt>totalRevenue</dt>
        <dd>${this.field(summaryFieldName('totalRevenue'), money(summary.totalRevenue))}</dd>
        <dt>averageOrderValue</dt>
        <dd>${this.field(summaryFieldName('averageOrderValue'), money(summary.averageOrderValue))}</dd>
      </dl>
      <div class="statuses">
        ${orderStatuses.map(
          (status) => html`<span>${status}: ${this.field(summaryFieldName(`byStatus.${status}.count`), summary.byStatus[status].count)}</span>`,
        )}
      </div>
    </section>`;
  }

  private renderUsers(): TemplateResult | typeof nothing {
    const users = this.readModels?.users;
    if (users === undefined || users.length === 0) return nothing;
    const columns = ['firstName', 'lastName', 'email', 'updatedAt'] as const;
    return html`<section aria-labelledby="users-title">
      <h3 id="users-title">Users read model</h3>
      <table aria-labelledby="users-title">
        <thead>
          <tr>
            <th scope="col">user</th>
            ${columns.map((column) => html`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${users.map(
            (user) => html`<tr>
              <th scope="row">${user.userId}</th>
              ${columns.map((column) => html`<td>${this.field(userRowFieldName(column, user.userId), user[column])}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'time-travel-views': TimeTravelViews;
  }
  interface HTMLElementEventMap {
    'field-select': FieldSelectEvent;
  }
}
