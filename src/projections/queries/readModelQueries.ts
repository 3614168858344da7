import type { OrderStatus } from '../../domain/order/types';
import type { ProjectionStore } from '../projectionStore';
import type { OrderDoc } from '../readModels/orders';
import { ordersProjection } from '../readModels/orders';
import { summaryDocId, summaryProjection, type SummaryDoc } from '../readModels/summary';
import { topCustomersProjection, type CustomerSpend, type TopCustomersDoc } from '../readModels/topCustomers';
import { usersProjection, type UserDoc } from '../readModels/users';
import {
  defaultPageSize,
  defaultTopCustomers,
  filtersBeyondStatus,
  newestFirst,
  orderMatcher,
  searchMatcher,
  summaryFromReadModel,
  topCustomersFromReadModel,
  type OrderFilter,
  type OrderPage,
  type OrderSummary,
  type TopCustomer,
} from './orderQueries';
import { listUsers } from './userQueries';
import { sameCustomer } from '../../domain/order/customerKey';

/**
 * The query side as the simulator and the API console call it: each query reads the read model built for it, never
 * the event store. What they return lags the log by the projector's lag, which is the point of the lesson.
 */
export interface ReadModelQueries {
  listOrders(filter?: OrderFilter): Promise<OrderPage>;
  orderById(orderId: string): Promise<OrderDoc | undefined>;
  ordersByStatus(status: OrderStatus): Promise<OrderDoc[]>;
  ordersByCustomerEmail(customerEmail: string): Promise<OrderDoc[]>;
  /** From the incrementally maintained summary read model. */
  summary(): Promise<OrderSummary>;
  /** From the incrementally maintained top-customers read model. */
  topCustomers(limit?: number): Promise<TopCustomer[]>;
  searchOrders(query: string): Promise<OrderDoc[]>;
  /** A page of `searchOrders` and how many match: what a screen shows. */
  searchOrdersPage(query: string, page?: { readonly offset?: number; readonly limit?: number }): Promise<OrderPage>;
  listUsers(): Promise<UserDoc[]>;
  userById(userId: string): Promise<UserDoc | undefined>;
}

export function createReadModelQueries(projectionStore: ProjectionStore): ReadModelQueries {
  return {
    listOrders: async (filter = {}) => {
      const matches = orderMatcher(filter);
      const offset = Math.max(0, filter.offset ?? 0);
      const limit = Math.max(0, filter.limit ?? defaultPageSize);
      const page = await newestOrders(projectionStore, {
        ...(filter.status === undefined ? {} : { status: filter.status }),
        // Seed 000 lists oldest first (MongoDB's insertion order): the same index, walked from its other end.
        oldestFirst: filter.oldestFirst === true,
        matches,
        // A status alone is answered by its index, which also counts it; any other filter is tested order by order
        // down the whole index. (Without one, the test only drops an order whose total or date is not a number, as
        // an event stored without its upcaster leaves behind: shown nowhere, though the index count includes it.)
        walkAll: filtersBeyondStatus(filter),
        offset,
        limit,
        countAll: true,
      });
      return { ...page, offset, limit };
    },
    orderById: (orderId) => projectionStore.getDocument<OrderDoc>(ordersProjection.name, orderId),
    ordersByStatus: async (status) =>
      (await newestOrders(projectionStore, { status, oldestFirst: false, walkAll: true, offset: 0, limit: Infinity, countAll: false })).orders,
    ordersByCustomerEmail: async (email) => {
      const matches = (order: OrderDoc): boolean => sameCustomer(order.customerEmail, email);
      return (await newestOrders(projectionStore, { matches, oldestFirst: false, walkAll: true, offset: 0, limit: Infinity, countAll: false })).orders;
    },
    summary: async () =>
      summaryFromReadModel(await projectionStore.getDocument<SummaryDoc>(summaryProjection.name, summaryDocId)),
    topCustomers: async (limit = defaultTopCustomers) => {
      // Most spent first through the index; the walk goes on past `limit` only through a tie with the last one
      // taken, which `topCustomersFromReadModel` then breaks by order count and customer id.
      const wanted = Math.max(0, limit);
      const picked: CustomerSpend[] = [];
      let lastCents: number | undefined;
      await projectionStore.walkRanked<TopCustomersDoc>(topCustomersProjection.name, { by: 'totalSpentCents' }, (doc) => {
        if (doc.kind !== 'customer') return true;
        if (picked.length >= wanted && doc.totalSpentCents !== lastCents) return false;
        if (doc.orderCount > 0) {
          picked.push(doc);
          lastCents = doc.totalSpentCents;
        }
        return true;
      });
      return topCustomersFromReadModel(picked, limit);
    },
    searchOrders: async (query) => (await searchPage(projectionStore, query, 0, Infinity)).orders,
    searchOrdersPage: async (query, page = {}) => {
      const offset = Math.max(0, page.offset ?? 0);
      const limit = Math.max(0, page.limit ?? defaultPageSize);
      return { ...(await searchPage(projectionStore, query, offset, limit)), offset, limit };
    },
    listUsers: async () =>
      listUsers((await projectionStore.listDocuments<UserDoc>(usersProjection.name)).map(({ doc }) => doc)),
    userById: (userId) => projectionStore.getDocument<UserDoc>(usersProjection.name, userId),
  };
}

