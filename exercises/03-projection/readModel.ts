import type { OrderStatus } from '../support/order';

/** One order as the "orders by customer" screen lists it. */
export type CustomerOrder = { readonly orderId: string; readonly status: OrderStatus; readonly total: number };

/** One customer's row of the read model. */
export type CustomerOrders = {
  readonly customerId: string;
  /** In the order they were placed. */
  readonly orders: readonly CustomerOrder[];
  /** Sum of the totals of this customer's orders that are not cancelled. */
  readonly totalSpent: number;
};

/** The read model: one row per customer id. */
export type OrdersByCustomer = Readonly<Record<string, CustomerOrders>>;
