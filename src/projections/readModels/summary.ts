import { assertNever } from '../../domain/core/message';
import { orderStatuses, type OrderStatus } from '../../domain/order/types';
import type { Projection } from '../types';
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

/** Adds (sign 1) or removes (sign −1) one order from a status's count and revenue. */
function account(summary: SummaryDoc, status: OrderStatus, totalCents: number, sign: 1 | -1): SummaryDoc {
  return {
    ...summary,
    countByStatus: { ...summary.countByStatus, [status]: summary.countByStatus[status] + sign },
    revenueCentsByStatus: {
      ...summary.revenueCentsByStatus,
      [status]: summary.revenueCentsByStatus[status] + sign * totalCents,
    },
  };
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

    const moveTo = (status: OrderStatus): void => {
      if (!order) return;
      docs.put(summaryDocId, account(account(summary, order.status, order.totalCents, -1), status, order.totalCents, 1));
      docs.put(orderKey, { ...order, status });
    };

    switch (event.type) {
      case 'OrderPlaced': {
        if (order) return; // placed twice cannot happen (decide forbids it); counting it twice must not either
        const totalCents = toCents(event.data.total);
        docs.put(summaryDocId, { ...account(summary, 'pending', totalCents, 1), totalOrders: summary.totalOrders + 1 });
        docs.put(orderKey, { kind: 'order', status: 'pending', totalCents });
        return;
      }
      case 'OrderConfirmed':
        return moveTo('confirmed');
      case 'OrderProcessingStarted':
        return moveTo('processing');
      case 'OrderShipped':
        return moveTo('shipped');
      case 'OrderDelivered':
        return moveTo('delivered');
      case 'OrderCancelled':
        return moveTo('cancelled');
      case 'OrderDeleted': {
        if (!order) return;
        const without = account(summary, order.status, order.totalCents, -1);
        docs.put(summaryDocId, { ...without, totalOrders: summary.totalOrders - 1 });
        docs.delete(orderKey);
        return;
      }
      default:
        return assertNever(event);
    }
  },
};
