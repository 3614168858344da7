import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { explainInboxDelivery, explainProjectionDelivery } from '../../simulator/idempotency/explainDelivery';
import { createRedeliveryLab, type Delivery, type RedeliverySource } from '../../simulator/idempotency/redeliveryLab';
import { idempotencySectionStyles } from './idempotency-styles';
import { plural } from '../text/plural';

const sourceNames: Record<RedeliverySource, string> = {
  sameWorker: 'the same projector',
  secondWorker: 'a second worker (stale checkpoint)',
};

const projectionAnswers: Record<Delivery['projection'], string> = {
  applied: 'Applied',
  alreadyPastCheckpoint: 'Dropped: at or before the checkpoint',
  commitRefused: 'Commit refused: checkpoint moved',
};

const money = (cents: number): string => (cents / 100).toFixed(2);

const summaryOf = (delivery: Delivery): string =>
  `${plural(delivery.totalOrders, 'order')}, ${money(delivery.pendingRevenueCents)} pending`;

/** The read model after this delivery, compared with after the one before (read back from the projection store). */
function readModelLine(delivery: Delivery, before: Delivery | undefined): string {
  if (before === undefined) return `${summaryOf(delivery)}.`;
  const same = summaryOf(before) === summaryOf(delivery);
  return `${summaryOf(delivery)}: ${same ? 'unchanged by this delivery' : `was ${summaryOf(before)}`}.`;
}

/**
 * Part 2: one recorded event delivered again and again to the order summary projection (through the projector's
 * own `applyBatch`) and to an email consumer with an inbox table. Every row is what that code did.
 */
@customElement('idempotency-redelivery')
export class IdempotencyRedelivery extends LitElement {
  static override styles = [
    idempotencySectionStyles,
    css`
      .event {
        padding: var(--wb-space-2) var(--wb-space-3);
        background: var(--wb-color-surface-2);
        border-radius: var(--wb-radius);
      }
      ul {
        margin: 0;
        padding-left: 1.25rem;
      }
      li + li {
        margin-top: var(--wb-space-1);
      }
    `,
  ];

  @state() private generation = 0;
  @state() private deliveries: readonly Delivery[] = [];
  @state() private busy = false;

  private readonly lab = new Task(this, {
    task: async ([generation]) => ({ generation, lab: await createRedeliveryLab() }),
    args: () => [this.generation] as const,
  });

  override render(): TemplateResult {
    const lab = this.lab.value?.lab;
    const delivered = this.deliveries.length > 0;
    const last = this.deliveries.at(-1);
    return html`<h3>2. The same event, delivered twice</h3>
      <p class="explain">
        Message brokers deliver at least once: after a timeout or a crash, an event that was already handled can
        arrive again. Each consumer must notice and change nothing the second time. A projection does it with its
        checkpoint; a consumer with side effects, such as sending an email, keeps a table of the event ids it handled
        (an inbox).
      </p>
      ${this.lab.error === undefined ? nothing : html`<p class="error" role="alert">The lab could not start: ${String(this.lab.error)}</p>`}
      ${lab === undefined
        ? html`<p role="status">Placing the lab's order…</p>`
        : html`<p class="event">
            The event: <strong>${lab.event.type}</strong> <span class="mono">${lab.event.eventId}</span> at position
            ${lab.event.globalPosition}, recorded by a real PlaceOrder in the lab's own store (order
            <span class="mono">${(lab.event.data as { orderId: string }).orderId}</span>).
          </p>`}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${lab === undefined || delivered || this.busy} @click=${() => this.deliver('sameWorker')}>
          Deliver the event
        </button>
        <button type="button" ?disabled=${!delivered || this.busy} @click=${() => this.deliver('sameWorker')}>
          Redeliver to the same projector
        </button>
        <button type="button" ?disabled=${!delivered || this.busy} @click=${() => this.deliver('secondWorker')}>
          Redeliver to a second worker
        </button>
        <button type="button" ?disabled=${this.busy} @click=${this.startOver}>Start over</button>
      </div>
      ${last === undefined || lab === undefined
        ? nothing
        : html`<div class="verdict" role="status">
            <p><strong>Delivery ${last.number}</strong> to ${sourceNames[last.source]}:</p>
            <ul>
              <li>Projection: ${explainProjectionDelivery(last, lab.event.globalPosition)}</li>
              <li>Email consumer: ${explainInboxDelivery(last, lab.event.eventId)}</li>
              <li>Order summary read model: ${readModelLine(last, this.deliveries.at(-2))}</li>
            </ul>
          </div>`}
      ${this.deliveries.length === 0 ? nothing : this.renderTable()}
      ${lab === undefined || !delivered
        ? nothing
        : html`<p>
            Inbox table (processed event ids): ${lab.processedIds().map((id) => html`<span class="mono">${id}</span>`)}
          </p>`}`;
  }

  private renderTable(): TemplateResult {
    return html`<div class="scroll">
      <table aria-label="Deliveries">
        <thead>
          <tr>
            <th scope="col">Delivery</th>
            <th scope="col">To</th>
            <th scope="col">Checkpoint read → stored</th>
            <th scope="col">Projection (applyBatch)</th>
            <th scope="col">Order summary</th>
            <th scope="col">Email consumer</th>
            <th scope="col">Emails sent: with inbox / without</th>
          </tr>
        </thead>
        <tbody>
          ${this.deliveries.map(
            (delivery) => html`<tr>
              <td>${delivery.number}</td>
              <td>${sourceNames[delivery.source]}</td>
              <td>${delivery.checkpointRead} → ${delivery.checkpointAfter}</td>
              <td class=${delivery.projection === 'applied' ? 'yes' : ''}>${projectionAnswers[delivery.projection]}</td>
              <td>${summaryOf(delivery)}</td>
              <td class=${delivery.inbox === 'sent' ? 'yes' : ''}>${delivery.inbox === 'sent' ? 'Sent the email' : 'Skipped: id in the inbox'}</td>
              <td>${delivery.emailsWithInbox} / ${delivery.emailsWithoutInbox}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private async deliver(source: RedeliverySource): Promise<void> {
    const lab = this.lab.value?.lab;
    if (lab === undefined || this.busy) return;
    this.busy = true;
    try {
      await lab.deliver(source);
      this.deliveries = [...lab.deliveries];
    } finally {
      this.busy = false;
    }
  }

  private readonly startOver = (): void => {
    this.deliveries = [];
    this.generation += 1;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'idempotency-redelivery': IdempotencyRedelivery;
  }
}
