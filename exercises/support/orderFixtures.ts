import { deepFreeze, fc } from './checks';
import {
  nextStatuses,
  orderTotal,
  type OrderEvent,
  type OrderItem,
  type OrderState,
  type OrderStatus,
} from './order';

/** Fixtures and generators the checks of several exercises share. Frozen: a check can never change another's data. */

export const placedAt = '2024-05-01T09:00:00.000Z';
export const laterAt = '2024-05-02T14:30:00.000Z';

/** Three mice at 0.10 cost 0.30, not 0.30000000000000004: a total has to be computed with care. */
export const sampleItems: readonly OrderItem[] = Object.freeze([
  Object.freeze({ product: 'Laptop', quantity: 2, unitPrice: 999.99 }),
  Object.freeze({ product: 'Mouse pad', quantity: 3, unitPrice: 0.1 }),
]);

/** An order of 1001 already in `status`, as `evolve` would have left it. */
export function orderIn(status: OrderStatus, orderId = '1001', customerId = 'c-7'): OrderState {
  return Object.freeze({
    status,
    orderId,
    customerId,
    items: sampleItems,
    total: orderTotal(sampleItems),
    updatedAt: placedAt,
    trackingNumber: status === 'shipped' || status === 'delivered' ? 'TRK-1' : null,
    cancelReason: status === 'cancelled' ? 'customer changed their mind' : null,
  });
}

/** The event that moves an order to `to`, as `decide` must record it. */
export function eventFor(to: Exclude<OrderStatus, 'pending'>, orderId: string, at: string, from: OrderStatus, extra: { trackingNumber: string; reason: string }): OrderEvent {
  switch (to) {
    case 'confirmed':
      return { type: 'OrderConfirmed', data: { orderId, confirmedAt: at } };
    case 'processing':
      return { type: 'OrderProcessingStarted', data: { orderId, startedAt: at } };
    case 'shipped':
      return { type: 'OrderShipped', data: { orderId, trackingNumber: extra.trackingNumber, shippedAt: at } };
    case 'delivered':
      return { type: 'OrderDelivered', data: { orderId, deliveredAt: at } };
    case 'cancelled':
      return { type: 'OrderCancelled', data: { orderId, reason: extra.reason, previousStatus: from, cancelledAt: at } };
  }
}

export const arbId = fc.stringMatching(/^[a-z0-9]{1,8}$/);
export const arbTime = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
export const arbItems = fc.array(
  fc.record({
    product: fc.constantFrom('Laptop', 'Mouse', 'Monitor', 'Cable', 'Desk'),
    quantity: fc.integer({ min: 1, max: 9 }),
    unitPrice: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
  }),
  { minLength: 1, maxLength: 4 },
);

/**
 * A legal history of one order: OrderPlaced, then moves the state machine allows, each a step further (or a
 * cancellation). `stops` picks where it ends, so every status is reached.
 */
export function arbHistory(orderId: fc.Arbitrary<string> = arbId, customerId: fc.Arbitrary<string> = arbId): fc.Arbitrary<readonly OrderEvent[]> {
  return fc
    .record({
      orderId,
      customerId,
      items: arbItems,
      times: fc.array(arbTime, { minLength: 5, maxLength: 5 }),
      moves: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      tracking: fc.stringMatching(/^TRK-[0-9]{1,6}$/),
      reason: fc.constantFrom('out of stock', 'customer changed their mind', 'payment failed'),
    })
    .map(({ orderId: id, customerId: customer, items, times, moves, tracking, reason }) => {
      const events: OrderEvent[] = [
        { type: 'OrderPlaced', data: { orderId: id, customerId: customer, items, total: orderTotal(items), placedAt: times[0]! } },
      ];
      let status: OrderStatus = 'pending';
      for (const [index, forward] of moves.entries()) {
        const allowed: readonly OrderStatus[] = nextStatuses[status];
        if (allowed.length === 0) break;
        // `forward` takes the main path; otherwise cancel when allowed, or stop here.
        const to: OrderStatus | undefined = forward ? allowed[0]! : allowed.includes('cancelled') ? 'cancelled' : undefined;
        if (to === undefined || to === 'pending') break;
        events.push(eventFor(to, id, times[index + 1]!, status, { trackingNumber: tracking, reason }));
        status = to;
        if (to === 'cancelled') break;
      }
      return deepFreeze(events) as readonly OrderEvent[];
    });
}

/** The status an event moves an order to. */
export function statusAfter(event: OrderEvent): OrderStatus {
  switch (event.type) {
    case 'OrderPlaced':
      return 'pending';
    case 'OrderConfirmed':
      return 'confirmed';
    case 'OrderProcessingStarted':
      return 'processing';
    case 'OrderShipped':
      return 'shipped';
    case 'OrderDelivered':
      return 'delivered';
    case 'OrderCancelled':
      return 'cancelled';
  }
}
