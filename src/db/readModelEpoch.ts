import type { WorkbookDb } from './schema';

/**
 * The read models' epoch counter (see `CheckpointRow.epoch`): one number for the whole database, moved on by every
 * reset of a projection and written into that projection's checkpoint in the same transaction. It never goes back,
 * not even when the log is replaced (checkpoints are cleared then, the counter is not), so no two states of a read
 * model that a cache or a screen has seen share an (epoch, position) stamp.
 *
 * Kept in the `meta` table, which every transaction that resets a projection already holds: no schema version needed.
 */

export const readModelEpochKey = 'readModelEpoch';

/** Takes the next epoch. Call it inside the read-write transaction that resets the projection (over `db.meta`). */
export async function nextReadModelEpoch(db: WorkbookDb): Promise<number> {
  const row = await db.meta.get(readModelEpochKey);
  const next = (typeof row?.value === 'number' ? row.value : 0) + 1;
  await db.meta.put({ key: readModelEpochKey, value: next });
  return next;
}
