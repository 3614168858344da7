import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/domain/core/decider';
import { DomainError } from '../../../src/domain/core/errors';
import { commandOfInventoryEvent, inventoryDecider } from '../../../src/domain/inventory/decider';
import {
  availableOf,
  inventoryStreamId,
  reservedOf,
  type InventoryCommand,
  type InventoryEvent,
} from '../../../src/domain/inventory/types';
import { spec } from '../../support/givenWhenThen';

const at = '2025-01-02T10:00:00.000Z';
const product = 'Monitor';
const given = (events: readonly InventoryEvent[]) => spec(inventoryDecider).given(events);

const add = (quantity: number, unitPrice: number | null = 249): InventoryCommand => ({
  type: 'AddStock',
  data: { product, quantity, unitPrice, at },
});
const added = (quantity: number, unitPrice = 249): InventoryEvent => ({
  type: 'StockAdded',
  data: { product, quantity, unitPrice, addedAt: at },
});
const reserve = (orderId: string, quantity: number): InventoryCommand => ({
  type: 'ReserveStock',
  data: { product, orderId, quantity, at },
});
const reserved = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'StockReserved',
  data: { product, orderId, quantity, reservedAt: at },
});
const release = (orderId: string): InventoryCommand => ({
  type: 'ReleaseStock',
  data: { product, orderId, reason: 'Payment declined', at },
});
const released = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'StockReleased',
  data: { product, orderId, quantity, reason: 'Payment declined', releasedAt: at },
});
const ship = (orderId: string, quantity: number): InventoryCommand => ({
  type: 'ShipReservedStock',
  data: { product, orderId, quantity, at },
});
const shipped = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'ReservedStockShipped',
  data: { product, orderId, quantity, shippedAt: at },
});

describe('adding stock', () => {
  it('records the units and the price', () => {
    given([]).when(add(3)).then([added(3)]);
    given([added(3)]).when(add(2, 199)).thenState({ product, onHand: 5, unitPrice: 199, reservations: {}, shipped: {} });
  });

  it('keeps the price it has when the command gives none', () => {
    given([added(3, 249)]).when(add(2, null)).then([added(2, 249)]);
  });

  it('refuses a quantity that is not a whole number of at least 1', () => {
    for (const quantity of [0, -1, 1.5]) {
      const error = given([]).when(add(quantity)).thenThrows(DomainError, /whole number of at least 1/);
      expect(error.code).toBe('InvalidQuantity');
    }
  });
});

describe('reserving stock for an order', () => {
  it('sets units aside: available drops, on hand stays', () => {
    given([added(3)]).when(reserve('o1', 2)).then([reserved('o1', 2)]);
    const state = fold(inventoryDecider.evolve, [added(3), reserved('o1', 2)], inventoryDecider.initialState());
    expect([state.onHand, reservedOf(state), availableOf(state)]).toEqual([3, 2, 1]);
  });

  it('may take the last unit', () => {
    given([added(3), reserved('o1', 2)]).when(reserve('o2', 1)).then([reserved('o2', 1)]);
  });

  it('refuses more than is available, naming available and asked (stock short)', () => {
    const error = given([added(3), reserved('o1', 2)])
      .when(reserve('o2', 2))
      .thenThrows(DomainError, /Monitor is short: 1 unit available \(3 on hand, 2 reserved\), order o2 asks for 2/);
    expect(error.code).toBe('StockShort');
  });

  it('refuses a product that was never stocked as stock short', () => {
    const error = given([]).when(reserve('o1', 1)).thenThrows(DomainError, /out of stock: none has ever been added/);
    expect(error.code).toBe('StockShort');
  });

  it('is a no-op when the same order asks the same reservation again (a retried saga step)', () => {
    given([added(3), reserved('o1', 2)]).when(reserve('o1', 2)).then([]);
  });

  it('refuses a second, different reservation for the same order', () => {
    const error = given([added(5), reserved('o1', 2)]).when(reserve('o1', 3)).thenThrows(DomainError, /already holds 2 units/);
    expect(error.code).toBe('AlreadyReserved');
  });

  it('refuses a quantity that is not whole', () => {
    given([added(5)]).when(reserve('o1', 0)).thenThrows(DomainError, /whole number/);
  });
});

