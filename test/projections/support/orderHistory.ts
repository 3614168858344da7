import { orderStreamId, type OrderEvent, type OrderItem, type OrderStatus } from '../../../src/domain/order/types';
import type { UserEvent } from '../../../src/domain/user/types';
import { userStreamId } from '../../../src/domain/user/types';
import type { EventStore } from '../../../src/eventStore/types';

let eventCounter = 0;

/** Appends domain events to their streams, one append per event, as handleCommand would record them. */
export async function record(store: EventStore, events: readonly (OrderEvent | UserEvent)[]): Promise<void> {
  for (const event of events) {
    const streamId = 'orderId' in event.data ? orderStreamId(event.data.orderId) : userStreamId(event.data.userId);
    eventCounter += 1;
    await store.appendToStream(streamId, [{ eventId: `test-event-${eventCounter}`, type: event.type, data: event.data }]);
  }
}

export const laptop: OrderItem = { product: 'Laptop', quantity: 1, unitPrice: 1000 };
export const mouse: OrderItem = { product: 'Wireless Mouse', quantity: 2, unitPrice: 25.5 };
export const cable: OrderItem = { product: 'USB-C Cable', quantity: 3, unitPrice: 9.99 };

export const placed = (
  orderId: string,
  items: readonly OrderItem[],
  placedAt: string,
  customer: { id?: string; email?: string | null } = {},
): OrderEvent => ({
  type: 'OrderPlaced',
  data: {
    orderId,
    customerId: customer.id ?? 'c1',
    customerEmail: customer.email === undefined ? 'ada@example.com' : customer.email,
    items,
    total: Math.round(items.reduce((sum, item) => sum + item.quantity * item.unitPrice * 100, 0)) / 100,
    placedAt,
  },
});
export const confirmed = (orderId: string, at: string): OrderEvent => ({
  type: 'OrderConfirmed',
  data: { orderId, confirmedAt: at },
});
export const processing = (orderId: string, at: string): OrderEvent => ({
  type: 'OrderProcessingStarted',
  data: { orderId, startedAt: at },
});
export const shipped = (orderId: string, at: string, trackingNumber: string | null = null): OrderEvent => ({
  type: 'OrderShipped',
  data: { orderId, trackingNumber, shippedAt: at },
});
export const delivered = (orderId: string, at: string): OrderEvent => ({
  type: 'OrderDelivered',
  data: { orderId, deliveredAt: at },
});
export const cancelled = (
  orderId: string,
  at: string,
  previousStatus: 'pending' | 'confirmed' | 'processing',
  reason = 'changed my mind',
  customerId = 'c1', // the customer `placed` defaults to
): OrderEvent => ({
  type: 'OrderCancelled',
  data: { orderId, customerId, reason, previousStatus, cancelledAt: at },
});
export const deleted = (
  orderId: string,
  at: string,
  previousStatus: OrderStatus,
  customerId = 'c1', // the customer `placed` defaults to
): OrderEvent => ({ type: 'OrderDeleted', data: { orderId, customerId, previousStatus, deletedAt: at } });

export const userCreated = (userId: string, email: string, at: string): UserEvent => ({
  type: 'UserCreated',
  data: { userId, firstName: 'John', lastName: 'Doe', email, createdAt: at },
});
export const userEmailUpdated = (userId: string, previousEmail: string, newEmail: string, at: string): UserEvent => ({
  type: 'UserEmailUpdated',
  data: { userId, previousEmail, newEmail, updatedAt: at },
});
