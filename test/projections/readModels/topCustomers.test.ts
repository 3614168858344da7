import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../src/domain/order/types';
import { topCustomersFromReadModel } from '../../../src/projections/queries/orderQueries';
import { customerDocIdPrefix, topCustomersProjection, type CustomerSpend } from '../../../src/projections/readModels/topCustomers';
import { orderBucketId } from '../../../src/projections/readModels/orderBuckets';
import { placed, laptop, mouse, cancelled, deleted } from '../support/orderHistory';
import { project } from '../support/project';
import { shopHistory } from '../support/shopHistory';

const customerSpends = async (projected: Awaited<ReturnType<typeof project>>): Promise<CustomerSpend[]> =>
  (await projected.projectionStore.listDocuments<CustomerSpend>('topCustomers', { idPrefix: customerDocIdPrefix })).map(
    ({ doc }) => doc,
  );

describe('top customers read model', () => {
  it('ranks customers by what they spent on orders not cancelled, as worked out by hand', async () => {
    const spends = await customerSpends(await project([topCustomersProjection], shopHistory));
    expect(topCustomersFromReadModel(spends)).toEqual([
      { customerId: 'c3', customerEmail: 'cy@example.com', orderCount: 1, totalSpent: 1029.97 },
      { customerId: 'c1', customerEmail: 'ada@example.com', orderCount: 1, totalSpent: 1000 },
      { customerId: 'c2', customerEmail: 'Bob@Example.com', orderCount: 2, totalSpent: 102 },
    ]);
    expect(topCustomersFromReadModel(spends, 2).map((customer) => customer.customerId)).toEqual(['c3', 'c1']);
  });

  it('keeps one document per customer, so an order changes only its own customer’s figures', async () => {
    const projected = await project(
      [topCustomersProjection],
      [
        placed('1', [laptop], '2026-01-01T09:00:00.000Z', { id: 'ada' }),
        placed('2', [mouse], '2026-01-01T10:00:00.000Z', { id: 'bob' }),
        cancelled('1', '2026-01-01T11:00:00.000Z', 'pending', 'changed my mind', 'ada'),
      ],
    );
    const docs = await projected.docs<unknown>('topCustomers');
    // Each order's bookkeeping lives in its bucket (orders:284 and orders:469), not in a document of its own.
    expect([...docs.keys()]).toEqual(['customer:ada', 'customer:bob', orderBucketId('1'), orderBucketId('2')]);
    expect(docs.get('customer:ada')).toMatchObject({ orderCount: 0, totalSpentCents: 0 });
    expect(docs.get('customer:bob')).toMatchObject({ orderCount: 1, totalSpentCents: 5100 });
  });

  it('takes an order seed 000 set to cancelled out of its customer’s spend, and puts it back when set to another status', async () => {
    const set = (status: string, previousStatus: string, setAt: string): OrderEvent =>
      ({ type: 'OrderStatusSet', data: { orderId: '1', customerId: 'ada', status, previousStatus, setAt } }) as OrderEvent;
    const history = [
      placed('1', [laptop], '2026-01-01T09:00:00.000Z', { id: 'ada' }),
      set('cancelled', 'pending', '2026-01-01T10:00:00.000Z'),
      set('cancelled', 'cancelled', '2026-01-01T10:30:00.000Z'),
    ];
    expect(topCustomersFromReadModel(await customerSpends(await project([topCustomersProjection], history)))).toEqual([]);
    const reopened = [...history, set('processing', 'cancelled', '2026-01-01T11:00:00.000Z')];
    expect(topCustomersFromReadModel(await customerSpends(await project([topCustomersProjection], reopened)))).toEqual([
      { customerId: 'ada', customerEmail: 'ada@example.com', orderCount: 1, totalSpent: 1000 },
    ]);
  });

  it('takes a deleted order out once, even when it was cancelled before', async () => {
    const spends = await customerSpends(
      await project(
        [topCustomersProjection],
        [
          placed('1', [laptop], '2026-01-01T09:00:00.000Z', { id: 'ada' }),
          placed('2', [mouse], '2026-01-01T10:00:00.000Z', { id: 'ada' }),
          cancelled('1', '2026-01-01T11:00:00.000Z', 'pending', 'changed my mind', 'ada'),
          deleted('1', '2026-01-01T12:00:00.000Z', 'cancelled', 'ada'),
        ],
      ),
    );
    expect(topCustomersFromReadModel(spends)).toEqual([
      { customerId: 'ada', customerEmail: 'ada@example.com', orderCount: 1, totalSpent: 51 },
    ]);
  });

  it('only loads documents for the events that change spending', () => {
    expect(topCustomersProjection.handles).toEqual(['OrderPlaced', 'OrderCancelled', 'OrderDeleted', 'OrderStatusSet']);
  });
});

describe('top customers over a cancel recorded without its customer', () => {
  it('faults on that event, naming the missing customerId, instead of counting it against nobody', async () => {
    const old = { type: 'OrderCancelled', data: { orderId: '1', reason: 'x', previousStatus: 'pending', cancelledAt: '2026-01-01T10:00:00.000Z' } };
    const { projector } = await project(
      [topCustomersProjection],
      [placed('1', [laptop], '2026-01-01T09:00:00.000Z'), old as unknown as OrderEvent],
    );
    const status = projector.getStatus().projections[0];
    expect(status).toMatchObject({ status: 'faulted', checkpoint: 1 });
    expect(status?.fault?.reason).toMatch(/OrderCancelled of order 1 names no customerId/);
  });
});
