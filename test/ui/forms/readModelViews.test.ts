import { describe, expect, it } from 'vitest';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { missingParam, paramIssues, readModelQueryOf, runReadModelQuery } from '../../../src/ui/forms/readModelViews';

let clock = 0;
const ticking = () => new Date(Date.UTC(2026, 10, 23, 10, 0, clock++)).toISOString();

async function shop() {
  const simulator = await createMemorySimulator({ now: ticking });
  const place = (orderId: string, customerId: string, email: string, product: string, unitPrice: number) =>
    simulator.execute('PlaceOrder', { orderId, customerId, customerEmail: email, items: [{ product, quantity: 1, unitPrice }] });
  await place('a', 'c-1', 'ada@example.com', 'Laptop', 1000);
  await place('b', 'c-2', 'bob@example.com', 'Mouse', 20);
  await place('c', 'c-1', 'ada@example.com', 'Keyboard', 50);
  await simulator.execute('ConfirmOrder', { orderId: 'a' });
  await simulator.execute('CancelOrder', { orderId: 'b', reason: 'duplicate' });
  await simulator.execute('CreateUser', { userId: 'u-1', firstName: 'John', lastName: 'Doe', email: 'john@example.com' });
  await simulator.projector.whenCaughtUp();
  return simulator;
}

const firstColumn = (rows: readonly (readonly string[])[]) => rows.map((row) => row[0]);

describe('read-model tables', () => {
  it('lists orders newest first, filtered by status, customer and total', async () => {
    const { queries } = await shop();
    expect(firstColumn((await runReadModelQuery(queries, 'listOrders', {})).rows)).toEqual(['c', 'b', 'a']);
    expect(firstColumn((await runReadModelQuery(queries, 'listOrders', { customerId: 'c-1' })).rows)).toEqual(['c', 'a']);
    expect(firstColumn((await runReadModelQuery(queries, 'listOrders', { status: 'cancelled' })).rows)).toEqual(['b']);
    const pricey = await runReadModelQuery(queries, 'listOrders', { minTotal: '30', maxTotal: '999' });
    expect(firstColumn(pricey.rows)).toEqual(['c']);
    expect(pricey.note).toBe('1 order.');
  });

  it('answers by id (with the status history), by status, by customer email and by search', async () => {
    const { queries } = await shop();
    const byId = await runReadModelQuery(queries, 'orderById', { orderId: 'a' });
    expect(byId.rows[0]).toContain('confirmed');
    expect(byId.note).toBe('Status history: pending → confirmed.');
    expect((await runReadModelQuery(queries, 'orderById', { orderId: 'zz' })).note).toBe('No order zz in the read model.');
    expect(firstColumn((await runReadModelQuery(queries, 'ordersByStatus', { status: 'pending' })).rows)).toEqual(['c']);
    expect(firstColumn((await runReadModelQuery(queries, 'ordersByCustomerEmail', { customerEmail: 'ADA@example.com' })).rows)).toEqual(['c', 'a']);
    expect(firstColumn((await runReadModelQuery(queries, 'searchOrders', { q: 'mouse' })).rows)).toEqual(['b']);
  });

  it('summarises by status and ranks the top customers, cancelled orders left out of revenue', async () => {
    const { queries } = await shop();
    const summary = await runReadModelQuery(queries, 'summary', {});
    expect(summary.rows.find((row) => row[0] === 'all')).toEqual(['all', '3', '1050.00']);
    expect(summary.rows.find((row) => row[0] === 'cancelled')).toEqual(['cancelled', '1', '20.00']);
    const top = await runReadModelQuery(queries, 'topCustomers', { limit: '1' });
    expect(top.rows).toEqual([['c-1', 'ada@example.com', '2', '1050.00']]);
    expect(top.note).toBe('1 customer, most spent first.');
  });

  it('lists seed 001’s users', async () => {
    const { queries } = await shop();
    const users = await runReadModelQuery(queries, 'listUsers', {});
    expect(users.rows.map((row) => row.slice(0, 4))).toEqual([['u-1', 'John', 'Doe', 'john@example.com']]);
  });

  it('asks for a required parameter instead of querying without it', () => {
    expect(missingParam(readModelQueryOf('searchOrders'), { q: ' ' })?.label).toBe('Search for');
    expect(missingParam(readModelQueryOf('searchOrders'), { q: 'laptop' })).toBeUndefined();
    expect(missingParam(readModelQueryOf('listOrders'), {})).toBeUndefined();
  });

  it('names a bad total range next to its field instead of querying with it', async () => {
    expect(paramIssues('listOrders', { minTotal: '-5' })).toEqual([
      { param: 'minTotal', message: 'must be a number of 0 or more, not -5' },
    ]);
    expect(paramIssues('listOrders', { minTotal: '100', maxTotal: '20' })).toEqual([
      { param: 'maxTotal', message: 'must be at least the minimum total (100); 20 would match no order' },
    ]);
    expect(paramIssues('listOrders', { minTotal: ' ', maxTotal: '20' })).toEqual([]);
    expect(paramIssues('topCustomers', { limit: '-1' })).toEqual([]);
    const { queries } = await shop();
    await expect(runReadModelQuery(queries, 'listOrders', { minTotal: '100', maxTotal: '20' })).rejects.toThrow(/maxTotal/);
  });

  it('lags the log while the projection is paused: the table is as of the checkpoint', async () => {
    const simulator = await shop();
    simulator.projector.pause('orders');
    await simulator.execute('PlaceOrder', { orderId: 'late', customerId: 'c-3', items: [{ product: 'Pen', quantity: 1, unitPrice: 1 }] });
    await simulator.projector.whenCaughtUp();
    expect(firstColumn((await runReadModelQuery(simulator.queries, 'listOrders', {})).rows)).not.toContain('late');
    await simulator.projector.step('orders');
    expect(firstColumn((await runReadModelQuery(simulator.queries, 'listOrders', {})).rows)).toContain('late');
  });
});
