import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderDecider } from '../../src/domain/order/decider';
import { orderEventSchemaVersions, orderStreamId, type OrderCommand } from '../../src/domain/order/types';
import { handleCommand, rehydrate } from '../../src/eventStore/handleCommand';
import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';

const orderId = '42';
const at = '2025-01-02T10:00:00.000Z';

/** Any order command for order 42, legal or not in the order's state at the time: the domain decides. */
const orderCommand: fc.Arbitrary<OrderCommand> = fc.oneof(
  fc.record({
    type: fc.constant('PlaceOrder' as const),
    data: fc.record({
      orderId: fc.constant(orderId),
      customerId: fc.constantFrom('c-1', 'c-2'),
      customerEmail: fc.constantFrom(null, 'ada@example.com'),
      items: fc.array(
        fc.record({
          product: fc.constantFrom('Laptop', 'Mouse'),
          quantity: fc.integer({ min: 1, max: 5 }),
          unitPrice: fc.constantFrom(0, 0.1, 999.99),
        }),
        { minLength: 0, maxLength: 2 },
      ),
      at: fc.constant(at),
    }),
  }),
  fc.constantFrom<OrderCommand>(
    { type: 'ConfirmOrder', data: { orderId, at } },
    { type: 'StartProcessing', data: { orderId, at } },
    { type: 'ShipOrder', data: { orderId, trackingNumber: 'TN-1', at } },
    { type: 'DeliverOrder', data: { orderId, at } },
    { type: 'CancelOrder', data: { orderId, reason: 'changed my mind', at } },
    { type: 'DeleteOrder', data: { orderId, at } },
  ),
);

const validPlaceOrder: OrderCommand = {
  type: 'PlaceOrder',
  data: { orderId, customerId: 'c-1', customerEmail: null, items: [{ product: 'Laptop', quantity: 1, unitPrice: 999.99 }], at },
};

describe('snapshots of the order decider', () => {
  it('snapshot + tail gives the same state as a full replay, after any sequence of order commands', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Mostly starting with a valid PlaceOrder, so that the streams grow long enough to cross several snapshots.
        fc.tuple(fc.boolean(), fc.array(orderCommand, { maxLength: 25 })).map(([placeFirst, rest]) =>
          placeFirst ? [validPlaceOrder, ...rest] : rest,
        ),
        fc.integer({ min: 1, max: 4 }),
        async (commands, every) => {
          const store = createMemoryEventStore();
          const snapshots = { every, stateVersion: 1 };
          const streamId = orderStreamId(orderId);
          for (const [index, command] of commands.entries()) {
            try {
              const result = await handleCommand({
                store,
                decider: orderDecider,
                streamId,
                command,
                commandId: `cmd-${index}`,
                schemaVersions: orderEventSchemaVersions,
                snapshots,
              });
              const replayed = await rehydrate(store, orderDecider, streamId);
              expect(result.state).toEqual(replayed.state);
            } catch (error) {
              // Refused commands (illegal transitions, unknown order) are part of any realistic sequence.
              if (!(error instanceof Error && ['rule', 'notFound'].includes((error as { kind?: string }).kind ?? '')))
                throw error;
            }
            const fromSnapshot = await rehydrate(store, orderDecider, streamId, { snapshots });
            const fullReplay = await rehydrate(store, orderDecider, streamId);
            expect(fromSnapshot.state).toEqual(fullReplay.state);
            expect(fromSnapshot.version).toBe(fullReplay.version);
            // The order decider records one event per command, so a snapshot is taken at every multiple of `every`
            // and the tail after the latest one is always shorter than `every`.
            expect(fromSnapshot.eventsRead).toBeLessThan(every);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
