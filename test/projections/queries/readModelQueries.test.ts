import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../../src/db/schema';
import { createDexieProjectionStore } from '../../../src/projections/dexieProjectionStore';
import type { RankedOptions, RankedVisitor } from '../../../src/projections/projectionStore';
import { listOrders, topCustomersFromReadModel } from '../../../src/projections/queries/orderQueries';
import type { OrderDoc } from '../../../src/projections/readModels/orders';
import type { CustomerSpend } from '../../../src/projections/readModels/topCustomers';
import { workbookProjections } from '../../../src/projections/allProjections';
import { createReadModelQueries } from '../../../src/projections/queries/readModelQueries';
import { laptop, placed, record, userCreated } from '../support/orderHistory';
import { project } from '../support/project';
import { shopHistory } from '../support/shopHistory';

describe('the query side over the read models', () => {
  it('answers every seed 002 and seed 001 query from the projected documents', async () => {
    const { projectionStore } = await project(workbookProjections, [
      ...shopHistory,
      userCreated('1', 'john.doe@example.com', '2026-01-01T00:00:00.000Z'),
    ]);
    const queries = createReadModelQueries(projectionStore);

    expect((await queries.listOrders({ status: 'pending' })).orders.map((order) => order.orderId)).toEqual(['B']);
    expect((await queries.listOrders({ minTotal: 1000 })).orders.map((order) => order.orderId)).toEqual(['D', 'A']);
    await expect(queries.listOrders({ minTotal: 10, maxTotal: 5 })).rejects.toThrow(/maxTotal: must be at least/);
    expect((await queries.orderById('D'))?.status).toBe('delivered');
    expect((await queries.ordersByStatus('shipped')).map((order) => order.orderId)).toEqual(['A']);
    expect((await queries.ordersByCustomerEmail('bob@example.com')).map((order) => order.orderId)).toEqual(['F', 'B']);
    expect(await queries.summary()).toMatchObject({ totalOrders: 5, totalRevenue: 2131.97, averageOrderValue: 532.99 });
    expect((await queries.topCustomers(2)).map((customer) => customer.customerId)).toEqual(['c3', 'c1']);
    expect((await queries.searchOrders('mouse')).map((order) => order.orderId)).toEqual(['F', 'B']);
    expect((await queries.listUsers()).map((user) => user.email)).toEqual(['john.doe@example.com']);
    expect((await queries.userById('1'))?.firstName).toBe('John');
  });

  it('shows what the projector has applied, not what the log holds', async () => {
    const { store, projectionStore, projector } = await project(workbookProjections, shopHistory);
    const queries = createReadModelQueries(projectionStore);
    projector.pause('orders');
    await record(store, [placed('G', [laptop], '2026-02-02T00:00:00.000Z')]);
    await projector.whenCaughtUp();
    expect(await queries.orderById('G')).toBeUndefined(); // the orders read model is paused
    expect((await queries.summary()).totalOrders).toBe(6); // the summary is not
  });

  it('pages through the indexes exactly as a full list sorted newest (or oldest) first would, ties and filters included', async () => {
    const db = new WorkbookDb(`queries-window-${Date.now()}`);
    await db.open();
    try {
      const projectionStore = createDexieProjectionStore(db);
      const statuses = ['pending', 'confirmed', 'shipped'] as const;
      // Several orders share each instant, so pages cut through runs of equal placedAt.
      const orders: OrderDoc[] = Array.from({ length: 120 }, (_, index) => ({
        orderId: `o${String((index * 37) % 120).padStart(3, '0')}`,
        customerId: `c${index % 7}`,
        customerEmail: index % 5 === 0 ? null : `c${index % 7}@example.com`,
        version: 1,
        items: [{ product: index % 2 === 0 ? 'Laptop' : 'Mouse', quantity: 1, unitPrice: index }],
        total: index,
        status: statuses[index % 3]!,
        placedAt: `2026-01-${String(1 + (index % 9)).padStart(2, '0')}T00:00:00.000Z`,
        updatedAt: '2026-02-01T00:00:00.000Z',
        cancelReason: null,
        trackingNumber: null,
        statusHistory: [],
      }));
      const spends: CustomerSpend[] = Array.from({ length: 30 }, (_, index) => ({
        kind: 'customer',
        customerId: `c${index}`,
        customerEmail: null,
        orderCount: index % 4,
        totalSpentCents: (index % 6) * 1000,
      }));
      await projectionStore.commit('orders', orders.map((doc) => ({ kind: 'put', id: doc.orderId, doc })), {
        projection: 'orders', position: 1, projectionVersion: 1, fault: null,
      });
      await projectionStore.commit('topCustomers', spends.map((doc) => ({ kind: 'put', id: `customer:${doc.customerId}`, doc })), {
        projection: 'topCustomers', position: 1, projectionVersion: 1, fault: null,
      });
      const queries = createReadModelQueries(projectionStore);
      for (const filter of [
        { limit: 50 },
        { offset: 7, limit: 13 },
        { offset: 110, limit: 50 },
        { status: 'shipped' as const, offset: 3, limit: 10 },
        { customerId: 'c3', limit: 5 },
        { minTotal: 40, maxTotal: 90, status: 'pending' as const, offset: 2, limit: 6 },
        // Seed 000's list: oldest first, from the index's other end.
        { oldestFirst: true, limit: 50 },
        { oldestFirst: true, offset: 7, limit: 13 },
        { oldestFirst: true, offset: 110, limit: 50 },
        { oldestFirst: true, status: 'shipped' as const, offset: 3, limit: 10 },
        { oldestFirst: true, customerId: 'c3', limit: 5 },
      ]) {
        expect(await queries.listOrders(filter), JSON.stringify(filter)).toEqual(listOrders(orders, filter));
      }
      expect(await queries.ordersByStatus('confirmed')).toEqual(listOrders(orders, { status: 'confirmed', limit: 1000 }).orders);

      // A window from either end reads about the window, not the whole index (the rest is counted there).
      let visited = 0;
      const counting = createReadModelQueries({
        ...projectionStore,
        walkRanked: <Doc>(projection: string, options: RankedOptions, visit: RankedVisitor<Doc>) =>
          projectionStore.walkRanked<Doc>(projection, options, (doc, id) => {
            visited += 1;
            return visit(doc, id);
          }),
      });
      for (const filter of [{ limit: 5 }, { oldestFirst: true, limit: 5 }, { oldestFirst: true, offset: 10, limit: 5 }]) {
        visited = 0;
        expect(await counting.listOrders(filter), JSON.stringify(filter)).toEqual(listOrders(orders, filter));
        // The window, plus the rest of the run of equal placedAt it ends in (at most 14 orders share an instant here).
        expect(visited, JSON.stringify(filter)).toBeLessThanOrEqual((filter.offset ?? 0) + filter.limit + 14);
      }
      expect((await queries.searchOrdersPage('mouse', { limit: 4 })).total).toBe(60);
      for (const limit of [0, 1, 3, 10, 30])
        expect(await queries.topCustomers(limit)).toEqual(topCustomersFromReadModel(spends, limit));
    } finally {
      db.close();
    }
  });
});
