import Dexie from 'dexie';
import type { WorkbookDb, EventRow } from '../db/schema';
import { isConstraintError } from '../db/errors';
import { generationTables, startNewLogGeneration } from '../db/logGeneration';
import { storageFailure } from '../db/open';
import { toRecordedEvents, validateNewEvents } from '../eventStore/appendRules';
import { ConcurrencyError } from '../eventStore/errors';
import type { Upcasting } from '../eventStore/upcasters';
import type { RecordedEvent } from '../eventStore/types';
import { applyTwinCommand, type TwinCommand } from './twinCommands';
import { twinCommandOfRecorded, type BulkStorage } from './bulkStorage';
import { createScratchTwin } from './scratchTwin';

export type DexieBulkOptions = {
  readonly upcasting: Upcasting;
  /** Must match the event store's channel, so its subscribers (this tab's projector, other tabs) hear the appends. */
  readonly channelName?: string;
  readonly now?: () => string;
};

const streamIndex = '[streamId+streamPosition]';
/** Rows per `bulkAdd` inside an import: small enough to report progress often. */
const importChunk = 5000;

/**
 * Bulk writing on IndexedDB: a whole batch of steps (thousands of events, many streams) in one read-write
 * transaction, instead of one transaction per command. The checks are those of `appendToStream`: each stream must
 * be at the version its first step was decided on, and the unique `[streamId+streamPosition]` index refuses any
 * position taken meanwhile (another tab), which aborts the whole batch.
 */
