import type { WorkbookDb } from '../db/schema';
import { DomainError, NotFoundError, ValidationError } from '../domain/core/errors';
import { deletionLoss, newRow, overwrite, validStatus } from './overwrite';
import type { CrudLoss, CrudOrder, CrudStore } from './types';

/**
 * The CRUD twin in the `crudOrders` and `crudLosses` tables. Each update reads the row, overwrites it and records
 * the loss in one transaction, so the loss log never disagrees with the row.
 */
/**
 * Dexie turns an error named like an IndexedDB DOMException (our `NotFoundError` is) into its own DexieError, with
 * ours as `inner`. Hand the caller back the domain error so the API console can still read its `kind`.
 */
async function inTransaction<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const inner = (error as { inner?: unknown } | null)?.inner;
    if (inner instanceof NotFoundError || inner instanceof DomainError || inner instanceof ValidationError) throw inner;
    throw error;
  }
}

export function createDexieCrudStore(db: WorkbookDb): CrudStore {
  const readRow = async (orderId: string): Promise<CrudOrder> => {
    const row = await db.crudOrders.get(orderId);
    if (!row) throw new NotFoundError('order', orderId);
    return row;
  };
  const update = (orderId: string, changes: Parameters<typeof overwrite>[1], at: string): Promise<CrudOrder> =>
    inTransaction(() =>
      db.transaction('rw', db.crudOrders, db.crudLosses, async () => {
        const result = overwrite(await readRow(orderId), changes, at);
        await db.crudOrders.put(result.row);
        if (result.losses.length > 0) await db.crudLosses.bulkAdd(result.losses);
        return result.row;
      }),
    );

  return {
    async createOrder(order) {
      const row = newRow(order);
      return inTransaction(() =>
        db.transaction('rw', db.crudOrders, async () => {
          if (await db.crudOrders.get(row.orderId)) {
            throw new DomainError('OrderAlreadyExists', `Order ${row.orderId} already exists.`);
          }
          await db.crudOrders.add(row);
          return row;
        }),
      );
    },
    async updateStatus(orderId, status, at) {
      const valid = validStatus(status);
      return update(orderId, { status: valid }, at);
    },
    async updateEmail(orderId, customerEmail, at) {
      return update(orderId, { customerEmail }, at);
    },
    async deleteOrder(orderId, at) {
      await inTransaction(() =>
        db.transaction('rw', db.crudOrders, db.crudLosses, async () => {
          const row = await readRow(orderId);
          await db.crudOrders.delete(orderId);
          await db.crudLosses.add(deletionLoss(row, at));
        }),
      );
    },
    async get(orderId) {
      return await db.crudOrders.get(orderId);
    },
    async list() {
      return db.crudOrders.toArray();
    },
    async lossesOf(orderId) {
      return db.crudLosses.where('orderId').equals(orderId).sortBy('id') as Promise<CrudLoss[]>;
    },
    async allLosses() {
      return db.crudLosses.orderBy('id').toArray() as Promise<CrudLoss[]>;
    },
    async clear() {
      await db.transaction('rw', db.crudOrders, db.crudLosses, async () => {
        await db.crudOrders.clear();
        await db.crudLosses.clear();
      });
    },
  };
}
