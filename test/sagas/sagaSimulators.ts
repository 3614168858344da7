import { expect } from 'vitest';
import type { RecordedEvent } from '../../src/eventStore/types';
import { createMemoryProjectionStore } from '../../src/projections/memoryProjectionStore';
import type { SagaCoordinatorOptions } from '../../src/sagas/orderSaga';
import type { SagaView } from '../../src/sagas/types';
import { createSimulator, type WorkbookSimulator } from '../../src/simulator/simulator';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import { check, exportedFileLines } from '../simulator/exportFileLines';

/** The saga's pauses between steps end at once, so a test waits only for the work itself. */
const instant = async () => {};

export async function simulator(options: SagaCoordinatorOptions = {}): Promise<WorkbookSimulator> {
  return createMemorySimulator({ sagas: { sleep: instant, ...options } });
}

/**
 * A person acts once while the saga runs: between two of the first saga's steps (a pause of 1 ms each), as soon
 * as `when` holds for it, `act` runs, e.g. cancelling or shipping the order on the command panel meanwhile.
 */
export async function simulatorWithPersonActing(
  when: (saga: SagaView) => boolean,
  act: (sim: WorkbookSimulator, saga: SagaView) => Promise<unknown>,
): Promise<WorkbookSimulator> {
  let acted = false;
  const sim: WorkbookSimulator = await simulator({
    injection: { stepDelayMs: 1 },
    sleep: async () => {
      if (acted) return;
      const [saga] = await sim.sagas.sagas();
      if (saga === undefined || !when(saga)) return;
      acted = true;
      await act(sim, saga);
    },
  });
  return sim;
}

/** A second tab: its own coordinator, projector and circuit, on the same event store (its CRUD twin follows that log). */
export async function secondTab(first: WorkbookSimulator, options: SagaCoordinatorOptions = {}): Promise<WorkbookSimulator> {
  return createSimulator({
    store: first.store,
    projectionStore: createMemoryProjectionStore(),
    sagas: { sleep: instant, ...options },
  });
}

/** The saga's PlaceOrder input for customer c-1, one line per [product, quantity]. */
export const order = (...items: [product: string, quantity: number][]) => ({
  customerId: 'c-1',
  items: items.map(([product, quantity]) => ({ product, quantity })),
});

/** Places the order through the saga and waits until it completed (reserved, charged, confirmed). */
export async function completedSaga(sim: WorkbookSimulator, input: unknown) {
  const started = await sim.sagas.placeOrder(input);
  if (!started.ok) throw new Error(started.message);
  await sim.sagas.whenIdle();
  expect((await sim.sagas.saga(started.orderId))?.status).toBe('completed');
  return started;
}

export const stockOf = async (sim: WorkbookSimulator, product: string) =>
  (await sim.sagas.stock()).find((level) => level.product === product)!;

/** A saga's timeline as `<step> <outcome>` lines, the way the timeline screen lists them. */
export const steps = (saga: { timeline: readonly { kind: string; step: string; outcome: string }[] }) =>
  saga.timeline.map((entry) => `${entry.step} ${entry.outcome}`);

export const ofType = (events: readonly RecordedEvent[], type: string) => events.filter((event) => event.type === type);

/** The events of the simulator's log as an export file reads them back (the import a student would make). */
export async function exportedEvents(sim: WorkbookSimulator) {
  const result = check(await exportedFileLines(sim.store));
  if (!result.ok) throw new Error(`line ${result.line}: ${result.reason}`);
  return result.events;
}