describe('releasing a reservation (compensation)', () => {
  it('gives the whole reservation back', () => {
    given([added(3), reserved('o1', 2)]).when(release('o1')).then([released('o1', 2)]);
    given([added(3), reserved('o1', 2), reserved('o2', 1)])
      .when(release('o1'))
      .thenState({ product, onHand: 3, unitPrice: 249, reservations: { o2: 1 }, shipped: {} });
  });

  it('is a no-op when repeated or when the order holds nothing: compensation is safe to run again', () => {
    given([added(3), reserved('o1', 2), released('o1', 2)]).when(release('o1')).then([]);
    given([added(3)]).when(release('o9')).then([]);
  });

  it('makes the units available to the next order', () => {
    given([added(3), reserved('o1', 3), released('o1', 3)]).when(reserve('o2', 3)).then([reserved('o2', 3)]);
  });
});

describe('shipping an order’s reservation', () => {
  it('takes the units off the shelf: on hand drops, the reservation ends, available stays', () => {
    given([added(5), reserved('o1', 2), reserved('o2', 1)]).when(ship('o1', 2)).then([shipped('o1', 2)]);
    const state = fold(
      inventoryDecider.evolve,
      [added(5), reserved('o1', 2), reserved('o2', 1), shipped('o1', 2)],
      inventoryDecider.initialState(),
    );
    expect([state.onHand, reservedOf(state), availableOf(state)]).toEqual([3, 1, 2]);
    expect(state.reservations).toEqual({ o2: 1 });
  });

  it('refuses to ship more than the order holds, naming both', () => {
    const error = given([added(5), reserved('o1', 2)]).when(ship('o1', 3)).thenThrows(DomainError, /order o1 holds 2 units; it cannot ship 3/);
    expect(error.code).toBe('ShipMoreThanReserved');
  });

  it('refuses to ship part of a reservation: the units left would stay held for an order that is gone', () => {
    const error = given([added(5), reserved('o1', 2)]).when(ship('o1', 1)).thenThrows(DomainError, /holds 2 units; it cannot ship 1/);
    expect(error.code).toBe('ShipLessThanReserved');
  });

  it('refuses to ship for an order that holds nothing (never reserved, or released)', () => {
    const never = given([added(5)]).when(ship('o9', 1)).thenThrows(DomainError, /order o9 holds no reservation/);
    expect(never.code).toBe('NotReserved');
    given([added(5), reserved('o1', 2), released('o1', 2)]).when(ship('o1', 2)).thenThrows(DomainError, /holds no reservation/);
  });

  it('is a no-op when the same shipment is asked again (a follow-up redone after a reload)', () => {
    given([added(5), reserved('o1', 2), shipped('o1', 2)]).when(ship('o1', 2)).then([]);
    given([added(5), reserved('o1', 2), shipped('o1', 2)]).when(ship('o1', 3)).thenThrows(DomainError, /shipped 2 units already/);
  });

  it('does not release what has shipped: a late release changes nothing', () => {
    given([added(5), reserved('o1', 2), shipped('o1', 2)]).when(release('o1')).then([]);
  });
});

describe('the inventory stream', () => {
  it('is one stream per product', () => {
    expect(inventoryStreamId('Laptop')).toBe('inventory-Laptop');
  });

  it('reads each event back as the command that recorded it', () => {
    const history = [added(3), reserved('o1', 2), released('o1', 2), reserved('o2', 1), shipped('o2', 1)];
    let state = inventoryDecider.initialState();
    for (const event of history) {
      expect(inventoryDecider.decide(commandOfInventoryEvent(event), state)).toEqual([event]);
      state = inventoryDecider.evolve(state, event);
    }
  });
});
