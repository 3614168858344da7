import type { OrderEvent, OrderState } from '../../support/order';

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'OrderPlaced') {
    const { orderId, customerId, items, total, placedAt } = event.data;
    return { status: 'pending', orderId, customerId, items, total, updatedAt: placedAt, trackingNumber: null, cancelReason: null };
  }
  // An event without an OrderPlaced before it cannot describe an order.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OrderConfirmed':
      return { ...state, status: 'confirmed', updatedAt: event.data.confirmedAt };
    case 'OrderProcessingStarted':
      return { ...state, status: 'processing', updatedAt: event.data.startedAt };
    case 'OrderShipped':
      return { ...state, status: 'shipped', trackingNumber: event.data.trackingNumber, updatedAt: event.data.shippedAt };
    case 'OrderDelivered':
      return { ...state, status: 'delivered', updatedAt: event.data.deliveredAt };
    case 'OrderCancelled':
      return { ...state, status: 'cancelled', cancelReason: event.data.reason, updatedAt: event.data.cancelledAt };
  }
}
