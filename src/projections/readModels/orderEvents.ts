import type { RecordedEvent } from '../../eventStore/types';
import type { OrderEvent, OrderEventType } from '../../domain/order/types';

/** Every order event type, in lifecycle order: what the order read models subscribe to. */
export const orderEventTypes = [
  'OrderPlaced',
  'OrderConfirmed',
  'OrderProcessingStarted',
  'OrderShipped',
  'OrderDelivered',
  'OrderCancelled',
  'OrderDeleted',
  'OrderStatusSet',
] as const satisfies readonly OrderEventType[];

const known = new Set<string>(orderEventTypes);

/**
 * The recorded event as the typed domain union, so read models can `switch` with an exhaustiveness check. The store
 * has already upcast it to the current schema version; the projector only passes the types a projection handles.
 */
export function asOrderEvent(event: RecordedEvent): OrderEvent {
  if (!known.has(event.type)) throw new Error(`${event.type} is not an order event.`);
  return { type: event.type, data: event.data } as OrderEvent;
}

/** Every order event carries the id of its order. */
export function orderIdOf(event: RecordedEvent): string {
  return asOrderEvent(event).data.orderId;
}
