import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { workbookProjections } from '../../src/projections/allProjections';
import { createDexieProjectionStore } from '../../src/projections/dexieProjectionStore';
import { createProjector } from '../../src/projections/projector';
import { listOrders, summaryFromReadModel } from '../../src/projections/queries/orderQueries';
import { createReadModelQueries } from '../../src/projections/queries/readModelQueries';
import type { OrderDoc } from '../../src/projections/readModels/orders';
import { summaryDocId, type SummaryDoc } from '../../src/projections/readModels/summary';
import { countingProjection, type CountDoc } from './support/countingProjection';
import { manyOrderEvents } from './support/manyOrders';
import { record } from './support/orderHistory';
import { shopHistory } from './support/shopHistory';

let databases = 0;
const opened: WorkbookDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
async function openDb(name = `projector-${(databases += 1)}-${Date.now()}`): Promise<WorkbookDb> {
  const db = new WorkbookDb(name);
  await db.open();
  opened.push(db);
  return db;
}

/** The shop's history in a fresh database, with every workbook read model caught up on it in batches of 5. */
async function caughtUpShop() {
  const db = await openDb();
  const store = createDexieEventStore(db);
  await record(store, shopHistory);
  const projectionStore = createDexieProjectionStore(db);
  const projector = createProjector({ store, projectionStore, projections: workbookProjections, batchSize: 5 });
  await projector.start();
  await projector.whenCaughtUp();
  return { projectionStore, projector };
}

describe('projector over Dexie (fake-indexeddb)', () => {
  it('builds every read model of the workbook from the stored log', async () => {
    const { projectionStore, projector } = await caughtUpShop();

    const orders = (await projectionStore.listDocuments<OrderDoc>('orders')).map(({ doc }) => doc);
    expect(listOrders(orders).orders.map((order) => order.orderId)).toEqual(['F', 'D', 'C', 'B', 'A']);
    const summary = summaryFromReadModel(await projectionStore.getDocument<SummaryDoc>('orderSummary', summaryDocId));
    expect(summary).toMatchObject({ totalOrders: 5, totalRevenue: 2131.97, averageOrderValue: 532.99 });
    // Customer documents are listed by their id prefix, a key range in IndexedDB: the order documents stay out.
    const topCustomers = await createReadModelQueries(projectionStore).topCustomers();
    expect(topCustomers.map((customer) => customer.customerId)).toEqual(['c3', 'c1', 'c2']);
    expect(projector.getStatus().projections.every((projection) => projection.status === 'idle')).toBe(true);
    projector.stop();
  });

  it('"Rebuild all" gives every read model of the workbook the documents the catch-up gave, across several commits', async () => {
    const db = await openDb();
    const store = createDexieEventStore(db);
    await record(store, manyOrderEvents(120));
    const projectionStore = createDexieProjectionStore(db);
    // Batches of 5 events: "Rebuild all" commits each read model at 50, 100 and 120.
    const projector = createProjector({ store, projectionStore, projections: workbookProjections, batchSize: 5 });
    await projector.start();
    await projector.whenCaughtUp();
    const readModels = async () =>
      Promise.all(workbookProjections.map(async ({ name }) => [name, await projectionStore.listDocuments(name)] as const));
    const before = await readModels();
    expect(before.find(([name]) => name === 'orders')?.[1]).toHaveLength(80);

    await projector.rebuildAll();

    expect(await readModels()).toEqual(before);
    expect(projector.getStatus().projections.map(({ name, status, checkpoint }) => [name, status, checkpoint])).toEqual(
      workbookProjections.map(({ name }) => [name, 'idle', 120]),
    );
    projector.stop();
  });

  it('picks up after a reload where the stored checkpoint says, without applying anything twice', async () => {
    const name = `reload-${Date.now()}`;
    const db = await openDb(name);
    const store = createDexieEventStore(db);
    await record(store, manyOrderEvents(6));
    const first = createProjector({ store, projectionStore: createDexieProjectionStore(db), projections: [countingProjection()] });
    await first.start();
    await first.whenCaughtUp();
    first.stop();
    await record(store, manyOrderEvents(9).slice(6));

    // A new page load: a new connection to the same database.
    const reloaded = await openDb(name);
    const calls: number[] = [];
    const projectionStore = createDexieProjectionStore(reloaded);
    const second = createProjector({
      store: createDexieEventStore(reloaded),
      projectionStore,
      projections: [countingProjection({ calls })],
    });
    await second.start();
    await second.whenCaughtUp();
    expect(calls).toEqual([7, 8, 9]);
    expect((await projectionStore.getDocument<CountDoc>('counts', 'all'))?.count).toBe(9);
    second.stop();
  });

  it('rebuilds to the same documents, with progress', async () => {
    const { projectionStore, projector } = await caughtUpShop();
    const before = await projectionStore.listDocuments('orderSummary');
    const progress: number[] = [];
    await projector.rebuild('orderSummary', ({ done }) => progress.push(done));
    expect(progress).toEqual([0, 5, 10, 15, 16]);
    expect(await projectionStore.listDocuments('orderSummary')).toEqual(before);
    projector.stop();
  });
});

describe('two tabs on one database', () => {
  it('a tab whose log was replaced by another tab follows the stored checkpoints instead of its stale ones', async () => {
    const name = `two-tabs-${Date.now()}`;
    const [dbA, dbB] = [await openDb(name), await openDb(name)];
    const storeA = createDexieEventStore(dbA);
    const storeB = createDexieEventStore(dbB);
    await record(storeA, manyOrderEvents(6));
    const tabA = createProjector({ store: storeA, projectionStore: createDexieProjectionStore(dbA), projections: workbookProjections });
    const tabB = createProjector({ store: storeB, projectionStore: createDexieProjectionStore(dbB), projections: workbookProjections });
    await tabA.start();
    await tabB.start();
    await tabA.whenCaughtUp();
    await tabB.whenCaughtUp();
    const before = tabB.getStatus().projections.find((p) => p.name === 'orders')!.checkpoint;
    expect(before).toBeGreaterThan(2);

    // Tab A resets: the log is cleared (the notice reaches tab B through the BroadcastChannel) and A rebuilds.
    await storeA.clear();
    for (const projection of workbookProjections) await tabA.rebuild(projection.name);
    await record(storeA, manyOrderEvents(1));
    await tabA.whenCaughtUp();

    await expect.poll(() => tabB.getStatus().headPosition).toBe(manyOrderEvents(1).length);
    await tabB.whenCaughtUp();
    const orders = tabB.getStatus().projections.find((p) => p.name === 'orders')!;
    expect(orders.checkpoint).toBe(manyOrderEvents(1).length);
    expect(orders.lag).toBe(0);
    tabA.stop();
    tabB.stop();
  });
});
