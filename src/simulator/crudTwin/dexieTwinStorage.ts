import Dexie from 'dexie';
import { createDexieCrudStore } from '../../crud/dexieCrudStore';
import { createDexieCrudUserStore } from '../../crud/dexieCrudUsers';
import { readLogGeneration } from '../../db/logGeneration';
import { storageFailure } from '../../db/open';
import type { WorkbookDb } from '../../db/schema';
import type { TwinCommand } from '../twinCommands';
import { applyToRows, touchedIds, type CrudTwinStorage, type TwinCheckpoint } from './twinStorage';

/**
 * The twin in IndexedDB: its rows and losses in the `crudOrders`, `crudLosses`, `crudUsers`, `crudUserLosses`
 * tables, its checkpoint in `meta` (no schema version needed). Every write of rows goes with the checkpoint in one
 * transaction; every IndexedDB failure reaches the caller as the app's StorageError (a full disk says so in words).
 */

export const twinCheckpointKey = 'crudTwinCheckpoint';

/** The tables a transaction that writes the twin must hold. */
export const twinTables = (db: WorkbookDb) => [db.crudOrders, db.crudLosses, db.crudUsers, db.crudUserLosses, db.meta] as const;

/** The stored checkpoint; undefined in a database whose twin never followed the log (new, or from before). */
export async function readTwinCheckpoint(db: WorkbookDb): Promise<TwinCheckpoint | undefined> {
  const value = (await db.meta.get(twinCheckpointKey))?.value as Partial<TwinCheckpoint> | undefined;
  return typeof value?.position === 'number' && typeof value.logGeneration === 'number'
    ? { position: value.position, logGeneration: value.logGeneration }
    : undefined;
}

export async function writeTwinCheckpoint(db: WorkbookDb, checkpoint: TwinCheckpoint): Promise<void> {
  await db.meta.put({ key: twinCheckpointKey, value: checkpoint });
}

/**
 * Reads the rows the commands touch, applies the commands with the twin's rules, writes the result. Must run inside
 * a read-write transaction over `twinTables(db)`; `fresh` = the tables were just cleared (nothing to read).
 */
export async function writeTwinRows(db: WorkbookDb, commands: readonly TwinCommand[], fresh = false): Promise<number> {
  if (commands.length === 0) return 0;
  const { orderIds, userIds } = touchedIds(commands);
  const orders = fresh ? [] : await db.crudOrders.bulkGet(orderIds);
  const users = fresh ? [] : await db.crudUsers.bulkGet(userIds);
  // The twin's functions are async (they await nothing real); waitFor keeps the transaction open meanwhile.
  const writes = await Dexie.waitFor(applyToRows(orders, users, commands));
  if (writes.deletedOrders.size > 0) await db.crudOrders.bulkDelete([...writes.deletedOrders]);
  if (writes.orders.size > 0) await db.crudOrders.bulkPut([...writes.orders.values()]);
  if (writes.orderLosses.length > 0) await db.crudLosses.bulkAdd([...writes.orderLosses]);
  if (writes.users.size > 0) await db.crudUsers.bulkPut([...writes.users.values()]);
  if (writes.userLosses.length > 0) await db.crudUserLosses.bulkAdd([...writes.userLosses]);
  return writes.refused;
}

/** The same reads, with IndexedDB's failures told as the app's StorageError. */
function readingAsStorageErrors<Reader extends object>(db: WorkbookDb, reader: Reader): Reader {
  return new Proxy(reader, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          throw storageFailure(db, error) ?? error;
        }
      };
    },
  });
}

export function createDexieTwinStorage(db: WorkbookDb): CrudTwinStorage {
  const asStorageError = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw storageFailure(db, error) ?? error;
    }
  };
  const { get, list, lossesOf, allLosses } = createDexieCrudStore(db);
  const users = createDexieCrudUserStore(db);

  return {
    crud: readingAsStorageErrors(db, { get, list, lossesOf, allLosses }),
    crudUsers: readingAsStorageErrors(db, { get: users.get, list: users.list, lossesOf: users.lossesOf }),
    position: () =>
      asStorageError(() =>
        db.transaction('r', db.meta, async () => ({ checkpoint: await readTwinCheckpoint(db), logGeneration: await readLogGeneration(db) })),
      ),
    commit: ({ from, to, commands }) =>
      asStorageError(() =>
        db.transaction('rw', twinTables(db), async () => {
          const stored = await readTwinCheckpoint(db);
          const generation = await readLogGeneration(db);
          const stale = stored?.position !== from.position || stored.logGeneration !== from.logGeneration;
          if (stale || from.logGeneration !== generation || to.logGeneration !== generation) return { committed: false, refused: 0 };
          const refused = await writeTwinRows(db, commands);
          await writeTwinCheckpoint(db, to);
          return { committed: true, refused };
        }),
      ),
    reset: () =>
      asStorageError(() =>
        db.transaction('rw', twinTables(db), async () => {
          await Promise.all([db.crudOrders.clear(), db.crudLosses.clear(), db.crudUsers.clear(), db.crudUserLosses.clear()]);
          const checkpoint = { position: 0, logGeneration: await readLogGeneration(db) };
          await writeTwinCheckpoint(db, checkpoint);
          return checkpoint;
        }),
      ),
  };
}