type NewestOrdersOptions = {
  /** Walk only this status's index. */
  readonly status?: string;
  /** The window counted from the oldest order: `listOrders`' order reversed. */
  readonly oldestFirst: boolean;
  /** Keep only the orders this accepts. */
  readonly matches?: (order: OrderDoc) => boolean;
  /** Read the whole index (to count what `matches` accepts), not only down to the window. */
  readonly walkAll: boolean;
  readonly offset: number;
  readonly limit: number;
  /** Report how many orders match in all, not only up to the window. */
  readonly countAll: boolean;
};

/**
 * A window of orders, newest first (or oldest first), read through the placedAt index: unless `walkAll`, the walk
 * stops after the window (and the index counts the rest), so the newest 50 of 25,000 orders cost about 50 reads and
 * no sort. Orders placed at the same instant come out of the index by id descending (ascending from the oldest end);
 * each such run is put back in `newestFirst` order (reversed for oldest first) before it is paged, so pages agree
 * with `listOrders` over a full list (orderQueries.ts).
 */
async function newestOrders(
  projectionStore: ProjectionStore,
  { status, oldestFirst, matches, walkAll, offset, limit, countAll }: NewestOrdersOptions,
): Promise<{ orders: OrderDoc[]; total: number }> {
  const end = offset + limit;
  const orders: OrderDoc[] = [];
  let passed = 0;
  let run: OrderDoc[] = [];
  const flush = (): void => {
    run.sort(oldestFirst ? (a, b) => newestFirst(b, a) : newestFirst);
    for (const order of run) {
      if (passed >= offset && passed < end) orders.push(order);
      passed += 1;
    }
    run = [];
  };
  const ranked = { by: 'placedAt', lowestFirst: oldestFirst, ...(status === undefined ? {} : { status }) } as const;
  await projectionStore.walkRanked<OrderDoc>(ordersProjection.name, ranked, (order) => {
    if (run.length > 0 && run[0]!.placedAt !== order.placedAt) {
      flush();
      if (!walkAll && passed >= end) return false;
    }
    if (matches === undefined || matches(order)) run.push(order);
    return true;
  });
  flush();
  const total = !walkAll && countAll ? await projectionStore.countRanked(ordersProjection.name, ranked) : passed;
  return { orders, total };
}

function searchPage(
  projectionStore: ProjectionStore,
  query: string,
  offset: number,
  limit: number,
): Promise<{ orders: OrderDoc[]; total: number }> {
  const matches = searchMatcher(query);
  if (matches === null) return Promise.resolve({ orders: [], total: 0 });
  return newestOrders(projectionStore, { matches, oldestFirst: false, walkAll: true, offset, limit, countAll: true });
}
