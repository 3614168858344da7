import Dexie from 'dexie';
import { WorkbookDb, type EventRow } from '../db/schema';
import { createDexieEventStore } from '../eventStore/dexieEventStore';
import { rehydrate, type SnapshotPolicy } from '../eventStore/handleCommand';
import type { EventStore, RecordedEvent } from '../eventStore/types';
import { cartDecider } from '../domain/cart/decider';
import { cartStreamId } from '../domain/cart/types';
import { createProjector } from '../projections/projector';
import { createDexieProjectionStore } from '../projections/dexieProjectionStore';
import { workbookProjections } from '../projections/allProjections';
import { createDexieBulkStorage } from '../simulator/dexieBulkStorage';
import { defaultSnapshotPolicy, workbookUpcasting } from '../simulator/simulator';
import { compareThroughput, compareTime, medianMs, throughput, type BenchResult, type GrowthPoint } from './benchResult';
import { orderSteps } from './bulkSteps';
import { runOrderCommands } from './runOrderCommands';
import { eventsPerOrder, longCartCommands, orderStreams } from './workloads';

/**
 * The browser benchmarks: real IndexedDB in this page. Run by `npm run bench` (in Chromium, through playwright-core)
 * and by the Performance page, from the same code. Every database here is a throw-away one (`event-workbook-bench-*`),
 * deleted afterwards: the person's own events are never touched.
 */

/** `glance`: a few seconds, to see the page work (figures on such small data are rough); `quick` and `full`: the real runs. */
export type BenchScale = 'glance' | 'quick' | 'full';

export type BrowserBenchProgress = { readonly step: string; readonly done: number; readonly total: number };

export type BrowserBenchReport = {
  readonly results: readonly BenchResult[];
  /** Cost per handleCommand on the Dexie store as the store grows: it should stay flat. */
  readonly growth: readonly GrowthPoint[];
};

const sizes = {
  glance: { commandOrders: 20, batchedEvents: 1_000, rebuildEvents: 1_000, longStream: 2_000, growthSteps: [500, 2_000] },
  quick: { commandOrders: 200, batchedEvents: 20_000, rebuildEvents: 20_000, longStream: 10_000, growthSteps: [1_000, 10_000, 30_000] },
  full: { commandOrders: 1_000, batchedEvents: 100_000, rebuildEvents: 100_000, longStream: 10_000, growthSteps: [1_000, 10_000, 50_000, 100_000] },
} as const;

const at = '2026-11-23T10:00:00.000Z';
const steps = ['append', 'batched append', 'projection rebuild', 'snapshot rehydration', 'cost as the store grows'] as const;

