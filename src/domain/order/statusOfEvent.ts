import type { OrderEventType, OrderStatus } from './types';

/** The status each order event moves an order to. OrderDeleted has none: the order leaves the read side. */
const statusByEvent: Readonly<Record<Exclude<OrderEventType, 'OrderDeleted'>, OrderStatus>> = {
  OrderPlaced: 'pending',
  OrderConfirmed: 'confirmed',
  OrderProcessingStarted: 'processing',
  OrderShipped: 'shipped',
  OrderDelivered: 'delivered',
  OrderCancelled: 'cancelled',
};

/** The status an event of this type moves an order to; undefined for OrderDeleted and for other aggregates' events. */
export function statusOfEvent(eventType: string): OrderStatus | undefined {
  return Object.hasOwn(statusByEvent, eventType) ? statusByEvent[eventType as keyof typeof statusByEvent] : undefined;
}
