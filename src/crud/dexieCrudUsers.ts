import type { WorkbookDb } from '../db/schema';
import { NotFoundError } from '../domain/core/errors';
import { emailLoss, userAlreadyExists, type CrudUser, type CrudUserLoss, type CrudUserStore } from './crudUsers';

const withoutId = ({ id: _id, ...loss }: CrudUserLoss & { id?: number }): CrudUserLoss => loss;

/**
 * The users twin in the `crudUsers` table: the row and the loss record of an email overwrite are written in one
 * transaction. Domain errors are thrown outside the transaction: Dexie would wrap our `NotFoundError` (it shares
 * its name with an IndexedDB DOMException) in a DexieError of its own.
 */
export function createDexieCrudUserStore(db: WorkbookDb): CrudUserStore {
  return {
    async createUser({ userId, firstName, lastName, email, at }) {
      const row: CrudUser = { userId, firstName, lastName, email, updatedAt: at };
      const added = await db.transaction('rw', db.crudUsers, async () => {
        if (await db.crudUsers.get(userId)) return false;
        await db.crudUsers.add(row);
        return true;
      });
      if (!added) throw userAlreadyExists(userId);
      return row;
    },
    async updateEmail(userId, email, at) {
      const updated = await db.transaction('rw', db.crudUsers, db.crudUserLosses, async () => {
        const row = await db.crudUsers.get(userId);
        if (!row) return undefined;
        const next: CrudUser = { ...row, email, updatedAt: at };
        await db.crudUsers.put(next);
        const loss = emailLoss(row, email, at);
        if (loss) await db.crudUserLosses.add(loss);
        return next;
      });
      if (!updated) throw new NotFoundError('user', userId);
      return updated;
    },
    async get(userId) {
      return db.crudUsers.get(userId);
    },
    async list() {
      return db.crudUsers.orderBy('userId').toArray();
    },
    async lossesOf(userId) {
      const losses = await db.crudUserLosses.where('userId').equals(userId).sortBy('id');
      return losses.map(withoutId);
    },
    async clear() {
      await db.transaction('rw', db.crudUsers, db.crudUserLosses, async () => {
        await db.crudUsers.clear();
        await db.crudUserLosses.clear();
      });
    },
  };
}
