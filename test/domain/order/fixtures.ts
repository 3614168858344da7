import type { OrderEvent, OrderItem, OrderStatus } from '../../../src/domain/order/types';

/** Shared, frozen order fixtures: order 42 walked along seed 002's happy path. */
export const orderId = '42';
export const customerId = 'c-1';
export const at = '2025-01-02T10:00:00.000Z';
export const later = '2025-01-02T11:00:00.000Z';

export const items: readonly OrderItem[] = Object.freeze([
  Object.freeze({ product: 'Laptop', quantity: 2, unitPrice: 999.99 }),
  Object.freeze({ product: 'Mouse', quantity: 3, unitPrice: 0.1 }),
]);

export const placed: OrderEvent = {
  type: 'OrderPlaced',
  data: { orderId, customerId, customerEmail: 'ada@example.com', items, total: 2000.28, placedAt: at },
};
export const confirmed: OrderEvent = { type: 'OrderConfirmed', data: { orderId, confirmedAt: at } };
export const started: OrderEvent = { type: 'OrderProcessingStarted', data: { orderId, startedAt: at } };
export const shipped: OrderEvent = { type: 'OrderShipped', data: { orderId, trackingNumber: 'TN-1', shippedAt: at } };
export const delivered: OrderEvent = { type: 'OrderDelivered', data: { orderId, deliveredAt: at } };
export const cancelledWhilePending: OrderEvent = {
  type: 'OrderCancelled',
  data: { orderId, customerId, reason: 'Changed my mind', previousStatus: 'pending', cancelledAt: at },
};

/** The events that bring order 42 to each status. */
export const historyTo: Readonly<Record<OrderStatus, readonly OrderEvent[]>> = {
  pending: [placed],
  confirmed: [placed, confirmed],
  processing: [placed, confirmed, started],
  shipped: [placed, confirmed, started, shipped],
  delivered: [placed, confirmed, started, shipped, delivered],
  cancelled: [placed, cancelledWhilePending],
};
