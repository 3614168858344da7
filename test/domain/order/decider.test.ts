import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, NotFoundError } from '../../../src/domain/core/errors';
import { orderDecider, orderTotal } from '../../../src/domain/order/decider';
import { allowedNextStatuses, canTransition, orderTransitions } from '../../../src/domain/order/transitions';
import {
  orderStatuses,
  type OrderCommand,
  type OrderEvent,
  type OrderState,
  type OrderStatus,
} from '../../../src/domain/order/types';
import { spec } from '../../support/givenWhenThen';
import { at, cancelledWhilePending, customerId, historyTo, items, later, orderId, placed } from './fixtures';

const given = (events: readonly OrderEvent[]) => spec(orderDecider).given(events);

/** Seed 002's "Order Status Flow", copied from the seed's text, independently of src/. */
const seedFlow: Record<OrderStatus, OrderStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

type Target = Exclude<OrderStatus, 'pending'>;
const commandTo: Record<Target, { verb: string; command: OrderCommand }> = {
  confirmed: { verb: 'confirm', command: { type: 'ConfirmOrder', data: { orderId, at: later } } },
  processing: { verb: 'start processing', command: { type: 'StartProcessing', data: { orderId, at: later } } },
  shipped: { verb: 'ship', command: { type: 'ShipOrder', data: { orderId, trackingNumber: 'TN-9', at: later } } },
  delivered: { verb: 'deliver', command: { type: 'DeliverOrder', data: { orderId, at: later } } },
  cancelled: { verb: 'cancel', command: { type: 'CancelOrder', data: { orderId, reason: 'Out of stock', at: later } } },
};
const eventFor = (to: Target, from: OrderStatus): OrderEvent => {
  switch (to) {
    case 'confirmed':
      return { type: 'OrderConfirmed', data: { orderId, confirmedAt: later } };
    case 'processing':
      return { type: 'OrderProcessingStarted', data: { orderId, startedAt: later } };
    case 'shipped':
      return { type: 'OrderShipped', data: { orderId, trackingNumber: 'TN-9', shippedAt: later } };
    case 'delivered':
      return { type: 'OrderDelivered', data: { orderId, deliveredAt: later } };
    case 'cancelled':
      return {
        type: 'OrderCancelled',
        data: { orderId, customerId, reason: 'Out of stock', previousStatus: from, cancelledAt: later },
      };
  }
};

describe('the transition table', () => {
  it('is seed 002 status flow', () => {
    expect(orderTransitions).toEqual(seedFlow);
    for (const status of orderStatuses) expect(allowedNextStatuses(status)).toEqual(seedFlow[status]);
  });

  it('never leads back to pending', () => {
    for (const from of orderStatuses) expect(canTransition(from, 'pending')).toBe(false);
  });
});

describe('every status change, legal and illegal (6 × 5 commands)', () => {
  for (const from of orderStatuses) {
    for (const to of Object.keys(commandTo) as Target[]) {
      const { verb, command } = commandTo[to];
      if (seedFlow[from].includes(to)) {
        it(`${from} → ${to} is recorded`, () => {
          expect(canTransition(from, to)).toBe(true);
          given(historyTo[from]).when(command).then([eventFor(to, from)]);
        });
      } else {
        it(`${from} → ${to} is refused, naming "${from}" and where it can go`, () => {
          expect(canTransition(from, to)).toBe(false);
          const error = given(historyTo[from]).when(command).thenThrows(DomainError);
          expect(error.code).toBe('IllegalTransition');
          const next = seedFlow[from];
          expect(error.message).toBe(
            next.length === 0
              ? `Cannot ${verb} order 42: it is "${from}", which is final: no status can follow it.`
              : `Cannot ${verb} order 42: it is "${from}". From "${from}" it can go to: ${next.join(', ')}.`,
          );
        });
      }
    }
  }

  it('says exactly why a pending order cannot ship', () => {
    given(historyTo.pending)
      .when({ type: 'ShipOrder', data: { orderId, trackingNumber: null, at } })
      .thenThrows(
        DomainError,
        /^Cannot ship order 42: it is "pending"\. From "pending" it can go to: confirmed, cancelled\.$/,
      );
  });
});

describe('placing an order', () => {
  const place: OrderCommand = {
    type: 'PlaceOrder',
    data: { orderId, customerId: 'c-1', customerEmail: 'ada@example.com', items, at },
  };

  it('records OrderPlaced with the total in cents', () => {
    given([]).when(place).then([placed]);
  });

  it('starts the order pending with everything the command said', () => {
    given([])
      .when(place)
      .thenState({
        status: 'pending',
        orderId,
        customerId: 'c-1',
        customerEmail: 'ada@example.com',
        items,
        total: 2000.28,
        placedAt: at,
        updatedAt: at,
        trackingNumber: null,
        cancelReason: null,
        deleted: false,
      });
  });

  it('refuses an id that already has an order', () => {
    const error = given([placed]).when(place).thenThrows(DomainError, /Order 42 already exists \(it is "pending"\)/);
    expect(error.code).toBe('OrderAlreadyExists');
  });

  it('refuses an order with no items', () => {
    const empty: OrderCommand = { type: 'PlaceOrder', data: { ...place.data, items: [] } } as OrderCommand;
    expect(given([]).when(empty).thenThrows(DomainError).code).toBe('OrderHasNoItems');
  });
});

describe('orderTotal', () => {
  it('rounds to cents without floating-point dust', () => {
    expect(orderTotal([{ product: 'Pen', quantity: 3, unitPrice: 0.1 }])).toBe(0.3);
    const pen = { product: 'Pen', quantity: 1, unitPrice: 0.1 };
    const ink = { product: 'Ink', quantity: 1, unitPrice: 0.2 };
    expect(orderTotal([pen, ink])).toBe(0.3);
    expect(orderTotal([{ product: 'Laptop', quantity: 2, unitPrice: 0 }])).toBe(0);
  });
});

