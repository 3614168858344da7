import { orderDecider } from '../domain/order/decider';
import type { OrderCommand } from '../domain/order/types';
import { orderEventSchemaVersions, orderStreamId } from '../domain/order/types';
import type { CartCommand } from '../domain/cart/types';
import type { NewEvent } from '../eventStore/types';

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

/** The events `orderLifecycle` records, decided by the real order decider, as whole streams ready to append. */
export function orderStreams(orders: number, at: string, firstOrder = 0): Array<{ streamId: string; events: NewEvent[] }> {
  return Array.from({ length: orders }, (_, i) => {
    const orderId = `${firstOrder + i}`;
    let state = orderDecider.initialState();
    const events: NewEvent[] = [];
    for (const [index, command] of orderLifecycle(orderId, at).entries())
      for (const event of orderDecider.decide(command, state)) {
        state = orderDecider.evolve(state, event);
        const commandId = `cmd-${orderId}-${index}`;
        events.push({
          eventId: `${commandId}:0`,
          type: event.type,
          schemaVersion: orderEventSchemaVersions[event.type] ?? 1,
          data: event.data,
          metadata: { commandId },
        });
      }
    return { streamId: orderStreamId(orderId), events };
  });
}

/**
 * C commands for one cart: items added (now and then one removed), then checked out. The Emmett comparison runs
 * these on both stores; `longCartCommands` (no checkout) builds the 10,000-event stream of the snapshot benchmark.
 */
export function cartCommands(cartId: string, commandsPerStream: number): CartCommand[] {
  return Array.from({ length: commandsPerStream }, (_, index): CartCommand =>
    index === commandsPerStream - 1 ? { type: 'CheckOut', data: { cartId } } : cartChange(cartId, index),
  );
}

export function longCartCommands(cartId: string, count: number): CartCommand[] {
  return Array.from({ length: count }, (_, index) => cartChange(cartId, index));
}

function cartChange(cartId: string, index: number): CartCommand {
  const product = `product-${index % 7}`;
  // Every fifth change takes one back out of a product added just before, so the command is always legal.
  return index % 5 === 4
    ? { type: 'RemoveItem', data: { cartId, product: `product-${(index - 1) % 7}`, quantity: 1 } }
    : { type: 'AddItem', data: { cartId, product, quantity: 1 + (index % 3), unitPrice: 9.5 + (index % 11) } };
}
