import { describe, expect, it } from 'vitest';
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
});
