import { canMove, orderTotal, OrderRuleError } from '../../support/order';
import type { OrderCommand, OrderEvent, OrderState, OrderStatus } from '../../support/order';

/** Where each status-changing command wants the order to go. */
const targetOf = {
  ConfirmOrder: 'confirmed',
  StartProcessing: 'processing',
  ShipOrder: 'shipped',
  DeliverOrder: 'delivered',
  CancelOrder: 'cancelled',
} as const satisfies Record<Exclude<OrderCommand['type'], 'PlaceOrder'>, OrderStatus>;

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  const { orderId, at } = command.data;
  if (command.type === 'PlaceOrder') {
    if (state.status !== 'none') {
      throw new OrderRuleError('OrderAlreadyExists', `Order ${orderId} already exists (it is "${state.status}").`);
    }
    if (command.data.items.length === 0) {
      throw new OrderRuleError('OrderHasNoItems', `Order ${orderId} has no items; an order needs at least one.`);
    }
    const { customerId, items } = command.data;
    return [{ type: 'OrderPlaced', data: { orderId, customerId, items, total: orderTotal(items), placedAt: at } }];
  }

  if (state.status === 'none') throw new OrderRuleError('OrderNotFound', `There is no order ${orderId}.`);
  const to = targetOf[command.type];
  if (!canMove(state.status, to)) {
    throw new OrderRuleError('IllegalTransition', `Order ${orderId} is "${state.status}"; it cannot become "${to}".`);
  }

  switch (command.type) {
    case 'ConfirmOrder':
      return [{ type: 'OrderConfirmed', data: { orderId, confirmedAt: at } }];
    case 'StartProcessing':
      return [{ type: 'OrderProcessingStarted', data: { orderId, startedAt: at } }];
    case 'ShipOrder':
      return [{ type: 'OrderShipped', data: { orderId, trackingNumber: command.data.trackingNumber, shippedAt: at } }];
    case 'DeliverOrder':
      return [{ type: 'OrderDelivered', data: { orderId, deliveredAt: at } }];
    case 'CancelOrder':
      return [{ type: 'OrderCancelled', data: { orderId, reason: command.data.reason, previousStatus: state.status, cancelledAt: at } }];
  }
}
