/**
 * Appends and projection rebuilds, each against the least work that does the same, on the memory store and on
 * Dexie over fake-indexeddb (node). Baselines, and why they are the right yardstick:
 * - memory append: pushing the same recorded events into an array and two maps, the least any in-memory store
 *   must do, so the ratio is the share of time left for version checks, validation and freezing;
 * - Dexie append: a raw `bulkAdd` of the same rows into the same IndexedDB table, the ceiling of the storage;
 * - memory projection: a bare fold of the same events into one Map of order states with the decider's `evolve`;
 * - Dexie projection: reading the same events with `readAll` and doing nothing with them, the storage floor.
 * The real-IndexedDB figures come from the browser benchmarks.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { orderDecider } from '../src/domain/order/decider';
import { WorkbookDb, type EventRow } from '../src/db/schema';
import { createDexieEventStore } from '../src/eventStore/dexieEventStore';
import { createMemoryEventStore } from '../src/eventStore/memoryEventStore';
import type { EventStore, RecordedEvent } from '../src/eventStore/types';
import { createProjector } from '../src/projections/projector';
import { createMemoryProjectionStore } from '../src/projections/memoryProjectionStore';
import { createDexieProjectionStore } from '../src/projections/dexieProjectionStore';
import type { ProjectionStore } from '../src/projections/projectionStore';
import { workbookProjections } from '../src/projections/allProjections';
import { compareThroughput as compare, throughput, type BenchResult } from '../src/performance/benchResult';
import { runOrderCommands } from '../src/performance/runOrderCommands';
import { eventsPerOrder, orderStreams as decidedStreams } from '../src/performance/workloads';

let sizes = { memoryOrders: 20_000, dexieOrders: 2_000 };
const at = '2026-11-23T10:00:00.000Z';
let dbCounter = 0;
const freshDb = async () => {
  const db = new WorkbookDb(`bench-${process.pid}-${++dbCounter}`);
  await db.open();
  return db;
};

const orderStreams = (orders: number) => decidedStreams(orders, at);

async function appendStreams(store: EventStore, streams: ReturnType<typeof orderStreams>): Promise<void> {
  for (const { streamId, events } of streams) await store.appendToStream(streamId, events, { expectedVersion: 'noStream' });
}

async function rebuildAll(store: EventStore, projectionStore: ProjectionStore): Promise<void> {
  const projector = createProjector({ store, projectionStore, projections: workbookProjections, batchSize: 1000 });
  for (const projection of workbookProjections) await projector.rebuild(projection.name);
}

async function readEverything(store: EventStore): Promise<void> {
  let after = 0;
  for (;;) {
    const batch = await store.readAll({ after, limit: 1000 });
    if (batch.length === 0) return;
    after = batch[batch.length - 1]!.globalPosition;
  }
}

/** Every order's state by a plain fold of the log: the least work any read side must do. */
async function foldEverything(store: EventStore): Promise<void> {
  const states = new Map<string, ReturnType<typeof orderDecider.initialState>>();
  let after = 0;
  for (;;) {
    const batch = await store.readAll({ after, limit: 1000 });
    if (batch.length === 0) return;
    for (const event of batch) {
      const state = states.get(event.streamId) ?? orderDecider.initialState();
      states.set(event.streamId, orderDecider.evolve(state, event as unknown as Parameters<typeof orderDecider.evolve>[1]));
    }
    after = batch[batch.length - 1]!.globalPosition;
  }
}

function rawRows(events: readonly RecordedEvent[]): EventRow[] {
  return events.map((event) => ({ ...event, commandId: event.metadata.commandId }));
}

async function benchMemory(results: BenchResult[]): Promise<void> {
  const orders = sizes.memoryOrders;
  const events = orders * eventsPerOrder;
  const store = createMemoryEventStore();
  const commands = await throughput(events, () => runOrderCommands(store, orders, at));
  const recorded = await store.readAll({ after: 0, limit: events });
  const baseline = await throughput(events, () => {
    const log: RecordedEvent[] = [];
    const streams = new Map<string, RecordedEvent[]>();
    const byId = new Map<string, RecordedEvent>();
    for (const event of recorded) {
      log.push(event);
      const stream = streams.get(event.streamId);
      if (stream) stream.push(event);
      else streams.set(event.streamId, [event]);
      byId.set(event.eventId, event);
    }
  });
  results.push(compare(`memory: handleCommand, ${orders.toLocaleString('en-US')} orders`, 'events/s', commands, 'raw array + map push', baseline));

  const batched = await throughput(events, () => appendStreams(createMemoryEventStore(), orderStreams(orders)));
  results.push(compare('memory: appendToStream, 5 events a call', 'events/s', batched, 'raw array + map push', baseline));

  const projected = await throughput(events, () => rebuildAll(store, createMemoryProjectionStore()));
  const folded = await throughput(events, () => foldEverything(store));
  results.push(compare(`memory: rebuild ${workbookProjections.length} read models`, 'events/s', projected, 'bare fold into a Map', folded));
}

async function benchDexie(results: BenchResult[]): Promise<void> {
  const orders = sizes.dexieOrders;
  const events = orders * eventsPerOrder;
  const db = await freshDb();
  const store = createDexieEventStore(db);
  const commands = await throughput(events, () => runOrderCommands(store, orders, at));
  const recorded = await store.readAll({ after: 0, limit: events });

  const rawDb = await freshDb();
  const rows = rawRows(recorded);
  const ceiling = await throughput(events, () => rawDb.events.bulkAdd(rows).then(() => undefined));
  results.push(compare(`dexie (fake-indexeddb): handleCommand, ${orders.toLocaleString('en-US')} orders`, 'events/s', commands, 'raw bulkAdd', ceiling));

  const batchDb = await freshDb();
  const batched = await throughput(events, () => appendStreams(createDexieEventStore(batchDb), orderStreams(orders)));
  results.push(compare('dexie (fake-indexeddb): appendToStream, 5 events a call', 'events/s', batched, 'raw bulkAdd', ceiling));

  const projectionDb = await freshDb();
  const projected = await throughput(events, () => rebuildAll(store, createDexieProjectionStore(projectionDb)));
  const read = await throughput(events, () => readEverything(store));
  results.push(compare(`dexie (fake-indexeddb): rebuild ${workbookProjections.length} read models`, 'events/s', projected, 'readAll only', read));
  for (const each of [db, rawDb, batchDb, projectionDb]) each.close();
}


export async function benchStores(quick: boolean): Promise<BenchResult[]> {
  sizes = quick ? { memoryOrders: 2_000, dexieOrders: 300 } : { memoryOrders: 20_000, dexieOrders: 2_000 };
  const results: BenchResult[] = [];
  await benchMemory(results);
  await benchDexie(results);
  return results;
}
