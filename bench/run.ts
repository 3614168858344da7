/**
 * `npm run bench` — how fast the stores append and the projector projects, each as a ratio against a baseline
 * measured in the same run on the same events. Flags: `--quick` (smaller data, under a minute), `--json <file>`.
 *
 * Baselines, and why they are the right yardstick:
 * - memory append: pushing the same recorded events into an array and two maps, the least any in-memory store
 *   must do, so the ratio is the share of time left for version checks, validation and freezing;
 * - Dexie append: a raw `bulkAdd` of the same rows into the same IndexedDB table, the ceiling of the storage;
 * - memory projection: a bare fold of the same events into one Map of order states with the decider's `evolve`
 *   (no batches, no checkpoints, no documents), so the ratio is what the projector's machinery and the four read
 *   models cost over the least work that builds any view at all;
 * - Dexie projection: reading the same events with `readAll` and doing nothing with them, the storage floor.
 * Dexie runs on fake-indexeddb here (node); the real-IndexedDB figures come from the browser benchmarks.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { orderDecider } from '../src/domain/order/decider';
import { orderEventSchemaVersions, orderStreamId } from '../src/domain/order/types';
import { WorkbookDb, type EventRow } from '../src/db/schema';
import { createDexieEventStore } from '../src/eventStore/dexieEventStore';
import { createMemoryEventStore } from '../src/eventStore/memoryEventStore';
import { handleCommand } from '../src/eventStore/handleCommand';
import type { EventStore, NewEvent, RecordedEvent } from '../src/eventStore/types';
import { createProjector } from '../src/projections/projector';
import { createMemoryProjectionStore } from '../src/projections/memoryProjectionStore';
import { createDexieProjectionStore } from '../src/projections/dexieProjectionStore';
import type { ProjectionStore } from '../src/projections/projectionStore';
import { workbookProjections } from '../src/projections/allProjections';
import { compare, formatTable, throughput, type BenchResult } from './measure';
import { eventsPerOrder, orderLifecycle } from './workload';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;

const sizes = quick ? { memoryOrders: 2_000, dexieOrders: 300 } : { memoryOrders: 20_000, dexieOrders: 2_000 };
const at = '2026-11-23T10:00:00.000Z';
let dbCounter = 0;
const freshDb = async () => {
  const db = new WorkbookDb(`bench-${process.pid}-${++dbCounter}`);
  await db.open();
  return db;
};

/** Every order's lifecycle through handleCommand: load, fold, decide, append with the expected version. */
async function runCommands(store: EventStore, orders: number): Promise<void> {
  for (let i = 0; i < orders; i += 1) {
    const orderId = `${i}`;
    for (const [index, command] of orderLifecycle(orderId, at).entries())
      await handleCommand({
        store,
        decider: orderDecider,
        streamId: orderStreamId(orderId),
        command,
        commandId: `cmd-${orderId}-${index}`,
        schemaVersions: orderEventSchemaVersions,
      });
  }
}

/** The same events as `runCommands` records, as whole streams for batched appends. */
function orderStreams(orders: number): Array<{ streamId: string; events: NewEvent[] }> {
  return Array.from({ length: orders }, (_, i) => {
    const orderId = `${i}`;
    let state = orderDecider.initialState();
    const events: NewEvent[] = [];
    for (const [index, command] of orderLifecycle(orderId, at).entries())
      for (const event of orderDecider.decide(command, state)) {
        state = orderDecider.evolve(state, event);
        events.push({ eventId: `cmd-${orderId}-${index}:0`, type: event.type, data: event.data, metadata: { commandId: `cmd-${orderId}-${index}` } });
      }
    return { streamId: orderStreamId(orderId), events };
  });
}

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
  const commands = await throughput(events, () => runCommands(store, orders));
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
  const commands = await throughput(events, () => runCommands(store, orders));
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

const results: BenchResult[] = [];
console.log(`Event Workbook benchmarks${quick ? ' (quick)' : ''} — node ${process.version}, ${new Date().toISOString()}`);
await benchMemory(results);
await benchDexie(results);
console.log(formatTable(results));
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ results }, null, 2));
  console.log(`Wrote ${jsonFile}`);
}
