import { DomainError, NotFoundError } from '../domain/core/errors';

/** Seed 001's users as a CRUD table would keep them: one row per user, the old email written over. */
export type CrudUser = {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly updatedAt: string;
};

/** An email an update destroyed. */
export type CrudUserLoss = {
  readonly userId: string;
  readonly field: 'email';
  readonly oldValue: string;
  readonly newValue: string;
  readonly at: string;
};

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

/**
 * Memory only: the Dexie schema has no `crudUsers` table yet, so the users twin lives as long as the page does.
 */
export function createMemoryCrudUserStore(): CrudUserStore {
  const rows = new Map<string, CrudUser>();
  let losses: CrudUserLoss[] = [];

  return {
    async createUser({ userId, firstName, lastName, email, at }) {
      if (rows.has(userId)) throw new DomainError('UserAlreadyExists', `User ${userId} already exists.`);
      const row: CrudUser = { userId, firstName, lastName, email, updatedAt: at };
      rows.set(userId, row);
      return { ...row };
    },
    async updateEmail(userId, email, at) {
      const row = rows.get(userId);
      if (!row) throw new NotFoundError('user', userId);
      if (row.email !== email) losses.push({ userId, field: 'email', oldValue: row.email, newValue: email, at });
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
