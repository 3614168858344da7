import type { OrderCommand } from '../src/domain/order/types';

/** The life of one order as the commands a shop would send: placed, confirmed, processing, shipped, delivered. */
export function orderLifecycle(orderId: string, at: string): OrderCommand[] {
  return [
    {
      type: 'PlaceOrder',
      data: {
        orderId,
        customerId: `c-${Number.parseInt(orderId.replace(/\D/g, ''), 10) % 500}`,
        customerEmail: `customer${orderId}@example.com`,
        items: [{ product: 'Laptop', quantity: 2, unitPrice: 999.99 }],
        at,
      },
    },
    { type: 'ConfirmOrder', data: { orderId, at } },
    { type: 'StartProcessing', data: { orderId, at } },
    { type: 'ShipOrder', data: { orderId, trackingNumber: null, at } },
    { type: 'DeliverOrder', data: { orderId, at } },
  ];
}

export const eventsPerOrder = 5;
