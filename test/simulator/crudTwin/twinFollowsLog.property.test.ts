import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyToCrud } from '../../../src/crud/applyCommand';
import { createMemoryCrudStore } from '../../../src/crud/memoryCrudStore';
import { StorageError } from '../../../src/db/errors';
import { orderDecider } from '../../../src/domain/order/decider';
import { orderStatuses, type OrderCommand } from '../../../src/domain/order/types';
import { rehydrate } from '../../../src/eventStore/handleCommand';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import { createMemoryProjectionStore } from '../../../src/projections/memoryProjectionStore';
import { createCrudTwinFollower } from '../../../src/simulator/crudTwin/crudTwinFollower';
import { createMemoryTwinStorage, type CrudTwinStorage } from '../../../src/simulator/crudTwin/twinStorage';
import { createSimulator, workbookUpcasting } from '../../../src/simulator/simulator';
import { intentArb, toCommand } from '../../crud/support/orderCommands';

/**
 * The twin is written only by following the log. Whatever the commands and whichever twin writes fail on the way,
 * the live twin ends equal to a twin rebuilt from the log in one go, and both equal what the CRUD rules make of the
 * accepted commands applied in place (src/crud/overwrite.ts): the same rows, and the same losses, in the same order.
 */

/** A command a person sends, and whether the twin's write after it fails (a full disk for that moment). */
const stepArb = fc.record({
  intent: intentArb,
  /** Seed 000's "any status over any status" instead of the intent, now and then. */
  setStatus: fc.option(fc.constantFrom(...orderStatuses), { freq: 5 }),
  twinWriteFails: fc.boolean(),
});

/** The command name execute takes for a command, and its input (the `at` goes in the options). */
function request(command: OrderCommand) {
  const { at, ...input } = command.data;
  return { name: command.type, input, at };
}

describe('the CRUD twin follows the log', () => {
  it('live (with failed writes caught up later) == rebuilt from the log == the accepted commands applied in place', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 30 }), async (steps) => {
        const store = createMemoryEventStore({ upcasting: workbookUpcasting });
        const projectionStore = createMemoryProjectionStore();
        const storage = createMemoryTwinStorage(() => projectionStore.logGeneration());
        let diskFull = false;
        const failing: CrudTwinStorage = {
          ...storage,
          commit: (batch) => (diskFull ? Promise.reject(new StorageError('quota')) : storage.commit(batch)),
        };
        const simulator = await createSimulator({ store, projectionStore, twin: failing, now: () => '2026-01-01T00:00:00.000Z' });
        const inPlace = createMemoryCrudStore();
        try {
          for (const [index, step] of steps.entries()) {
            const orderId = `o${step.intent.order}`;
            const command: OrderCommand =
              step.setStatus === null
                ? toCommand(step.intent, index, await stateOf(orderId))
                : { type: 'SetOrderStatus', data: { orderId, status: step.setStatus, at: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString() } };
            diskFull = step.twinWriteFails;
            const { name, input, at } = request(command);
            const outcome = await simulator.execute(name, input, { at });
            diskFull = false;
            if (!outcome.ok) {
              // Refused by the domain: nothing recorded, and never because of the twin.
              expect(['rule', 'notFound', 'validation']).toContain(outcome.kind);
              continue;
            }
            expect(outcome.crudTwinNote !== undefined).toBe(step.twinWriteFails);
            await applyToCrud(command, inPlace);
          }
          await simulator.crudTwin.catchUp();

          const rebuilt = createMemoryTwinStorage(() => projectionStore.logGeneration());
          // The log as the twin reads it: personal fields decrypted (the simulator's store; `store` holds ciphertext).
          const follower = createCrudTwinFollower({ store: simulator.store, storage: rebuilt, upcasting: workbookUpcasting, batchSize: 1_000_000 });
          const status = await follower.catchUp();
          expect(status.refused).toBe(0);
          expect(simulator.crudTwin.getStatus()).toMatchObject({ lag: 0, refused: 0, lastError: null });

          const live = { rows: await simulator.crud.list(), losses: await simulator.crud.allLosses() };
          expect(live).toEqual({ rows: await rebuilt.crud.list(), losses: await rebuilt.crud.allLosses() });
          expect(live).toEqual({ rows: await inPlace.list(), losses: await inPlace.allLosses() });
        } finally {
          simulator.close();
        }

        async function stateOf(orderId: string) {
          return (await rehydrate(simulator.store, orderDecider, `order-${orderId}`)).state;
        }
      }),
      { numRuns: 100 },
    );
  });
});
