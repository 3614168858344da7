import { assertNever } from '../../domain/core/message';
import { orderStatuses, type OrderStatus } from '../../domain/order/types';
import type { DocumentView, Projection } from '../types';
import { toCents } from './money';
import { asOrderEvent, orderEventTypes } from './orderEvents';
import { asOrderBucket, bucketEntry, orderBucketId, withBucketEntry, withoutBucketEntry, storeBucket, type OrderBucket } from './orderBuckets';

/** The one summary document: counts and revenue per status of the orders that exist (deleted ones excluded). */
export type SummaryDoc = {
  readonly kind: 'summary';
  readonly totalOrders: number;
  readonly countByStatus: Readonly<Record<OrderStatus, number>>;
  readonly revenueCentsByStatus: Readonly<Record<OrderStatus, number>>;
};

/**
 * What the summary must remember per order to move it between statuses: OrderConfirmed says neither the status it
 * left nor the order's total. Kept in the order's bucket (orderBuckets.ts), not a document per order.
 */
export type SummaryOrderEntry = { readonly orderId: string; readonly status: OrderStatus; readonly totalCents: number };

export type SummaryProjectionDoc = SummaryDoc | OrderBucket<SummaryOrderEntry>;

export const summaryDocId = 'summary';

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
  orderId: string,
  bucketId: string,
  bucket: OrderBucket<SummaryOrderEntry> | undefined,
  status: OrderStatus,
): void {
  const order = bucketEntry(bucket, orderId);
  if (!order) return;
  docs.put(summaryDocId, account(summary, order.totalCents, order.status, status));
  docs.put(bucketId, withBucketEntry(bucket, { ...order, status }));
}

/** Order summary of seed 002 (`GET /api/v1/orders/summary`), maintained event by event. */
export const summaryProjection: Projection<SummaryProjectionDoc> = {
  name: 'orderSummary',
  // 2: each order's status and total in one of a fixed number of bucket documents, not an `order:<id>` document each.
  version: 2,
  handles: orderEventTypes,
  documentIds: (event) => [summaryDocId, orderBucketId(asOrderEvent(event).data.orderId)],
  evolve(docs, recorded) {
    const event = asOrderEvent(recorded);
    const { orderId } = event.data;
    const bucketId = orderBucketId(orderId);
    const stored = docs.get(summaryDocId);
    const summary = stored?.kind === 'summary' ? stored : emptySummary();
    const bucket = asOrderBucket<SummaryOrderEntry>(docs.get(bucketId));

    switch (event.type) {
      case 'OrderPlaced': {
        // placed twice cannot happen (decide forbids it); counting it twice must not either
        if (bucketEntry(bucket, orderId)) return;
        const totalCents = toCents(event.data.total);
        docs.put(summaryDocId, account(summary, totalCents, null, 'pending'));
        docs.put(bucketId, withBucketEntry(bucket, { orderId, status: 'pending', totalCents }));
        return;
      }
      case 'OrderConfirmed':
        return moveTo(docs, summary, orderId, bucketId, bucket, 'confirmed');
      case 'OrderProcessingStarted':
        return moveTo(docs, summary, orderId, bucketId, bucket, 'processing');
      case 'OrderShipped':
        return moveTo(docs, summary, orderId, bucketId, bucket, 'shipped');
      case 'OrderDelivered':
        return moveTo(docs, summary, orderId, bucketId, bucket, 'delivered');
      case 'OrderCancelled':
        return moveTo(docs, summary, orderId, bucketId, bucket, 'cancelled');
      case 'OrderStatusSet':
        return moveTo(docs, summary, orderId, bucketId, bucket, event.data.status);
      case 'OrderDeleted': {
        const order = bucketEntry(bucket, orderId);
        if (!bucket || !order) return;
        docs.put(summaryDocId, account(summary, order.totalCents, order.status, null));
        storeBucket(docs, bucketId, withoutBucketEntry(bucket, orderId));
        return;
      }
      default:
        return assertNever(event);
    }
  },
};
