import { assertNever } from '../../domain/core/message';
import { orderStatuses, type OrderStatus } from '../../domain/order/types';
import type { DocumentView, Projection } from '../types';
import { toCents } from './money';
import { asOrderEvent, orderEventTypes } from './orderEvents';

/** The one summary document: counts and revenue per status of the orders that exist (deleted ones excluded). */
export type SummaryDoc = {
  readonly kind: 'summary';
  readonly totalOrders: number;
  readonly countByStatus: Readonly<Record<OrderStatus, number>>;
  readonly revenueCentsByStatus: Readonly<Record<OrderStatus, number>>;
};

/**
 * What the summary must remember per order to move it between statuses: OrderConfirmed says neither the status it
 * left nor the order's total.
 */
export type SummaryOrderDoc = { readonly kind: 'order'; readonly status: OrderStatus; readonly totalCents: number };

export type SummaryProjectionDoc = SummaryDoc | SummaryOrderDoc;

export const summaryDocId = 'summary';
const orderDocId = (orderId: string): string => `order:${orderId}`;

const zeroByStatus = (): Record<OrderStatus, number> =>
  Object.fromEntries(orderStatuses.map((status) => [status, 0])) as Record<OrderStatus, number>;

export const emptySummary = (): SummaryDoc => ({
  kind: 'summary',
  totalOrders: 0,
  countByStatus: zeroByStatus(),
  revenueCentsByStatus: zeroByStatus(),
});

/**
 * Moves one order's count and revenue from one status to another (`from` null: a new order; `to` null: deleted).
 * Copies the two six-entry records once and changes them in place before they are frozen: spreading them with a
 * computed key per change cost more than the rest of the event.
 */
function account(summary: SummaryDoc, totalCents: number, from: OrderStatus | null, to: OrderStatus | null): SummaryDoc {
  const countByStatus = { ...summary.countByStatus };
  const revenueCentsByStatus = { ...summary.revenueCentsByStatus };
  if (from !== null) {
    countByStatus[from] -= 1;
    revenueCentsByStatus[from] -= totalCents;
  }
  if (to !== null) {
    countByStatus[to] += 1;
    revenueCentsByStatus[to] += totalCents;
  }
  const totalOrders = summary.totalOrders + (from === null ? 1 : 0) - (to === null ? 1 : 0);
  return { kind: 'summary', totalOrders, countByStatus, revenueCentsByStatus };
}

/** The order moves to `status`; an order this model never saw placed (or already deleted) has nothing to move. */
function moveTo(
  docs: DocumentView<SummaryProjectionDoc>,
  summary: SummaryDoc,
  orderKey: string,
  order: SummaryOrderDoc | undefined,
  status: OrderStatus,
): void {
  if (!order) return;
  docs.put(summaryDocId, account(summary, order.totalCents, order.status, status));
  docs.put(orderKey, { ...order, status });
}

/** Order summary of seed 002 (`GET /api/v1/orders/summary`), maintained event by event. */
export const summaryProjection: Projection<SummaryProjectionDoc> = {
  name: 'orderSummary',
  version: 1,
  handles: orderEventTypes,
  documentIds: (event) => [summaryDocId, orderDocId(asOrderEvent(event).data.orderId)],
  evolve(docs, recorded) {
    const event = asOrderEvent(recorded);
    const orderKey = orderDocId(event.data.orderId);
    const stored = docs.get(summaryDocId);
    const summary = stored?.kind === 'summary' ? stored : emptySummary();
    const found = docs.get(orderKey);
    const order = found?.kind === 'order' ? found : undefined;

    switch (event.type) {
      case 'OrderPlaced': {
        if (order) return; // placed twice cannot happen (decide forbids it); counting it twice must not either
        const totalCents = toCents(event.data.total);
        docs.put(summaryDocId, account(summary, totalCents, null, 'pending'));
        docs.put(orderKey, { kind: 'order', status: 'pending', totalCents });
        return;
      }
      case 'OrderConfirmed':
        return moveTo(docs, summary, orderKey, order, 'confirmed');
      case 'OrderProcessingStarted':
        return moveTo(docs, summary, orderKey, order, 'processing');
      case 'OrderShipped':
        return moveTo(docs, summary, orderKey, order, 'shipped');
      case 'OrderDelivered':
        return moveTo(docs, summary, orderKey, order, 'delivered');
      case 'OrderCancelled':
        return moveTo(docs, summary, orderKey, order, 'cancelled');
      case 'OrderStatusSet':
        return moveTo(docs, summary, orderKey, order, event.data.status);
      case 'OrderDeleted': {
        if (!order) return;
        docs.put(summaryDocId, account(summary, order.totalCents, order.status, null));
        docs.delete(orderKey);
        return;
      }
      default:
        return assertNever(event);
    }
  },
};
