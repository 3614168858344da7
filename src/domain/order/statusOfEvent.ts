import type { OrderEventType, OrderStatus } from './types';

/** The status each lifecycle event moves an order to. OrderDeleted has none: the order leaves the read side. */
const statusByEvent: Readonly<Record<Exclude<OrderEventType, 'OrderDeleted' | 'OrderStatusSet'>, OrderStatus>> = {
  OrderPlaced: 'pending',
  OrderConfirmed: 'confirmed',
  OrderProcessingStarted: 'processing',
  OrderShipped: 'shipped',
  OrderDelivered: 'delivered',
  OrderCancelled: 'cancelled',
};

/**
 * The status an event moves an order to; undefined for OrderDeleted and for other aggregates' events. Seed 000's
 * OrderStatusSet says its status in its data (any status can follow any other there).
 */
export function statusOfEvent(event: { readonly type: string; readonly data?: unknown }): OrderStatus | undefined {
  if (event.type === 'OrderStatusSet') return (event.data as { status?: OrderStatus } | undefined)?.status;
  return Object.hasOwn(statusByEvent, event.type) ? statusByEvent[event.type as keyof typeof statusByEvent] : undefined;
}
