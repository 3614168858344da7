import type { OrderItem, OrderStatus } from '../../domain/order/types';
import { assertNever } from '../../domain/core/message';
import type { Projection } from '../types';
import { asOrderEvent, orderEventTypes, orderIdOf } from './orderEvents';

/** A status an order reached and when: the history the CRUD row throws away, kept in the read model for display. */
export type StatusChange = { readonly status: OrderStatus; readonly at: string };

/** One order as the queries of seed 002 see it. Deleted orders have no document. */
export type OrderDoc = {
  readonly orderId: string;
  readonly customerId: string;
  readonly customerEmail: string | null;
  readonly items: readonly OrderItem[];
  readonly total: number;
  readonly status: OrderStatus;
  readonly placedAt: string;
  readonly updatedAt: string;
  readonly cancelReason: string | null;
  readonly trackingNumber: string | null;
  readonly statusHistory: readonly StatusChange[];
  /** The order stream's version this document includes: seed 002's `version`, and the ETag of `GET` on the order. */
  readonly version: number;
};

const moved = (order: OrderDoc, status: OrderStatus, at: string, extra: Partial<OrderDoc> = {}): OrderDoc => ({
  ...order,
  ...extra,
  status,
  updatedAt: at,
  statusHistory: [...order.statusHistory, { status, at }],
});

/** All orders, one document per order id. */
export const ordersProjection: Projection<OrderDoc> = {
  name: 'orders',
  // 2: documents carry the stream version they include.
  version: 2,
  handles: orderEventTypes,
  documentIds: (event) => [orderIdOf(event)],
  evolve(docs, recorded) {
    const event = asOrderEvent(recorded);
    const { orderId } = event.data;
    const version = recorded.streamPosition;
    if (event.type === 'OrderPlaced') {
      const { customerId, customerEmail, items, total, placedAt } = event.data;
      docs.put(orderId, {
        orderId,
        customerId,
        customerEmail,
        items,
        total,
        status: 'pending',
        placedAt,
        updatedAt: placedAt,
        cancelReason: null,
        trackingNumber: null,
        statusHistory: [{ status: 'pending', at: placedAt }],
        version,
      });
      return;
    }
    const found = docs.get(orderId);
    // An event for an order this model never saw placed (or already deleted) has nothing to change.
    if (!found) return;
    const order = { ...found, version };
    switch (event.type) {
      case 'OrderConfirmed':
        return docs.put(orderId, moved(order, 'confirmed', event.data.confirmedAt));
      case 'OrderProcessingStarted':
        return docs.put(orderId, moved(order, 'processing', event.data.startedAt));
      case 'OrderShipped':
        return docs.put(
          orderId,
          moved(order, 'shipped', event.data.shippedAt, { trackingNumber: event.data.trackingNumber }),
        );
      case 'OrderDelivered':
        return docs.put(orderId, moved(order, 'delivered', event.data.deliveredAt));
      case 'OrderCancelled':
        return docs.put(orderId, moved(order, 'cancelled', event.data.cancelledAt, { cancelReason: event.data.reason }));
      case 'OrderDeleted':
        return docs.delete(orderId);
      case 'OrderStatusSet':
        return docs.put(orderId, moved(order, event.data.status, event.data.setAt));
      default:
        return assertNever(event);
    }
  },
};