export async function runBrowserBenchmarks(
  scale: BenchScale,
  onProgress: (progress: BrowserBenchProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<BrowserBenchReport> {
  const size = sizes[scale];
  const results: BenchResult[] = [];
  // Cancelling stops before the next step: a step under way finishes (its throw-away database is still deleted).
  const report = (index: number) => {
    signal?.throwIfAborted();
    onProgress({ step: steps[index] ?? 'done', done: index, total: steps.length });
  };

  report(0);
  await withDb(async (db) => {
    const store = createDexieEventStore(db);
    const commands = await throughput(size.commandOrders * eventsPerOrder, () => runOrderCommands(store, size.commandOrders, at));
    const recorded = await store.readAll({ after: 0, limit: size.commandOrders * eventsPerOrder });
    const rows = recorded.map(toRow);
    const ceiling = await withDb((raw) => throughput(rows.length, () => raw.events.bulkAdd(rows)));
    results.push(compareThroughput(`handleCommand, ${size.commandOrders.toLocaleString('en-US')} orders (one transaction each)`, 'events/s', commands, 'raw bulkAdd of the same rows', ceiling));
    store.close();
  });

  report(1);
  await withDb(async (db) => {
    const store = createDexieEventStore(db);
    const streams = orderStreams(size.batchedEvents / eventsPerOrder, at);
    // "Batched": many streams' events in one call and one transaction, as an import or a seed writes them.
    const batched = await throughput(size.batchedEvents, () => appendInBatches(db, streams, 500));
    const recorded = await readEverything(store);
    const ceiling = await withDb((raw) => throughput(recorded.length, () => raw.events.bulkAdd(recorded.map(toRow))));
    results.push(compareThroughput(`batched append, ${size.batchedEvents.toLocaleString('en-US')} events (500 orders a transaction, CRUD twin included)`, 'events/s', batched, 'raw bulkAdd of the same rows', ceiling, 0.5));
    store.close();
  });

  report(2);
  await withDb(async (db) => {
    const store = createDexieEventStore(db);
    await appendInBatches(db, orderStreams(size.rebuildEvents / eventsPerOrder, at), 500);
    const projector = createProjector({ store, projectionStore: createDexieProjectionStore(db), projections: workbookProjections, batchSize: 1000 });
    const orders = workbookProjections.find((projection) => projection.name === 'orders') ?? workbookProjections[0]!;
    const rebuilt = await throughput(size.rebuildEvents, () => projector.rebuild(orders.name));
    const read = await throughput(size.rebuildEvents, () => db.events.each(() => undefined));
    results.push(compareThroughput(`rebuild the ${orders.name} read model, ${size.rebuildEvents.toLocaleString('en-US')} events`, 'events/s', rebuilt, 'raw cursor read of the events table', read, 0.5));
    const all = await throughput(size.rebuildEvents, async () => {
      for (const projection of workbookProjections) await projector.rebuild(projection.name);
    });
    results.push(compareThroughput(`rebuild all ${workbookProjections.length} read models, one after another`, 'events/s', all, 'raw cursor read of the events table', read));
    projector.stop();
    store.close();
  });

  report(3);
  await withDb(async (db) => {
    const store = createDexieEventStore(db);
    // The app's own policy (a snapshot every 50 events), at its worst: a whole interval of tail to replay.
    const snapshots: SnapshotPolicy = defaultSnapshotPolicy;
    const streamId = cartStreamId('long');
    await buildLongCart(store, size.longStream, snapshots);
    const full = await medianMs(5, () => rehydrate(store, cartDecider, streamId));
    const withSnapshot = await medianMs(5, () => rehydrate(store, cartDecider, streamId, { snapshots }));
    results.push(compareTime(`rehydrate a ${size.longStream.toLocaleString('en-US')}-event stream: snapshot + ${snapshots.every}-event tail`, withSnapshot, 'full replay', full, 20));
    store.close();
  });

  report(4);
  const growth = await withDb(async (db) => {
    const store = createDexieEventStore(db);
    const points: GrowthPoint[] = [];
    let stored = 0;
    let nextOrder = 0;
    for (const target of size.growthSteps) {
      const streams = orderStreams((target - stored) / eventsPerOrder, at, nextOrder);
      nextOrder += streams.length;
      await appendInBatches(db, streams, 500);
      stored = target;
      const probeOrders = 40;
      const perSecond = await throughput(probeOrders * eventsPerOrder, () => runOrderCommands(store, probeOrders, at, nextOrder));
      nextOrder += probeOrders;
      stored += probeOrders * eventsPerOrder;
      points.push({ storedEvents: target, microsPerCommand: 1e6 / perSecond });
    }
    store.close();
    return points;
  });
  const first = growth[0];
  const last = growth.at(-1);
  if (first && last)
    results.push(
      compareThroughput(
        `handleCommand at ${last.storedEvents.toLocaleString('en-US')} stored events`,
        'commands/s',
        1e6 / last.microsPerCommand,
        `the same at ${first.storedEvents.toLocaleString('en-US')} stored events`,
        1e6 / first.microsPerCommand,
        0.8,
      ),
    );
  onProgress({ step: 'done', done: steps.length, total: steps.length });
  return { results, growth };
}

/**
 * The app's batched write path (the Data screen's seed and import): many streams' events in one IndexedDB
 * transaction, stream versions checked, the CRUD twin written alongside.
 */
async function appendInBatches(db: WorkbookDb, streams: ReturnType<typeof orderStreams>, streamsPerCall: number): Promise<void> {
  const bulk = createDexieBulkStorage(db, { upcasting: workbookUpcasting });
  for (let start = 0; start < streams.length; start += streamsPerCall) {
    await bulk.appendSteps(orderSteps(streams.slice(start, start + streamsPerCall)));
  }
}

/** A cart kept open for months: `count` decided events, snapshotted every `snapshots.every`. */
async function buildLongCart(store: EventStore, count: number, snapshots: SnapshotPolicy): Promise<void> {
  const cartId = 'long';
  let state = cartDecider.initialState();
  const events = [];
  for (const [index, command] of longCartCommands(cartId, count).entries())
    for (const event of cartDecider.decide(command, state)) {
      state = cartDecider.evolve(state, event);
      events.push({ eventId: `cart-${index}`, type: event.type, data: event.data, metadata: { commandId: `cart-${index}` } });
    }
  const streamId = cartStreamId(cartId);
  for (let start = 0; start < events.length; start += 1000) {
    const batch = events.slice(start, start + 1000);
    await store.appendToStream(streamId, batch, { expectedVersion: start === 0 ? 'noStream' : start });
  }
  // The worst case of the policy: the last snapshot a whole interval back, so the tail is `every` events long.
  const at = count - (count % snapshots.every || snapshots.every);
  const { state: snapshotState } = await rehydrate(store, cartDecider, streamId, { upTo: at });
  await store.saveSnapshot({ streamId, streamPosition: at, stateVersion: snapshots.stateVersion, state: snapshotState, takenAt: new Date().toISOString() });
}

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: all.length, limit: 5000 });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const toRow = (event: RecordedEvent): EventRow => ({ ...event, commandId: event.metadata.commandId });

let databases = 0;
async function withDb<T>(work: (db: WorkbookDb) => Promise<T>): Promise<T> {
  const name = `event-workbook-bench-${Date.now()}-${(databases += 1)}`;
  const db = new WorkbookDb(name);
  await db.open();
  try {
    return await work(db);
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}
