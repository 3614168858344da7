import type { OrderEvent, OrderStatus } from '../../support/order';
import type { CustomerOrders, OrdersByCustomer } from './readModel';

const toCents = (amount: number): number => Math.round(amount * 100);

/** The status each lifecycle event moves an order to. */
const statusOf = {
  OrderConfirmed: 'confirmed',
  OrderProcessingStarted: 'processing',
  OrderShipped: 'shipped',
  OrderDelivered: 'delivered',
  OrderCancelled: 'cancelled',
} as const satisfies Record<Exclude<OrderEvent['type'], 'OrderPlaced'>, OrderStatus>;

export function projectOrdersByCustomer(view: OrdersByCustomer, event: OrderEvent): OrdersByCustomer {
  if (event.type === 'OrderPlaced') {
    const { orderId, customerId, total } = event.data;
    const row: CustomerOrders = view[customerId] ?? { customerId, orders: [], totalSpent: 0 };
    return {
      ...view,
      [customerId]: {
        ...row,
        orders: [...row.orders, { orderId, status: 'pending', total }],
        totalSpent: (toCents(row.totalSpent) + toCents(total)) / 100,
      },
    };
  }
  // Only OrderPlaced names the customer: the row that already lists the order is where it belongs.
  const row = Object.values(view).find((candidate) => candidate.orders.some((order) => order.orderId === event.data.orderId));
  if (row === undefined) return view;
  const status = statusOf[event.type];
  const order = row.orders.find((candidate) => candidate.orderId === event.data.orderId)!;
  const refund = status === 'cancelled' && order.status !== 'cancelled' ? toCents(order.total) : 0;
  return {
    ...view,
    [row.customerId]: {
      ...row,
      orders: row.orders.map((candidate) => (candidate.orderId === order.orderId ? { ...candidate, status } : candidate)),
      totalSpent: (toCents(row.totalSpent) - refund) / 100,
    },
  };
}

