import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/domain/core/errors';
import { limits } from '../../../src/domain/core/limits';
import { inventoryDecider } from '../../../src/domain/inventory/decider';
import { orderDecider } from '../../../src/domain/order/decider';
import { userDecider } from '../../../src/domain/user/decider';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import { handleCommand } from '../../../src/eventStore/handleCommand';
import { orderEventSchemaVersions, type PlaceOrder } from '../../../src/domain/order/types';

/**
 * A decider records only events its import schema accepts, whatever path the command took to `decide`: the saga,
 * seeding and tests build commands without the forms' input validation.
 */

const at = '2025-03-01T09:00:00.000Z';
const placeOrder = (item: { product: string; quantity: number; unitPrice: number }): PlaceOrder => ({
  type: 'PlaceOrder',
  data: { orderId: 'o-1', customerId: 'c-1', customerEmail: null, items: [item], at },
});

function refusal(decide: () => unknown): ValidationError {
  try {
    decide();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('decide recorded the event');
}

describe('a decider refuses to record an event its schema refuses', () => {
  it('an order item with an empty, a too long product, or a quantity of 0.5', () => {
    const none = orderDecider.initialState();
    expect(refusal(() => orderDecider.decide(placeOrder({ product: '', quantity: 1, unitPrice: 1 }), none)).issues).toEqual([
      { field: 'items[0].product', message: 'is required' },
    ]);
    expect(
      refusal(() => orderDecider.decide(placeOrder({ product: 'p'.repeat(limits.productName + 1), quantity: 1, unitPrice: 1 }), none))
        .issues,
    ).toEqual([{ field: 'items[0].product', message: `must be at most ${limits.productName} characters` }]);
    expect(refusal(() => orderDecider.decide(placeOrder({ product: 'Laptop', quantity: 0.5, unitPrice: 1 }), none)).issues).toEqual([
      { field: 'items[0].quantity', message: 'must be a whole number of at least 1' },
    ]);
  });

  it('a user with a name over the limit, and stock of a product over the limit', () => {
    const user = { type: 'CreateUser', data: { userId: 'u-1', firstName: 'f'.repeat(limits.personName + 1), lastName: 'L', email: 'a@example.com', at } } as const;
    expect(refusal(() => userDecider.decide(user, userDecider.initialState())).issues).toEqual([
      { field: 'firstName', message: `must be at most ${limits.personName} characters` },
    ]);
    const stock = { type: 'AddStock', data: { product: 'p'.repeat(limits.productName + 1), quantity: 1, unitPrice: 1, at } } as const;
    expect(refusal(() => inventoryDecider.decide(stock, inventoryDecider.initialState())).issues).toEqual([
      { field: 'product', message: `must be at most ${limits.productName} characters` },
    ]);
  });

  it('through handleCommand: refused, nothing written', async () => {
    const store = createMemoryEventStore();
    await expect(
      handleCommand({
        store,
        decider: orderDecider,
        streamId: 'order-o-1',
        command: placeOrder({ product: '   ', quantity: 1, unitPrice: 1 }),
        commandId: 'cmd-1',
        schemaVersions: orderEventSchemaVersions,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await store.headPosition()).toBe(0);
  });

  it('records what the commands accept, at every limit', () => {
    const item = { product: 'p'.repeat(limits.productName), quantity: limits.quantity, unitPrice: limits.unitPrice };
    const command: PlaceOrder = { ...placeOrder(item), data: { ...placeOrder(item).data, items: Array.from({ length: limits.itemsPerOrder }, () => item) } };
    expect(orderDecider.decide(command, orderDecider.initialState())).toHaveLength(1);
  });
});
