import type { WorkbookDb, EventRow } from '../db/schema';
import { isConstraintError } from '../db/errors';
import { generationTables, readLogGeneration, startNewLogGeneration } from '../db/logGeneration';
import { storageFailure } from '../db/open';
import { toRecordedEvents, validateNewEvents } from '../eventStore/appendRules';
import { ConcurrencyError } from '../eventStore/errors';
import type { Upcasting } from '../eventStore/upcasters';
import type { RecordedEvent } from '../eventStore/types';
import { twinCommandOfRecorded, type BulkStorage } from './bulkStorage';
import { readTwinCheckpoint, twinTables, writeTwinCheckpoint, writeTwinRows } from './crudTwin/dexieTwinStorage';

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

  return {
    async announce() {
      announce(((await db.events.orderBy(':id').lastKey()) as number | undefined) ?? 0);
    },

    async appendSteps(steps, { quiet = false } = {}) {
      if (steps.length === 0) return;
      for (const step of steps) validateNewEvents(step.streamId, step.events, step.expectedVersion);
      const recordedAt = now();
      let head = 0;
      let startVersions = new Map<string, number>();
      let rows: EventRow[] = [];
      try {
        head = await db.transaction('rw', [db.events, ...twinTables(db)], async () => {
          // The version each stream must be at: that of its first step in the batch.
          startVersions = new Map<string, number>();
          for (const step of steps) if (!startVersions.has(step.streamId)) startVersions.set(step.streamId, step.expectedVersion);
          // The position after each start version must be free: the unique [streamId+streamPosition] index sees to
          // it (a taken one fails the bulkAdd below, which aborts the whole batch). A stream continued from version
          // n > 0 must also have its position n, or the batch would leave a gap: those alone are probed, as point
          // lookups issued all at once (a seed's new streams, most of them, cost no request here).
          const probes = await Promise.all(
            [...startVersions].flatMap(([streamId, version]) =>
              version > 0 ? [db.events.where(streamIndex).equals([streamId, version]).count().then((found) => ({ streamId, version, found }))] : [],
            ),
          );
          const misfit = probes.find((probe) => probe.found !== 1);
          if (misfit) throw new ConcurrencyError(misfit.streamId, misfit.version, await versionOf(misfit.streamId));
          const start = ((await db.events.orderBy(':id').lastKey()) as number | undefined) ?? 0;
          const versions = new Map(startVersions);
          rows = [];
          for (const step of steps) {
            const version = versions.get(step.streamId)!;
            if (step.expectedVersion !== version) throw new ConcurrencyError(step.streamId, step.expectedVersion, version);
            for (const event of toRecordedEvents(step.streamId, step.events, version, start + rows.length, recordedAt)) {
              rows.push({ ...event, commandId: event.metadata.commandId });
            }
            versions.set(step.streamId, version + step.events.length);
          }
          await db.events.bulkAdd(rows);
          // The twin follows the log by its checkpoint (crudTwin/). When it has applied everything before this batch,
          // it applies the batch here, in the same transaction, and moves its checkpoint past it; otherwise it is
          // behind already and its follower catches up from the checkpoint, in log order, after the announce.
          const twin = await readTwinCheckpoint(db);
          const generation = await readLogGeneration(db);
          const twinAtStart =
            twin === undefined
              ? start === 0 && (await db.crudOrders.count()) === 0 && (await db.crudUsers.count()) === 0
              : twin.position === start && twin.logGeneration === generation;
          if (twinAtStart) {
            await writeTwinRows(db, steps.map((step) => step.twin));
            await writeTwinCheckpoint(db, { position: start + rows.length, logGeneration: generation });
          }
          return start + rows.length;
        });
      } catch (error) {
        if (error instanceof ConcurrencyError) throw error;
        const inner = (error as { inner?: unknown } | null)?.inner;
        if (inner instanceof ConcurrencyError) throw inner;
        if (isConstraintError(error)) {
          // Read after the abort: inside the transaction the batch's own rows would count.
          const streamId = takenRow(error, rows)?.streamId ?? steps[0]!.streamId;
          throw new ConcurrencyError(streamId, startVersions.get(streamId) ?? steps[0]!.expectedVersion, await versionOf(streamId),
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
          [...new Set([db.events, db.snapshots, ...twinTables(db), ...generationTables(db)])],
          async () => {
            const twinData = [db.crudOrders, db.crudLosses, db.crudUsers, db.crudUserLosses];
            // The old log's read models go in the same transaction as the old log: whenever this tab dies, the store
            // holds the old log with its read models or the new log with none (which the projector rebuilds). The
            // new generation makes any projector still working on the old log unable to commit.
            const [generation] = await Promise.all([
              startNewLogGeneration(db),
              db.events.clear(),
              db.snapshots.clear(),
              ...twinData.map((table) => table.clear()),
            ]);
            onProgress?.({ done: 0, total });
            for (let from = 0; from < total; from += importChunk) {
              const chunk = events.slice(from, from + importChunk);
              await db.events.bulkAdd(chunk.map((event) => ({ ...event, commandId: event.metadata.commandId })));
              onProgress?.({ done: from + chunk.length, total });
            }
            // The twin of the new log, with its checkpoint at the log's end, in the same transaction as the log.
            await writeTwinRows(db, twins, true);
            await writeTwinCheckpoint(db, { position: events.at(-1)?.globalPosition ?? 0, logGeneration: generation });
          },
        );
      } catch (error) {
        throw storageFailure(db, error) ?? error;
      }
      announce(events.at(-1)?.globalPosition ?? 0);
    },
  };
}

/** The first row a unique index refused in a failed bulkAdd (Dexie's BulkError, maybe inside the abort's error). */
function takenRow(error: unknown, rows: readonly EventRow[]): EventRow | undefined {
  for (let nested = error; typeof nested === 'object' && nested !== null; nested = (nested as { inner?: unknown }).inner) {
    const failures = (nested as { failuresByPos?: Record<number, unknown> }).failuresByPos;
    if (failures === undefined) continue;
    let first: number | undefined;
    for (const position of Object.keys(failures)) if (first === undefined || Number(position) < first) first = Number(position);
    return first === undefined ? undefined : rows[first];
  }
  return undefined;
}
