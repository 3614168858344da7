import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SagaView } from '../../sagas/types';
import { routeHref } from '../controllers/hashRouteController';
import { sagaPanelStyles, sagaStatusStyles } from './saga-styles';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Every saga of this workbook, newest first; choosing one shows its timeline. */
@customElement('saga-list')
export class SagaList extends LitElement {
  static override styles = [
    ...sagaPanelStyles,
    sagaStatusStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--wb-space-1);
        max-height: 28rem;
        overflow-y: auto;
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: center;
        gap: var(--wb-space-2);
      }
      button {
        font: inherit;
        color: var(--wb-color-text);
        background: var(--wb-color-surface);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-1) var(--wb-space-2);
        cursor: pointer;
        text-align: left;
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--wb-space-2);
        align-items: baseline;
      }
      button[aria-pressed='true'] {
        background: var(--wb-color-accent-bg);
        border-color: var(--wb-color-accent);
      }
      .order {
        font-family: var(--wb-font-mono);
        font-weight: 600;
      }
      .meta {
        color: var(--wb-color-muted);
        font-size: 0.85rem;
      }
      a {
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) sagas: readonly SagaView[] = [];
  @property({ attribute: false }) selectedOrderId: string | undefined;

  override render(): TemplateResult {
    return html`<section class="panel" aria-labelledby="saga-list-title">
      <h3 id="saga-list-title">Sagas</h3>
      ${this.sagas.length === 0
        ? html`<p class="note">No saga yet: place an order through the saga.</p>`
        : html`<ul aria-labelledby="saga-list-title">
            ${newestFirst(this.sagas).map(
              (saga) => html`<li>
                <button type="button" aria-pressed=${saga.orderId === this.selectedOrderId ? 'true' : 'false'} @click=${() => this.select(saga.orderId)}>
                  <span class="order" title=${saga.orderId}>Order ${shortId(saga.orderId)}</span>
                  <span class="status ${saga.status}">${saga.status}</span>
                  <span class="meta">${money.format(saga.total)} · ${timeOf(saga.startedAt)}</span>
                </button>
                <a href=${routeHref('trace', saga.correlationId)} aria-label=${`Trace of order ${saga.orderId}`}>Trace</a>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private select(orderId: string): void {
    this.dispatchEvent(new CustomEvent('saga-select', { detail: { orderId }, bubbles: true, composed: true }));
  }
}

export function newestFirst(sagas: readonly SagaView[]): SagaView[] {
  return [...sagas].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Order ids are UUIDs; their first 8 digits tell a student's few orders apart, and the timeline shows the whole id. */
function shortId(orderId: string): string {
  return orderId.length > 12 ? `${orderId.slice(0, 8)}…` : orderId;
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : clock.format(date);
}

declare global {
  interface HTMLElementTagNameMap {
    'saga-list': SagaList;
  }
  interface HTMLElementEventMap {
    'saga-select': CustomEvent<{ orderId: string }>;
  }
}
