import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/domain/core/errors';
import { orderDecider } from '../../../src/domain/order/decider';
import { orderUpcasters, upcastOrderPlacedV1 } from '../../../src/domain/order/upcasters';
import { orderEventSchemaVersions, type OrderEvent } from '../../../src/domain/order/types';
import { upcast, type Upcasters } from '../../../src/eventStore/upcasters';

const v1 = Object.freeze({
  orderId: 'd136ca70',
  customerId: '123',
  product: 'Laptop',
  quantity: 2,
  placedAt: '2024-05-01T09:00:00.000Z',
});

describe('OrderPlaced v1 (seed 000) → v2', () => {
  it('turns the one product into the only item, at price 0, with no email and total 0', () => {
    expect(upcastOrderPlacedV1(v1)).toEqual({
      orderId: 'd136ca70',
      customerId: '123',
      customerEmail: null,
      items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }],
      total: 0,
      placedAt: '2024-05-01T09:00:00.000Z',
    });
  });

  it('gives an event the current decider folds into a pending order', () => {
    const event: OrderEvent = { type: 'OrderPlaced', data: upcastOrderPlacedV1(v1) };
    const state = orderDecider.evolve(orderDecider.initialState(), event);
    expect(state).toMatchObject({ status: 'pending', orderId: 'd136ca70', total: 0 });
  });

  it('reads a numeric seed 000 customer id as text', () => {
    expect(upcastOrderPlacedV1({ ...v1, customerId: 123 }).customerId).toBe('123');
  });

  it('refuses data that is not a v1 OrderPlaced, saying which field', () => {
    expect(() => upcastOrderPlacedV1({ ...v1, quantity: 'two' })).toThrow(ValidationError);
    expect(() => upcastOrderPlacedV1({ ...v1, product: undefined })).toThrow(/product: is required/);
    expect(() => upcastOrderPlacedV1(null)).toThrow(/must be an OrderPlaced v1 object/);
  });

  it('is registered as the one step from version 1, up to the version written today', () => {
    expect(orderUpcasters.OrderPlaced[1]).toBe(upcastOrderPlacedV1);
    expect(Object.keys(orderUpcasters.OrderPlaced).map(Number)).toEqual([1]);
    expect(orderEventSchemaVersions.OrderPlaced).toBe(2);
  });

  it("plugs into the event store's upcasting: a stored v1 row reads as v2", () => {
    const registry: Upcasters = orderUpcasters;
    const stored = {
      eventId: 'e-1',
      globalPosition: 1,
      streamId: 'order-d136ca70',
      streamPosition: 1,
      type: 'OrderPlaced',
      schemaVersion: 1,
      data: v1,
      metadata: { commandId: 'c', correlationId: 'c', causationId: 'c', recordedAt: v1.placedAt },
    };
    const read = upcast(stored, registry, orderEventSchemaVersions);
    expect(read.schemaVersion).toBe(2);
    expect(read.data).toEqual(upcastOrderPlacedV1(v1));
  });
});
