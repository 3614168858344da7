import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import type { RecordedEvent } from '../../src/eventStore/types';
import { createDexieBulkStorage } from '../../src/simulator/dexieBulkStorage';
import { planSeed } from '../../src/simulator/seedData';
import { createBrowserSimulator, workbookUpcasting, type WorkbookSimulator } from '../../src/simulator/simulator';

/**
 * Replacing the log (an import, a reset) and invalidating every read model are one step: a tab that dies right
 * after the log was replaced, before it rebuilt anything, leaves no read model of the old log behind, and a tab
 * that was busy projecting the old log cannot write it into the new one.
 */

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const each of opened.splice(0)) each.close();
});

let databases = 0;
async function openSimulator(dbName: string): Promise<WorkbookSimulator> {
  const simulator = await createBrowserSimulator({ dbName });
  opened.push(simulator);
  return simulator;
}

/** What a tab that dies right after the replacement did: the replacement's transaction, and nothing after it. */
async function replaceTheLogAndDie(dbName: string, events: readonly RecordedEvent[]): Promise<void> {
  const db = new WorkbookDb(dbName);
  await db.open();
  await createDexieBulkStorage(db, { upcasting: workbookUpcasting }).replaceAll(events);
  db.close();
}

/** The orders a log leaves: placed and not deleted. */
function orderIdsIn(events: readonly RecordedEvent[]): string[] {
  const orders = new Set<string>();
  for (const { type, data } of events) {
    const { orderId } = data as { orderId: string };
    if (type === 'OrderPlaced') orders.add(orderId);
    if (type === 'OrderDeleted') orders.delete(orderId);
  }
  return [...orders].sort();
}

async function orderIdsInReadModel(simulator: WorkbookSimulator): Promise<string[]> {
  await simulator.projector.whenCaughtUp();
  const docs = await simulator.projectionStore.listDocuments<{ orderId: string }>('orders');
  return docs.map(({ id }) => id).sort();
}

async function seeded(dbName: string, ...seeds: number[]): Promise<{ simulator: WorkbookSimulator; events: RecordedEvent[] }> {
  const simulator = await openSimulator(dbName);
  for (const seed of seeds) await simulator.appendGenerated(planSeed({ seed, orders: 15 }).steps);
  await simulator.projector.whenCaughtUp();
  return { simulator, events: await simulator.store.readAll({ limit: 100_000 }) };
}

describe('replacing the log on IndexedDB (fake-indexeddb)', () => {
  it('a tab that dies right after an import: the next tab shows exactly the imported orders', async () => {
    const dbName = `log-replacement-${++databases}-${Date.now()}`;
    const { simulator: before, events: imported } = await seeded(dbName, 1);
    await before.appendGenerated(planSeed({ seed: 2, orders: 15 }).steps);
    await before.projector.whenCaughtUp();
    before.close();

    await replaceTheLogAndDie(dbName, imported);

    const next = await openSimulator(dbName);
    expect(await orderIdsInReadModel(next)).toEqual(orderIdsIn(imported));
    expect(orderIdsIn(imported).length).toBeGreaterThan(10);
  });

  it('a tab that dies right after a reset: the next tab shows no order', async () => {
    const dbName = `log-replacement-${++databases}-${Date.now()}`;
    const { simulator: before } = await seeded(dbName, 3);
    before.close();

    await replaceTheLogAndDie(dbName, []);

    const next = await openSimulator(dbName);
    expect(await orderIdsInReadModel(next)).toEqual([]);
    expect((await next.queries.summary()).totalOrders).toBe(0);
  });

  it('a tab that stays open while another replaces the log follows the new log', async () => {
    const dbName = `log-replacement-${++databases}-${Date.now()}`;
    const { simulator: watching, events: imported } = await seeded(dbName, 4);
    await watching.appendGenerated(planSeed({ seed: 5, orders: 15 }).steps);
    await watching.projector.whenCaughtUp();

    await replaceTheLogAndDie(dbName, imported);

    // fake-indexeddb has no BroadcastChannel between connections here: the watching tab is told by its next catch-up.
    await watching.projector.catchUp();
    expect(await orderIdsInReadModel(watching)).toEqual(orderIdsIn(imported));
  });
});
