import Dexie from 'dexie';
import { WorkbookDb, type EventRow } from '../db/schema';
import { createDexieEventStore } from '../eventStore/dexieEventStore';
import type { EventStore } from '../eventStore/types';
import { createDexieKeyStore } from '../privacy/keyStore';
import { createShreddingEventStore } from '../privacy/shreddingEventStore';
import { createDexieBulkStorage } from '../simulator/dexieBulkStorage';
import { defaultSnapshotPolicy, workbookUpcasting } from '../simulator/simulator';
import { compareThroughput, type BenchResult } from './benchResult';
import { orderSteps } from './bulkSteps';
import { eventsPerOrder, orderStreams } from './workloads';
import { runOrderCommands } from './runOrderCommands';

/** One size of the store: the app's commands per second on it, and the raw transaction's. */
export type CommandTransactionPoint = { readonly storedEvents: number; readonly app: number; readonly raw: number };

const at = '2026-11-23T10:00:00.000Z';
const streamIndex = '[streamId+streamPosition]';

/**
 * Issue 17 (c): one command per transaction in real IndexedDB, as the app runs it: `handleCommand` with the
 * simulator's store (Dexie with the app's upcasting, under the crypto-shredding layer and its Dexie key store, the
 * snapshot policy of the app), one order lifecycle after another, at each size of the store.
 *
 * Its baseline, at the same size, in the same database, alternating with it: one raw read-write transaction per
 * command that reads the stream's tail (its events through `[streamId+streamPosition]`) and the head, and adds the
 * command's event: the least any store does per command. Targets: ≥ 0.5 of the raw transaction, and flat within
 * 1.5× from the first size to the last.
 */
export async function benchCommandTransactions(
  sizes: readonly number[],
  probeOrders: number,
  log: (line: string) => void = () => {},
): Promise<{ results: BenchResult[]; points: CommandTransactionPoint[] }> {
  const name = `event-workbook-bench-commands-${Date.now()}`;
  const db = new WorkbookDb(name);
  await db.open();
  try {
    const store = createShreddingEventStore(createDexieEventStore(db, { upcasting: workbookUpcasting }), createDexieKeyStore(db));
    const bulk = createDexieBulkStorage(db, { upcasting: workbookUpcasting });
    const points: CommandTransactionPoint[] = [];
    let nextOrder = 0;
    let stored = 0;
    // Warm-up on a small store, so the first size does not also pay for compiling the code.
    await appCommands(store, nextOrder, 10);
    await rawCommands(db, nextOrder + 10, 10);
    nextOrder += 20;
    for (const size of sizes) {
      const fill = orderStreams(Math.max(0, size - stored) / eventsPerOrder, at, nextOrder);
      for (let start = 0; start < fill.length; start += 1000) await bulk.appendSteps(orderSteps(fill.slice(start, start + 1000)));
      nextOrder += fill.length;
      let app = 0;
      let raw = 0;
      // Alternating halves: a neighbour's burst slows both sides, not one.
      for (let round = 0; round < 2; round += 1) {
        const half = probeOrders / 2;
        app += await timed(() => appCommands(store, nextOrder, half));
        nextOrder += half;
        raw += await timed(() => rawCommands(db, nextOrder, half));
        nextOrder += half;
      }
      const commands = probeOrders * eventsPerOrder;
      points.push({ storedEvents: size, app: commands / (app / 1000), raw: commands / (raw / 1000) });
      stored = await db.events.count();
      log(`${size.toLocaleString('en-US')} events: app ${Math.round(commands / (app / 1000))}/s, raw ${Math.round(commands / (raw / 1000))}/s`);
    }
    store.close();
    const first = points[0]!;
    const last = points.at(-1)!;
    const label = (point: CommandTransactionPoint) => point.storedEvents.toLocaleString('en-US');
    return {
      points,
      results: [
        compareThroughput(`one command per transaction (the app's handleCommand) at ${label(last)} stored events`, 'commands/s', last.app, 'a raw read-write transaction per command: read the stream, add its event', last.raw, 0.5),
        compareThroughput(`one command per transaction at ${label(last)} stored events, against ${label(first)}`, 'commands/s', last.app, `the same at ${label(first)} stored events`, first.app, Number((1 / 1.5).toFixed(2))),
      ],
    };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

/** The app's own command path: `handleCommand` with the simulator's snapshot policy, one command per transaction. */
function appCommands(store: EventStore, firstOrder: number, orders: number): Promise<void> {
  return runOrderCommands(store, orders, at, firstOrder, defaultSnapshotPolicy);
}

/** The same lifecycles decided up front, each command's event added by one raw transaction that reads its stream. */
async function rawCommands(db: WorkbookDb, firstOrder: number, orders: number): Promise<void> {
  const recordedAt = new Date().toISOString();
  for (const { streamId, events } of orderStreams(orders, at, firstOrder))
    for (const event of events)
      await db.transaction('rw', db.events, async () => {
        // Both reads asked at once, as the app's append asks its own: one wait on the storage process, not two.
        const [tail, lastKey] = await Promise.all([
          db.events.where(streamIndex).between([streamId, 0], [streamId, Infinity], true, true).toArray(),
          db.events.orderBy(':id').lastKey() as Promise<number | undefined>,
        ]);
        const head = lastKey ?? 0;
        const commandId = event.metadata?.commandId ?? event.eventId;
        const row: EventRow = {
          eventId: event.eventId,
          globalPosition: head + 1,
          streamId,
          streamPosition: tail.length + 1,
          type: event.type,
          schemaVersion: event.schemaVersion ?? 1,
          data: event.data,
          metadata: { commandId, correlationId: commandId, causationId: commandId, recordedAt },
          commandId,
        };
        await db.events.add(row);
      });
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
