import { canMove, orderTotal, OrderRuleError } from '../support/order';
import type { OrderCommand, OrderEvent, OrderState } from '../support/order';

/**
 * Exercise 01: decide. Given a command and the order's current state, return the events that record what
 * happened, or throw an OrderRuleError when the command is not allowed. Read README.md first.
 */
export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  // TODO 1: PlaceOrder. Refuse it when the order already exists (state.status !== 'none') or has no items;
  //         otherwise return one OrderPlaced whose data copies the command and adds total = orderTotal(items).
  // TODO 2: any other command on an order with no events (state.status === 'none') is refused: OrderNotFound.
  // TODO 3: ConfirmOrder / StartProcessing / ShipOrder / DeliverOrder / CancelOrder: check canMove(from, to);
  //         refuse with IllegalTransition (name the current status in the message) or return the one event.
  //         OrderCancelled remembers previousStatus: the status the order had when it was cancelled.
  void canMove;
  void orderTotal;
  void OrderRuleError;
  return [];
}
