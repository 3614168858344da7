import type { WorkbookDb } from './schema';

/**
 * The log's generation: a number that changes every time the log is replaced rather than appended to (an import,
 * a reset, `clear`). Read models and their checkpoints belong to one generation:
 *
 * - replacing the log starts a new generation, clears every read model and checkpoint, in the SAME transaction
 *   as the events it writes or deletes; a tab that dies anywhere around it leaves either the old log with its read
 *   models, or the new log with none, never the new log under the old log's read models;
 * - a checkpoint carries the generation it was computed in, and a commit of another generation's checkpoint is
 *   refused inside the commit's transaction, so a projector that read the old log cannot write it into the new one.
 *
 * Stored in the `meta` table, so no schema version was needed; a checkpoint without one (written before
 * generations existed) is of generation 0, the generation of a database that was never replaced.
 */

export const logGenerationKey = 'logGeneration';

/** The current generation. Call it inside the transaction that depends on it. */
export async function readLogGeneration(db: WorkbookDb): Promise<number> {
  const row = await db.meta.get(logGenerationKey);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** The tables a transaction that replaces the log must hold, besides the events (and whatever else it writes). */
export const generationTables = (db: WorkbookDb) => [db.readModels, db.checkpoints, db.meta] as const;

/**
 * Starts a new generation: every read model and checkpoint cleared, the generation moved on. Must run inside the
 * read-write transaction that replaces the log, over `generationTables(db)` too; returns the new generation.
 */
export async function startNewLogGeneration(db: WorkbookDb): Promise<number> {
  const next = (await readLogGeneration(db)) + 1;
  await Promise.all([db.readModels.clear(), db.checkpoints.clear(), db.meta.put({ key: logGenerationKey, value: next })]);
  return next;
}
