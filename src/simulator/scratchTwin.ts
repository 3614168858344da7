import { DomainError, NotFoundError } from '../domain/core/errors';
import { deletionLoss, newRow, overwrite, validStatus } from '../crud/overwrite';
import { emailLoss, userAlreadyExists, type CrudUser, type CrudUserLoss, type CrudUserStore } from '../crud/crudUsers';
import type { CrudLoss, CrudOrder, CrudStore } from '../crud/types';

/**
 * The CRUD twin's rules run over rows held in plain maps, so a bulk write can apply thousands of commands with the
 * very functions the twin uses (`applyToCrud` → overwrite / newRow / deletionLoss) and then store the resulting
 * rows and losses in one transaction. Never awaits anything but itself: it can run inside a Dexie transaction.
 */
export type ScratchTwin = {
  readonly crud: CrudStore;
  readonly crudUsers: CrudUserStore;
  /** Every row touched, keyed by id (deleted ones are in `deletedOrders` and absent here). */
  readonly orders: Map<string, CrudOrder>;
  readonly users: Map<string, CrudUser>;
  readonly deletedOrders: Set<string>;
  readonly orderLosses: Omit<CrudLoss, 'id'>[];
  readonly userLosses: CrudUserLoss[];
};

export function createScratchTwin(
  orders: Map<string, CrudOrder> = new Map(),
  users: Map<string, CrudUser> = new Map(),
): ScratchTwin {
  const deletedOrders = new Set<string>();
  const orderLosses: Omit<CrudLoss, 'id'>[] = [];
  const userLosses: CrudUserLoss[] = [];

  const existing = (orderId: string): CrudOrder => {
    const row = orders.get(orderId);
    if (!row) throw new NotFoundError('order', orderId);
    return row;
  };
  const update = (orderId: string, changes: Parameters<typeof overwrite>[1], at: string): CrudOrder => {
    const result = overwrite(existing(orderId), changes, at);
    orders.set(orderId, result.row);
    orderLosses.push(...result.losses);
    return result.row;
  };

  const crud: CrudStore = {
    async createOrder(order) {
      if (orders.has(order.orderId)) throw new DomainError('OrderAlreadyExists', `Order ${order.orderId} already exists.`);
      const row = newRow(order);
      orders.set(row.orderId, row);
      deletedOrders.delete(row.orderId);
      return row;
    },
    async updateStatus(orderId, status, at) {
      return update(orderId, { status: validStatus(status) }, at);
    },
    async updateEmail(orderId, customerEmail, at) {
      return update(orderId, { customerEmail }, at);
    },
    async deleteOrder(orderId, at) {
      const row = existing(orderId);
      orders.delete(orderId);
      deletedOrders.add(orderId);
      orderLosses.push(deletionLoss(row, at));
    },
    async get(orderId) {
      return orders.get(orderId);
    },
    async list() {
      return [...orders.values()];
    },
    async lossesOf(orderId) {
      return orderLosses.filter((loss) => loss.orderId === orderId) as CrudLoss[];
    },
    async allLosses() {
      return orderLosses as CrudLoss[];
    },
    async clear() {
      orders.clear();
      orderLosses.length = 0;
    },
  };

  const crudUsers: CrudUserStore = {
    async createUser({ userId, firstName, lastName, email, at }) {
      if (users.has(userId)) throw userAlreadyExists(userId);
      const row: CrudUser = { userId, firstName, lastName, email, updatedAt: at };
      users.set(userId, row);
      return row;
    },
    async updateEmail(userId, email, at) {
      const row = users.get(userId);
      if (!row) throw new NotFoundError('user', userId);
      const loss = emailLoss(row, email, at);
      if (loss) userLosses.push(loss);
      const updated: CrudUser = { ...row, email, updatedAt: at };
      users.set(userId, updated);
      return updated;
    },
    async get(userId) {
      return users.get(userId);
    },
    async list() {
      return [...users.values()];
    },
    async lossesOf(userId) {
      return userLosses.filter((loss) => loss.userId === userId);
    },
    async clear() {
      users.clear();
      userLosses.length = 0;
    },
  };

  return { crud, crudUsers, orders, users, deletedOrders, orderLosses, userLosses };
}
