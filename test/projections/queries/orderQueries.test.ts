import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/domain/core/errors';
import {
  listOrders,
  orderFilterIssues,
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

describe('filtering orders by total (min and max, inclusive)', () => {
  // Totals: A 1000.00, B 51.00, C 29.97, D 1029.97, F 51.00.
  it('keeps orders whose total is at least the minimum, at most the maximum, or both', () => {
    expect(ids(listOrders(orders, { minTotal: 51 }).orders)).toEqual(['F', 'D', 'B', 'A']);
    expect(ids(listOrders(orders, { maxTotal: 51 }).orders)).toEqual(['F', 'C', 'B']);
    expect(ids(listOrders(orders, { minTotal: 51, maxTotal: 51 }).orders)).toEqual(['F', 'B']);
    expect(ids(listOrders(orders, { minTotal: 0 }).orders)).toEqual(['F', 'D', 'C', 'B', 'A']);
  });

  it('compares in cents, so a total matches a bound written exactly as it', () => {
    // 1029.97 × 100 is not 102997 in floating point; the order still matches its own total.
    expect(ids(listOrders(orders, { minTotal: 1029.97, maxTotal: 1029.97 }).orders)).toEqual(['D']);
    expect(ids(listOrders(orders, { minTotal: 29.97, maxTotal: 29.97 }).orders)).toEqual(['C']);
    // A bound between two cents is not rounded down into matching a smaller total.
    expect(ids(listOrders(orders, { minTotal: 51.001 }).orders)).toEqual(['D', 'A']);
    expect(ids(listOrders(orders, { maxTotal: 50.999 }).orders)).toEqual(['C']);
  });

  it('counts the matches before paging, and combines with the other filters', () => {
    expect(listOrders(orders, { minTotal: 50, limit: 1 })).toMatchObject({ total: 4, orders: [{ orderId: 'F' }] });
    expect(ids(listOrders(orders, { minTotal: 100, customerId: 'c1' }).orders)).toEqual(['A']);
    expect(ids(listOrders(orders, { maxTotal: 100, status: 'pending' }).orders)).toEqual(['B']);
  });

  it('refuses a negative or non-numeric bound, naming the field', () => {
    expect(() => listOrders(orders, { minTotal: -1 })).toThrow(ValidationError);
    expect(orderFilterIssues({ minTotal: -1 })).toEqual([{ field: 'minTotal', message: 'must be a number of 0 or more, not -1' }]);
    expect(orderFilterIssues({ minTotal: Number.NaN, maxTotal: Number.POSITIVE_INFINITY }).map((issue) => issue.field)).toEqual([
      'minTotal',
      'maxTotal',
    ]);
  });

  it('refuses a minimum above the maximum instead of answering an empty list', () => {
    expect(() => listOrders(orders, { minTotal: 100, maxTotal: 50 })).toThrow(
      'maxTotal: must be at least the minimum total (100); 50 would match no order',
    );
    expect(orderFilterIssues({ minTotal: 50, maxTotal: 50 })).toEqual([]);
    expect(orderFilterIssues({})).toEqual([]);
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