export function createDexieBulkStorage(db: WorkbookDb, options: DexieBulkOptions): BulkStorage {
  const now = options.now ?? (() => new Date().toISOString());
  const channelName = options.channelName ?? `${db.name}:appends`;

  /** The event store's own channel: a second BroadcastChannel object reaches this tab's store as well as the others. */
  function announce(headPosition: number): void {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName);
    channel.postMessage({ headPosition });
    channel.close();
  }

  async function versionOf(streamId: string): Promise<number> {
    const last = await db.events.where(streamIndex).between([streamId, 0], [streamId, Infinity], true, true).last();
    return last?.streamPosition ?? 0;
  }

  /** Reads the twin rows the commands touch, applies the commands with the twin's own rules, writes the result. */
  async function writeTwin(twins: readonly TwinCommand[], fresh: boolean): Promise<void> {
    const orderIds = new Set<string>();
    const userIds = new Set<string>();
    for (const twin of twins) {
      if (twin.aggregate === 'order') orderIds.add(twin.command.data.orderId);
      else userIds.add(twin.command.data.userId);
    }
    const orders = fresh ? [] : await db.crudOrders.bulkGet([...orderIds]);
    const users = fresh ? [] : await db.crudUsers.bulkGet([...userIds]);
    const scratch = createScratchTwin(
      new Map(orders.flatMap((row) => (row ? [[row.orderId, row]] : []))),
      new Map(users.flatMap((row) => (row ? [[row.userId, row]] : []))),
    );
    // The twin's functions are async (they await nothing real); waitFor keeps the transaction open meanwhile.
    await Dexie.waitFor(
      (async () => {
        for (const twin of twins) await applyTwinCommand(twin, scratch);
      })(),
    );
    if (scratch.deletedOrders.size > 0) await db.crudOrders.bulkDelete([...scratch.deletedOrders]);
    if (scratch.orders.size > 0) await db.crudOrders.bulkPut([...scratch.orders.values()]);
    if (scratch.orderLosses.length > 0) await db.crudLosses.bulkAdd(scratch.orderLosses);
    if (scratch.users.size > 0) await db.crudUsers.bulkPut([...scratch.users.values()]);
    if (scratch.userLosses.length > 0) await db.crudUserLosses.bulkAdd(scratch.userLosses);
  }

  const twinTables = [db.crudOrders, db.crudLosses, db.crudUsers, db.crudUserLosses];

  return {
    async announce() {
      announce(((await db.events.orderBy(':id').lastKey()) as number | undefined) ?? 0);
    },

    async appendSteps(steps, { quiet = false } = {}) {
      if (steps.length === 0) return;
      for (const step of steps) validateNewEvents(step.streamId, step.events, step.expectedVersion);
      const recordedAt = now();
      let head = 0;
      try {
        head = await db.transaction('rw', [db.events, ...twinTables], async () => {
          // The version each stream must be at: that of its first step in the batch.
          const startVersions = new Map<string, number>();
          for (const step of steps) if (!startVersions.has(step.streamId)) startVersions.set(step.streamId, step.expectedVersion);
          // The position after each start version must be free and the start version itself (when > 0) taken;
          // anything else means the stream is not where the step expects. Point lookups issued all at once: a
          // cursor over thousands of `anyOf` keys waits for one round trip per key.
          const probes = await Promise.all(
            [...startVersions].map(async ([streamId, version]) => {
              const keys = db.events.where(streamIndex);
              const next = keys.equals([streamId, version + 1]).count();
              const current = version > 0 ? await keys.equals([streamId, version]).count() : 1;
              return { streamId, version, fits: (await next) === 0 && current === 1 };
            }),
          );
          const misfit = probes.find((probe) => !probe.fits);
          if (misfit) throw new ConcurrencyError(misfit.streamId, misfit.version, await versionOf(misfit.streamId));
          const start = ((await db.events.orderBy(':id').lastKey()) as number | undefined) ?? 0;
          const versions = new Map(startVersions);
          const rows: EventRow[] = [];
          for (const step of steps) {
            const version = versions.get(step.streamId)!;
            if (step.expectedVersion !== version) throw new ConcurrencyError(step.streamId, step.expectedVersion, version);
            for (const event of toRecordedEvents(step.streamId, step.events, version, start + rows.length, recordedAt)) {
              rows.push({ ...event, commandId: event.metadata.commandId });
            }
            versions.set(step.streamId, version + step.events.length);
          }
          await db.events.bulkAdd(rows);
          await writeTwin(
            steps.map((step) => step.twin),
            false,
          );
          return start + rows.length;
        });
      } catch (error) {
        if (error instanceof ConcurrencyError) throw error;
        const inner = (error as { inner?: unknown } | null)?.inner;
        if (inner instanceof ConcurrencyError) throw inner;
        if (isConstraintError(error)) {
          throw new ConcurrencyError(steps[0]!.streamId, steps[0]!.expectedVersion, await versionOf(steps[0]!.streamId),
            'Another writer took one of the stream positions of this batch; nothing of it was written.');
        }
        throw storageFailure(db, error) ?? error;
      }
      if (!quiet) announce(head);
    },

    async replaceAll(events: readonly RecordedEvent[], onProgress, twinEvents) {
      const total = events.length;
      const twins = (twinEvents ?? events).flatMap((event) => twinCommandOfRecorded(event, options.upcasting) ?? []);
      try {
        await db.transaction(
          'rw',
          [db.events, db.snapshots, ...twinTables, ...generationTables(db)],
          async () => {
            // The old log's read models go in the same transaction as the old log: whenever this tab dies, the store
            // holds the old log with its read models or the new log with none (which the projector rebuilds). The
            // new generation makes any projector still working on the old log unable to commit.
            await Promise.all([
              db.events.clear(),
              db.snapshots.clear(),
              ...twinTables.map((table) => table.clear()),
              startNewLogGeneration(db),
            ]);
            onProgress?.({ done: 0, total });
            for (let from = 0; from < total; from += importChunk) {
              const chunk = events.slice(from, from + importChunk);
              await db.events.bulkAdd(chunk.map((event) => ({ ...event, commandId: event.metadata.commandId })));
              onProgress?.({ done: from + chunk.length, total });
            }
            await writeTwin(twins, true);
          },
        );
      } catch (error) {
        throw storageFailure(db, error) ?? error;
      }
      announce(events.at(-1)?.globalPosition ?? 0);
    },
  };
}
