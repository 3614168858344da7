import { DomainError, NotFoundError } from '../domain/core/errors';
import { deletionLoss, newRow, overwrite, validStatus } from './overwrite';
import type { CrudLoss, CrudOrder, CrudStore } from './types';

/** The CRUD twin in plain memory (tests, and the simulator before IndexedDB opens). */
export function createMemoryCrudStore(): CrudStore {
  const rows = new Map<string, CrudOrder>();
  let losses: CrudLoss[] = [];
  let nextLossId = 1;

  const existing = (orderId: string): CrudOrder => {
    const row = rows.get(orderId);
    if (!row) throw new NotFoundError('order', orderId);
    return row;
  };
  const record = (lost: readonly Omit<CrudLoss, 'id'>[]): void => {
    for (const loss of lost) losses.push(structuredClone({ ...loss, id: nextLossId++ }));
  };
  const update = (orderId: string, changes: Parameters<typeof overwrite>[1], at: string): CrudOrder => {
    const result = overwrite(existing(orderId), changes, at);
    rows.set(orderId, result.row);
    record(result.losses);
    return structuredClone(result.row);
  };

  return {
    async createOrder(order) {
      if (rows.has(order.orderId)) {
        throw new DomainError('OrderAlreadyExists', `Order ${order.orderId} already exists.`);
      }
      const row = structuredClone(newRow(order));
      rows.set(row.orderId, row);
      return structuredClone(row);
    },
    async updateStatus(orderId, status, at) {
      return update(orderId, { status: validStatus(status) }, at);
    },
    async updateEmail(orderId, customerEmail, at) {
      return update(orderId, { customerEmail }, at);
    },
    async deleteOrder(orderId, at) {
      const row = existing(orderId);
      rows.delete(orderId);
      record([deletionLoss(row, at)]);
    },
    async get(orderId) {
      const row = rows.get(orderId);
      return row && structuredClone(row);
    },
    async list() {
      return structuredClone([...rows.values()].sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0)));
    },
    async lossesOf(orderId) {
      return structuredClone(losses.filter((loss) => loss.orderId === orderId));
    },
    async allLosses() {
      return structuredClone(losses);
    },
    async clear() {
      rows.clear();
      losses = [];
    },
  };
}
