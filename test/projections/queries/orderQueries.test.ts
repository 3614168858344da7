import { beforeAll, describe, expect, it } from 'vitest';
import {
  listOrders,
  orderById,
  ordersByCustomerEmail,
  ordersByStatus,
  orderSummary,
  searchOrders,
  topCustomers,
} from '../../../src/projections/queries/orderQueries';
import { ordersProjection, type OrderDoc } from '../../../src/projections/readModels/orders';
import { project } from '../support/project';
import { shopHistory } from '../support/shopHistory';

let orders: OrderDoc[];
const ids = (found: readonly OrderDoc[]) => found.map((order) => order.orderId);

beforeAll(async () => {
  const { docs } = await project([ordersProjection], shopHistory);
  orders = [...(await docs<OrderDoc>('orders')).values()];
});

describe('listing orders with filters (GET /api/v1/orders)', () => {
  it('lists every order that exists, newest first', () => {
    const page = listOrders(orders);
    expect(ids(page.orders)).toEqual(['F', 'D', 'C', 'B', 'A']);
    expect(page.total).toBe(5);
  });

  it('filters by status', () => {
    expect(ids(listOrders(orders, { status: 'pending' }).orders)).toEqual(['B']);
    expect(ids(listOrders(orders, { status: 'processing' }).orders)).toEqual([]);
  });

  it('filters by customer email ignoring case, and by customer id', () => {
    expect(ids(listOrders(orders, { customerEmail: 'bob@example.com' }).orders)).toEqual(['F', 'B']);
    expect(ids(listOrders(orders, { customerId: 'c1' }).orders)).toEqual(['C', 'A']);
  });

  it('filters by the day the order was placed, a date-only "to" including that whole day', () => {
    expect(ids(listOrders(orders, { from: '2026-01-03', to: '2026-01-05' }).orders)).toEqual(['D', 'C']);
    expect(ids(listOrders(orders, { from: '2026-01-31' }).orders)).toEqual(['F']);
    expect(ids(listOrders(orders, { to: '2026-01-31' }).orders)).toContain('F');
    expect(ids(listOrders(orders, { to: '2026-01-03T10:00:00.000Z' }).orders)).toEqual(['C', 'B', 'A']);
  });

  it('pages through the result and reports the total before paging', () => {
    const page = listOrders(orders, { offset: 1, limit: 2 });
    expect(ids(page.orders)).toEqual(['D', 'C']);
    expect(page).toMatchObject({ total: 5, offset: 1, limit: 2 });
    expect(ids(listOrders(orders, { status: 'pending', offset: 5 }).orders)).toEqual([]);
  });

  it('combines filters', () => {
    expect(ids(listOrders(orders, { customerEmail: 'BOB@example.com', status: 'confirmed' }).orders)).toEqual(['F']);
  });
});

describe('single-purpose queries', () => {
  it('finds an order by id, and nothing for a deleted one', () => {
    expect(orderById(orders, 'D')?.total).toBe(1029.97);
    expect(orderById(orders, 'E')).toBeUndefined();
  });

  it('lists orders by status and by customer email', () => {
    expect(ids(ordersByStatus(orders, 'cancelled'))).toEqual(['C']);
    expect(ids(ordersByCustomerEmail(orders, 'ADA@example.com'))).toEqual(['C', 'A']);
    expect(ordersByCustomerEmail(orders, 'nobody@example.com')).toEqual([]);
  });
});

describe('summary and top customers from the orders read model', () => {
  it('gives the hand-computed summary', () => {
    const summary = orderSummary(orders);
    expect(summary).toMatchObject({ totalOrders: 5, totalRevenue: 2131.97, averageOrderValue: 532.99 });
    expect(summary.byStatus.delivered).toEqual({ count: 1, revenue: 1029.97 });
    expect(summary.byStatus.cancelled).toEqual({ count: 1, revenue: 29.97 });
  });

  it('ranks customers by spend without cancelled or deleted orders', () => {
    expect(topCustomers(orders).map(({ customerId, orderCount, totalSpent }) => [customerId, orderCount, totalSpent])).toEqual([
      ['c3', 1, 1029.97],
      ['c1', 1, 1000],
      ['c2', 2, 102],
    ]);
    expect(topCustomers(orders, 1).map((customer) => customer.customerId)).toEqual(['c3']);
  });
});

describe('search (GET /api/v1/orders/search?q=)', () => {
  it('finds orders by product name, ignoring case', () => {
    expect(ids(searchOrders(orders, 'LAPTOP'))).toEqual(['D', 'A']);
    expect(ids(searchOrders(orders, 'mouse'))).toEqual(['F', 'B']);
  });

  it('finds orders by order id, customer id and email', () => {
    expect(ids(searchOrders(orders, 'd'))).toContain('D');
    expect(ids(searchOrders(orders, 'c3'))).toEqual(['D']);
    expect(ids(searchOrders(orders, 'cy@'))).toEqual(['D']);
  });

  it('needs every word of the query to match the same order', () => {
    expect(ids(searchOrders(orders, 'cable ada'))).toEqual(['C']);
    expect(searchOrders(orders, 'cable bob')).toEqual([]);
  });

  it('finds nothing for an empty query', () => {
    expect(searchOrders(orders, '   ')).toEqual([]);
  });
});
