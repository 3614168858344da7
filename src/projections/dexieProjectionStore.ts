import { generationTables, readLogGeneration, startNewLogGeneration } from '../db/logGeneration';
import { nextReadModelEpoch } from '../db/readModelEpoch';
import Dexie from 'dexie';
import type { ReadModelRow, WorkbookDb } from '../db/schema';
import { canWalkInBulk, walkIndexInBulk } from './rankedBulkWalk';
import type { ListOptions, ProjectionStore, RankedOptions, StoredDocument } from './projectionStore';
import type { Checkpoint, DocumentChange } from './types';

/**
 * Read models in the `readModels` table (key `[projection+id]`) and checkpoints in `checkpoints`. A commit is one
 * Dexie transaction over both tables: if the tab dies mid-batch, IndexedDB keeps neither the documents nor the
 * checkpoint, and the next run applies the batch again from the old checkpoint. The commit reads the log's
 * generation in that same transaction, so it cannot land in a log that was replaced after its events were read.
 */
export function createDexieProjectionStore(db: WorkbookDb): ProjectionStore {
  return {
    async loadDocuments<Doc>(projection: string, ids: readonly string[]) {
      const unique = [...new Set(ids)];
      const rows = await db.readModels.bulkGet(unique.map((id): [string, string] => [projection, id]));
      const found = new Map<string, Doc>();
      for (const row of rows) if (row) found.set(row.id, row.doc as Doc);
      return found;
    },
    async listDocuments<Doc>(projection: string, options: ListOptions = {}) {
      const prefix = options.idPrefix ?? '';
      // The primary key orders rows by [projection+id], so this is ordered by id, and a prefix is a key range.
      const rows = await db.readModels
        .where('[projection+id]')
        .between([projection, prefix], [projection, `${prefix}\uffff`])
        .toArray();
      return rows.map((row): StoredDocument<Doc> => ({ id: row.id, doc: row.doc as Doc }));
    },
    async getDocument<Doc>(projection: string, id: string) {
      const row = await db.readModels.get([projection, id]);
      return row?.doc as Doc | undefined;
    },
    async walkRanked<Doc>(projection: string, options: RankedOptions, visit: (doc: Doc, id: string) => boolean | void) {
      if (canWalkInBulk()) {
        const { indexName, lower, upper } = rankedIndex(projection, options);
        // The walk uses IndexedDB's own connection, which Dexie makes on its first request.
        if (!db.isOpen()) await db.open();
        await walkIndexInBulk(db.backendDB(), db.readModels.name, indexName, IDBKeyRange.bound(lower, upper), options.lowestFirst ? 'next' : 'prev', (row) =>
          visit((row as ReadModelRow).doc as Doc, (row as ReadModelRow).id),
        );
        return;
      }
      // Without getAllRecords (fake-indexeddb, older browsers): a cursor, one record a round trip.
      let stopped = false;
      const range = rankedRange(db, projection, options);
      await (options.lowestFirst ? range : range.reverse())
        .until(() => stopped)
        .each((row) => {
          if (visit(row.doc as Doc, row.id) === false) stopped = true;
        });
    },
    async countRanked(projection: string, options: RankedOptions) {
      return rankedRange(db, projection, options).count();
    },
    async commit(projection: string, changes: readonly DocumentChange[], checkpoint: Checkpoint, options = {}) {
      return db.transaction('rw', db.readModels, db.checkpoints, db.meta, async () => {
        if ((checkpoint.logGeneration ?? 0) !== (await readLogGeneration(db))) return false;
        if (options.expectedPosition !== undefined) {
          const stored = await db.checkpoints.get(projection);
          if ((stored?.position ?? 0) !== options.expectedPosition) return false;
          // Cleared since the batch's checkpoint was read (a rebuild in another tab), even if back at that position.
          if (stored !== undefined && (stored.epoch ?? 0) !== (checkpoint.epoch ?? 0)) return false;
        }
        const puts = changes.flatMap((change) =>
          change.kind === 'put' ? [{ projection, id: change.id, doc: change.doc }] : [],
        );
        const deletes = changes.flatMap((change) =>
          change.kind === 'delete' ? [[projection, change.id] as [string, string]] : [],
        );
        // Changes are net per document (the projector keeps only the last write of each id), so order is free.
        if (deletes.length > 0) await db.readModels.bulkDelete(deletes);
        if (puts.length > 0) await db.readModels.bulkPut(puts);
        await db.checkpoints.put(checkpoint);
        return true;
      });
    },
    async reset(projection: string, projectionVersion: number) {
      return db.transaction('rw', db.readModels, db.checkpoints, db.meta, async () => {
        const checkpoint = {
          projection,
          position: 0,
          projectionVersion,
          logGeneration: await readLogGeneration(db),
          epoch: await nextReadModelEpoch(db),
          fault: null,
        };
        // A range of the primary key, which IndexedDB deletes in one request; through the `projection` index Dexie
        // walks a cursor and deletes row by row (4.5 s for the read models of 20,000 events in Chromium).
        await db.readModels.where('[projection+id]').between([projection, Dexie.minKey], [projection, Dexie.maxKey], true, true).delete();
        await db.checkpoints.put(checkpoint);
        return checkpoint;
      });
    },
    logGeneration() {
      return readLogGeneration(db);
    },
    startNewGeneration() {
      return db.transaction('rw', generationTables(db), () => startNewLogGeneration(db));
    },
    async readCheckpoint(projection: string) {
      return db.checkpoints.get(projection);
    },
  };
}

/** The index (db/schema.ts) and key range of a projection's documents that have the ranking field (and the status). */
function rankedIndex(projection: string, { by, status }: RankedOptions): { indexName: string; lower: unknown[]; upper: unknown[] } {
  if (status !== undefined) {
    if (by !== 'placedAt') throw new Error(`A status filter is indexed with placedAt only, not ${by}.`);
    return {
      indexName: '[projection+doc.status+doc.placedAt]',
      lower: [projection, status, Dexie.minKey],
      upper: [projection, status, Dexie.maxKey],
    };
  }
  return { indexName: `[projection+doc.${by}]`, lower: [projection, Dexie.minKey], upper: [projection, Dexie.maxKey] };
}

function rankedRange(db: WorkbookDb, projection: string, options: RankedOptions) {
  const { indexName, lower, upper } = rankedIndex(projection, options);
  return db.readModels.where(indexName).between(lower, upper, true, true);
}
