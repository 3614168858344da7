import type { OrderEvent, OrderState } from '../support/order';

/**
 * Exercise 02: evolve. Apply one event to an order's state and return the next state. Events are facts that
 * already happened: do not check rules here (decide did), just record what the event says. Read README.md first.
 */
export function evolve(state: OrderState, event: OrderEvent): OrderState {
  // TODO 1: OrderPlaced → a new 'pending' order: orderId, customerId, items, total from the event,
  //         updatedAt = placedAt, trackingNumber and cancelReason null.
  // TODO 2: any other event while state.status === 'none' → return state unchanged.
  // TODO 3: the other five events: return { ...state, status: ..., updatedAt: <the event's time> }, plus
  //         trackingNumber for OrderShipped and cancelReason for OrderCancelled.
  //         Never change `state` itself: it is frozen.
  void event;
  return state;
}
