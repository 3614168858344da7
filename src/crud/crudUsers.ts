import type { CrudUserLossRow, CrudUserRow } from '../db/schema';
import { DomainError, NotFoundError } from '../domain/core/errors';

/** Seed 001's users as a CRUD table would keep them: one row per user, the old email written over. */
export type CrudUser = CrudUserRow;

/** An email an update destroyed. */
export type CrudUserLoss = Omit<CrudUserLossRow, 'id'>;

export interface CrudUserStore {
  createUser(user: Omit<CrudUser, 'updatedAt'> & { readonly at: string }): Promise<CrudUser>;
  updateEmail(userId: string, email: string, at: string): Promise<CrudUser>;
  get(userId: string): Promise<CrudUser | undefined>;
  /** Ordered by user id. */
  list(): Promise<CrudUser[]>;
  /** Oldest first. */
  lossesOf(userId: string): Promise<CrudUserLoss[]>;
  clear(): Promise<void>;
}

/** The users twin as the app reads it; written only by following the log, like `CrudReader`. */
export type CrudUserReader = Pick<CrudUserStore, 'get' | 'list' | 'lossesOf'>;

export const userAlreadyExists = (userId: string): DomainError =>
  new DomainError('UserAlreadyExists', `User ${userId} already exists.`);

/** What overwriting the email destroys: nothing when the email does not change. */
export function emailLoss(row: CrudUser, email: string, at: string): CrudUserLoss | undefined {
  return row.email === email ? undefined : { userId: row.userId, field: 'email', oldValue: row.email, newValue: email, at };
}

/** The users twin in plain memory, for unit tests and sandboxes; the app keeps it in IndexedDB (dexieCrudUsers.ts). */
export function createMemoryCrudUserStore(): CrudUserStore {
  const rows = new Map<string, CrudUser>();
  let losses: CrudUserLoss[] = [];

  return {
    async createUser({ userId, firstName, lastName, email, at }) {
      if (rows.has(userId)) throw userAlreadyExists(userId);
      const row: CrudUser = { userId, firstName, lastName, email, updatedAt: at };
      rows.set(userId, row);
      return { ...row };
    },
    async updateEmail(userId, email, at) {
      const row = rows.get(userId);
      if (!row) throw new NotFoundError('user', userId);
      const loss = emailLoss(row, email, at);
      if (loss) losses.push(loss);
      const updated: CrudUser = { ...row, email, updatedAt: at };
      rows.set(userId, updated);
      return { ...updated };
    },
    async get(userId) {
      const row = rows.get(userId);
      return row && { ...row };
    },
    async list() {
      return [...rows.values()]
        .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
        .map((row) => ({ ...row }));
    },
    async lossesOf(userId) {
      return losses.filter((loss) => loss.userId === userId).map((loss) => ({ ...loss }));
    },
    async clear() {
      rows.clear();
      losses = [];
    },
  };
}