describe('an order that does not exist', () => {
  const commands = Object.values(commandTo).map(({ command }) => command);
  for (const command of [...commands, { type: 'DeleteOrder', data: { orderId, at } } as OrderCommand]) {
    it(`${command.type} answers "not found"`, () => {
      const error = given([]).when(command).thenThrows(NotFoundError, /No order with id "42" exists/);
      expect([error.entity, error.id]).toEqual(['order', '42']);
    });
  }
});

describe('deleting', () => {
  for (const from of orderStatuses) {
    it(`works from ${from} and keeps the status it had`, () => {
      given(historyTo[from])
        .when({ type: 'DeleteOrder', data: { orderId, at: later } })
        .then([{ type: 'OrderDeleted', data: { orderId, customerId, previousStatus: from, deletedAt: later } }]);
    });
  }

  const deletedWhileShipped: OrderEvent[] = [
    ...historyTo.shipped,
    { type: 'OrderDeleted', data: { orderId, customerId, previousStatus: 'shipped', deletedAt: later } },
  ];
  const everyCommand: OrderCommand[] = [
    { type: 'PlaceOrder', data: { orderId, customerId: 'c-2', customerEmail: null, items, at } },
    ...Object.values(commandTo).map(({ command }) => command),
    { type: 'DeleteOrder', data: { orderId, at } },
  ];
  for (const command of everyCommand) {
    it(`refuses ${command.type} on a deleted order`, () => {
      const error = given(deletedWhileShipped).when(command).thenThrows(DomainError, /Order 42 was deleted/);
      expect(error.code).toBe('OrderDeleted');
    });
  }

  it('leaves a tombstone: the state is marked deleted, the status is still the last one', () => {
    given(historyTo.shipped)
      .when({ type: 'DeleteOrder', data: { orderId, at: later } })
      .thenState({ ...(stateAfter(historyTo.shipped) as object), deleted: true, updatedAt: later } as OrderState);
  });
});

describe('what the state remembers', () => {
  it('keeps the tracking number of a shipment', () => {
    const state = stateAfter(historyTo.shipped);
    expect(state).toMatchObject({ status: 'shipped', trackingNumber: 'TN-1' });
  });

  it('keeps why an order was cancelled, and the cancel event keeps where it was', () => {
    expect(stateAfter(historyTo.cancelled)).toMatchObject({ status: 'cancelled', cancelReason: 'Changed my mind' });
    expect(cancelledWhilePending.data).toMatchObject({ previousStatus: 'pending' });
  });

  it('ignores events that arrive before any OrderPlaced', () => {
    expect(stateAfter([{ type: 'OrderConfirmed', data: { orderId, confirmedAt: at } }])).toEqual({ status: 'none' });
  });
});

describe('any sequence of commands', () => {
  const statusOf = (state: OrderState): OrderStatus | 'none' => state.status;
  const arbitraryCommand = fc.oneof(
    fc.constant<OrderCommand>({
      type: 'PlaceOrder',
      data: { orderId, customerId: 'c', customerEmail: null, items, at },
    }),
    ...Object.values(commandTo).map(({ command }) => fc.constant(command)),
    fc.constant<OrderCommand>({ type: 'DeleteOrder', data: { orderId, at } }),
  );

  it('only ever moves an order along seed 002 flow, and a deleted order never changes again', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCommand, { maxLength: 12 }), (commands) => {
        let state = orderDecider.initialState();
        for (const command of commands) {
          let events: OrderEvent[] = [];
          try {
            events = orderDecider.decide(command, state);
          } catch {
            continue;
          }
          const before = state;
          for (const event of events) state = orderDecider.evolve(state, event);
          if (before.status === 'none') continue;
          expect(before.deleted).toBe(false);
          if (statusOf(state) !== before.status) {
            expect(seedFlow[before.status]).toContain(state.status);
          }
          if (state.status !== 'none') expect(state.total).toBe(before.total);
        }
      }),
    );
  });
});

describe('seed 000’s SetOrderStatus: CRUD, no state machine', () => {
  const set = (status: OrderStatus): OrderCommand => ({ type: 'SetOrderStatus', data: { orderId, status, at: later } });
  const statusSet = (status: OrderStatus, previousStatus: OrderStatus): OrderEvent => ({
    type: 'OrderStatusSet',
    data: { orderId, customerId, status, previousStatus, setAt: later },
  });

  it('sets any status from any status, recording the one it overwrote', () => {
    for (const from of orderStatuses) {
      for (const to of orderStatuses) {
        given(historyTo[from]).when(set(to)).then([statusSet(to, from)]);
      }
    }
  });

  it('still needs an order: none yet is a NotFoundError, a deleted one a DomainError', () => {
    given([]).when(set('shipped')).thenThrows(NotFoundError);
    const deletedOrder: OrderEvent = { type: 'OrderDeleted', data: { orderId, customerId, previousStatus: 'pending', deletedAt: at } };
    given([placed, deletedOrder]).when(set('shipped')).thenThrows(DomainError, /was deleted/);
  });

  it('evolves to the status set, and seed 002’s state machine goes on from there', () => {
    const state = stateAfter([placed, statusSet('shipped', 'pending')]);
    expect(state).toMatchObject({ status: 'shipped', updatedAt: later });
    given([placed, statusSet('shipped', 'pending')]).when(commandTo.confirmed.command).thenThrows(DomainError, /it is "shipped"/);
  });
});

function stateAfter(events: readonly OrderEvent[]): OrderState {
  return events.reduce(orderDecider.evolve, orderDecider.initialState());
}
