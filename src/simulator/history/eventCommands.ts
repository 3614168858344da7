import { assertNever } from '../../domain/core/message';
import type { OrderCommand, OrderEvent } from '../../domain/order/types';
import type { UserCommand, UserEvent } from '../../domain/user/types';
import type { RecordedEvent } from '../../eventStore/types';
import { orderEventTypes } from '../../projections/readModels/orderEvents';

/**
 * The history screens replay recorded events through the same rules that recorded them. An event is the result of
 * one command, so each event is turned back into that command: `decide` then says whether it still follows (the
 * what-if view), and the CRUD twin can be fed the very command it saw when the event was written.
 */

export type HistoryEvent =
  | { readonly aggregate: 'order'; readonly event: OrderEvent }
  | { readonly aggregate: 'user'; readonly event: UserEvent };

const orderTypes: ReadonlySet<string> = new Set(orderEventTypes);
const userTypes: ReadonlySet<string> = new Set(['UserCreated', 'UserEmailUpdated'] satisfies UserEvent['type'][]);

/** The recorded event as a typed domain event, or undefined for an event of another aggregate (payments, sagas…). */
export function historyEventOf(recorded: RecordedEvent): HistoryEvent | undefined {
  const message = { type: recorded.type, data: recorded.data };
  if (orderTypes.has(recorded.type)) return { aggregate: 'order', event: message as OrderEvent };
  if (userTypes.has(recorded.type)) return { aggregate: 'user', event: message as UserEvent };
  return undefined;
}

/** The order command that records this event. */
export function orderCommandOf(event: OrderEvent): OrderCommand {
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, customerId, customerEmail, items, placedAt } = event.data;
      return { type: 'PlaceOrder', data: { orderId, customerId, customerEmail, items, at: placedAt } };
    }
    case 'OrderConfirmed':
      return { type: 'ConfirmOrder', data: { orderId: event.data.orderId, at: event.data.confirmedAt } };
    case 'OrderProcessingStarted':
      return { type: 'StartProcessing', data: { orderId: event.data.orderId, at: event.data.startedAt } };
    case 'OrderShipped': {
      const { orderId, trackingNumber, shippedAt } = event.data;
      return { type: 'ShipOrder', data: { orderId, trackingNumber, at: shippedAt } };
    }
    case 'OrderDelivered':
      return { type: 'DeliverOrder', data: { orderId: event.data.orderId, at: event.data.deliveredAt } };
    case 'OrderCancelled': {
      const { orderId, reason, cancelledAt } = event.data;
      return { type: 'CancelOrder', data: { orderId, reason, at: cancelledAt } };
    }
    case 'OrderDeleted':
      return { type: 'DeleteOrder', data: { orderId: event.data.orderId, at: event.data.deletedAt } };
    case 'OrderStatusSet':
      return { type: 'SetOrderStatus', data: { orderId: event.data.orderId, status: event.data.status, at: event.data.setAt } };
    default:
      return assertNever(event);
  }
}

/** The user command that records this event. */
export function userCommandOf(event: UserEvent): UserCommand {
  switch (event.type) {
    case 'UserCreated': {
      const { userId, firstName, lastName, email, createdAt } = event.data;
      return { type: 'CreateUser', data: { userId, firstName, lastName, email, at: createdAt } };
    }
    case 'UserEmailUpdated': {
      const { userId, newEmail, updatedAt } = event.data;
      return { type: 'UpdateUserEmail', data: { userId, newEmail, at: updatedAt } };
    }
    default:
      return assertNever(event);
  }
}

/**
 * When the event happened in the domain (the time its command carried), which is what "status at time T" asks
 * about; the store's recordedAt for events that carry no time of their own.
 */
export function occurredAt(recorded: RecordedEvent): string {
  const history = historyEventOf(recorded);
  if (history === undefined) return recorded.metadata.recordedAt;
  return history.aggregate === 'order'
    ? orderCommandOf(history.event).data.at
    : userCommandOf(history.event).data.at;
}
