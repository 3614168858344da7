import type { OrderEvent } from '../support/order';
import type { OrdersByCustomer } from './readModel';

/**
 * Exercise 03: a projection. Apply one order event to the "orders by customer" read model and return the new
 * read model. Read README.md first.
 */
export function projectOrdersByCustomer(view: OrdersByCustomer, event: OrderEvent): OrdersByCustomer {
  // TODO 1: OrderPlaced → add { orderId, status: 'pending', total } to the customer's row (create the row the
  //         first time: { customerId, orders: [], totalSpent: 0 }) and add total to totalSpent.
  // TODO 2: the other events carry only orderId: find the row whose orders include it (none found → return
  //         view unchanged), then set that order's status from the event.
  // TODO 3: OrderCancelled also takes the order's total out of totalSpent.
  //         `view` is frozen: return new objects and arrays ({ ...view, [customerId]: { ...row, ... } }).
  void event;
  return view;
}
