import { customerKey } from '../../domain/order/customerKey';
import type { DocumentView, Projection } from '../types';
import { toCents } from './money';
import { asOrderEvent } from './orderEvents';
import { asOrderBucket, bucketEntry, orderBucketId, withBucketEntry, withoutBucketEntry, storeBucket, type OrderBucket } from './orderBuckets';

/** What one customer has spent on orders that were neither cancelled nor deleted: one document per customer. */
export type CustomerSpend = {
  readonly kind: 'customer';
  /** The customer's key (see customerKey): an email-like id lowercased, so one person is one document. */
  readonly customerId: string;
  /** The email of the customer's latest order that had one. */
  readonly customerEmail: string | null;
  readonly orderCount: number;
  readonly totalSpentCents: number;
};

/**
 * Whether an order's total is counted in its customer's spend, so a cancel or delete can take it back out once.
 * Kept in the order's bucket (orderBuckets.ts), not a document per order.
 */
export type CustomerOrderEntry = {
  readonly orderId: string;
  readonly customerId: string;
  readonly totalCents: number;
  readonly counted: boolean;
};

export type TopCustomersDoc = CustomerSpend | OrderBucket<CustomerOrderEntry>;

/**
 * Every customer's spend is its own document, so an event rewrites one small document whatever the number of
 * customers (one document for all of them made every event copy them all). Cancel and delete events carry the
 * order's customerId for exactly this: the projector must know which customer document to load before evolve runs.
 */
export const customerDocIdPrefix = 'customer:';
export const customerDocId = (customerId: string): string => `${customerDocIdPrefix}${customerKey(customerId)}`;

/**
 * Adds one order to (sign 1) or takes one out of (sign −1) its customer's spend; a customer seen for the first time
 * starts from nothing. `customerEmail` replaces the one on record when not null.
 */
function count(
  docs: DocumentView<TopCustomersDoc>,
  customerId: string,
  sign: 1 | -1,
  totalCents: number,
  customerEmail: string | null,
): void {
  const key = customerDocId(customerId);
  const found = docs.get(key);
  const spend = found?.kind === 'customer' ? found : undefined;
  docs.put(key, {
    kind: 'customer',
    customerId: customerKey(customerId),
    customerEmail: customerEmail ?? spend?.customerEmail ?? null,
    orderCount: (spend?.orderCount ?? 0) + sign,
    totalSpentCents: (spend?.totalSpentCents ?? 0) + sign * totalCents,
  });
}

/** Top customers of seed 002 (`GET /api/v1/orders/top-customers`): spend per customer, kept up to date per event. */
export const topCustomersProjection: Projection<TopCustomersDoc> = {
  name: 'topCustomers',
  // 2: one document per customer instead of one `customers` document for all.
  // 3: customers keyed by customerKey, so `Ada@Example.com` and `ada@example.com` are one customer (rebuilds once).
  // 4: each order's customer, total and counted flag in one of a fixed number of bucket documents, not an
  //    `order:<id>` document each.
  version: 4,
  // Confirm/process/ship/deliver change no spend: the projector moves past them without loading anything.
  // OrderStatusSet: seed 000 may set an order to cancelled and back, which takes its spend out and puts it back.
  handles: ['OrderPlaced', 'OrderCancelled', 'OrderDeleted', 'OrderStatusSet'],
  documentIds(recorded) {
    const event = asOrderEvent(recorded);
    switch (event.type) {
      case 'OrderPlaced':
      case 'OrderCancelled':
      case 'OrderDeleted':
      case 'OrderStatusSet':
        // A cancel or delete recorded before these events carried the customer cannot be placed: fault saying so,
        // rather than load a `customer:undefined` document.
        if (typeof event.data.customerId !== 'string') {
          throw new Error(`${event.type} of order ${event.data.orderId} names no customerId; rebuild from a newer log.`);
        }
        return [customerDocId(event.data.customerId), orderBucketId(event.data.orderId)];
      default:
        // handles lists only the types above
        return [];
    }
  },
  evolve(docs, recorded) {
    const event = asOrderEvent(recorded);
    const { orderId } = event.data;
    const bucketId = orderBucketId(orderId);
    const bucket = asOrderBucket<CustomerOrderEntry>(docs.get(bucketId));
    const order = bucketEntry(bucket, orderId);

    switch (event.type) {
      case 'OrderPlaced': {
        if (order) return;
        const { customerId, customerEmail } = event.data;
        const totalCents = toCents(event.data.total);
        count(docs, customerId, 1, totalCents, customerEmail);
        docs.put(bucketId, withBucketEntry(bucket, { orderId, customerId, totalCents, counted: true }));
        return;
      }
      case 'OrderCancelled':
      case 'OrderDeleted': {
        if (!bucket || !order) return;
        if (order.counted) count(docs, order.customerId, -1, order.totalCents, null);
        if (event.type === 'OrderCancelled') {
          docs.put(bucketId, withBucketEntry(bucket, { ...order, counted: false }));
          return;
        }
        storeBucket(docs, bucketId, withoutBucketEntry(bucket, orderId));
        return;
      }
      case 'OrderStatusSet': {
        if (!order) return;
        const counted = event.data.status !== 'cancelled';
        if (counted === order.counted) return;
        count(docs, order.customerId, counted ? 1 : -1, order.totalCents, null);
        docs.put(bucketId, withBucketEntry(bucket, { ...order, counted }));
        return;
      }
      default:
        // handles lists only the types above
        return;
    }
  },
};
