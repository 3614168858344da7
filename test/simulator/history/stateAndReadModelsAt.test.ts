import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../src/eventStore/types';
import { crudAt } from '../../../src/simulator/history/crudAt';
import { readModelsAt } from '../../../src/simulator/history/readModelsAt';
import { prefixAt, streamIdsOf, streamStateAt } from '../../../src/simulator/history/stateAt';
import { demoLog } from './demoLog';

let log: RecordedEvent[];
beforeAll(async () => {
  log = await demoLog();
});

describe('state as of a position', () => {
  it('folds only the stream’s events at or before the position', () => {
    // #3 confirms order 1, #5 starts processing, #7 ships, #11 delivers.
    expect(streamStateAt(log, 'order-1', 2)).toMatchObject({ aggregate: 'order', version: 1, state: { status: 'pending' } });
    expect(streamStateAt(log, 'order-1', 6)).toMatchObject({ version: 3, state: { status: 'processing' } });
    expect(streamStateAt(log, 'order-1', log.length)).toMatchObject({ version: 5, state: { status: 'delivered', trackingNumber: 'TRK-1001' } });
  });

  it('before its first event a stream is empty, and a user stream folds with the user decider', () => {
    expect(streamStateAt(log, 'order-3', 7)).toMatchObject({ aggregate: 'order', version: 0, state: { status: 'none' } });
    expect(streamStateAt(log, 'user-1', 9)).toMatchObject({ aggregate: 'user', state: { email: 'ada@example.com' } });
    expect(streamStateAt(log, 'user-1', 10)).toMatchObject({ aggregate: 'user', state: { email: 'ada@new.example.com' } });
  });

  it('lists streams in order of their first event', () => {
    expect(streamIdsOf(log)).toEqual(['order-1', 'order-2', 'user-1', 'order-3']);
    expect(prefixAt(log, 4).map((event) => event.globalPosition)).toEqual([1, 2, 3, 4]);
  });
});

describe('read models as of a position', () => {
  it('runs the real projections over the prefix: orders and summary as they stood then', async () => {
    const early = await readModelsAt(prefixAt(log, 2));
    expect(early.orders.map((order) => [order.orderId, order.status])).toEqual([
      ['2', 'pending'],
      ['1', 'pending'],
    ]);
    expect(early.summary).toMatchObject({ totalOrders: 2, totalRevenue: 1048.99 });

    const end = await readModelsAt(log);
    expect(Object.fromEntries(end.orders.map((order) => [order.orderId, order.status]))).toEqual({ '1': 'delivered', '2': 'cancelled', '3': 'confirmed' });
    // The cancelled lamp order no longer counts as revenue; Ada's two orders make her the top customer.
    expect(end.summary).toMatchObject({ totalOrders: 3, totalRevenue: 1198.99 });
    expect(end.topCustomers[0]).toMatchObject({ customerId: 'ada', orderCount: 2 });
    expect(end.users).toMatchObject([{ userId: '1', email: 'ada@new.example.com' }]);
    expect(end.faults).toEqual([]);
  });
});

describe('the CRUD twin as of a position', () => {
  it('holds only current values, and the losses so far', async () => {
    const before = await crudAt(prefixAt(log, 6));
    expect(before.orders.find((row) => row.orderId === '1')?.status).toBe('processing');
    expect(before.losses.map((loss) => loss.oldValue)).toEqual(['pending', 'confirmed', 'pending']);

    const after = await crudAt(prefixAt(log, 7));
    expect(after.orders.find((row) => row.orderId === '1')?.status).toBe('shipped');
    expect(after.losses.at(-1)).toMatchObject({ orderId: '1', oldValue: 'processing', newValue: 'shipped' });
    expect((await crudAt(log)).userLosses).toMatchObject([{ oldValue: 'ada@example.com' }]);
  });
});
