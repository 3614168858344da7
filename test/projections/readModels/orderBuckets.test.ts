import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/domain/core/decider';
import { orderDecider } from '../../../src/domain/order/decider';
import type { OrderEvent } from '../../../src/domain/order/types';
import { orderSummary, summaryFromReadModel, topCustomers, topCustomersFromReadModel } from '../../../src/projections/queries/orderQueries';
import { createReadModelQueries } from '../../../src/projections/queries/readModelQueries';
import { ordersProjection, type OrderDoc } from '../../../src/projections/readModels/orders';
import {
  bucketEntry,
  orderBucketCount,
  orderBucketId,
  orderBucketOf,
  type BucketEntry,
  type OrderBucket,
} from '../../../src/projections/readModels/orderBuckets';
import { summaryDocId, summaryProjection, type SummaryDoc, type SummaryOrderEntry } from '../../../src/projections/readModels/summary';
import {
  customerDocIdPrefix,
  topCustomersProjection,
  type CustomerOrderEntry,
  type CustomerSpend,
} from '../../../src/projections/readModels/topCustomers';
import { toCents } from '../../../src/projections/readModels/money';
import { intentsArb, legalRun } from '../../crud/support/orderCommands';
import { cancelled, confirmed, deleted, laptop, mouse, placed } from '../support/orderHistory';
import { project, type Projected } from '../support/project';

/** `count` order ids `o<n>` that all fall in one bucket (by default `o1`'s). */
function sameBucketIds(count: number, target = orderBucketOf('o1')): string[] {
  const ids: string[] = [];
  for (let n = 1; ids.length < count; n += 1) if (orderBucketOf(`o${n}`) === target) ids.push(`o${n}`);
  return ids;
}

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();

const bothModels = (events: readonly OrderEvent[]): Promise<Projected> =>
  project([ordersProjection, summaryProjection, topCustomersProjection], events);

const summaryOf = async ({ projectionStore }: Projected) =>
  summaryFromReadModel(await projectionStore.getDocument<SummaryDoc>(summaryProjection.name, summaryDocId));

const spendsOf = async ({ projectionStore }: Projected): Promise<CustomerSpend[]> =>
  (await projectionStore.listDocuments<CustomerSpend>(topCustomersProjection.name, { idPrefix: customerDocIdPrefix })).map(({ doc }) => doc);

const bucketOf = <Entry extends BucketEntry>(projected: Projected, projection: string, orderId: string) =>
  projected.projectionStore.getDocument<OrderBucket<Entry>>(projection, orderBucketId(orderId));

describe('order buckets', () => {
  it('put an order id in the same bucket every time, and keep the buckets a few dozen orders each at 20,000 orders', () => {
    // Pinned: stored buckets were filled with this hash; changing it needs both projections' versions bumped.
    expect([orderBucketOf('1'), orderBucketOf('2'), orderBucketOf('o1')]).toEqual([284, 469, 381]);
    expect(orderBucketId('1')).toBe('orders:284');
    const sizes = new Array<number>(orderBucketCount).fill(0);
    for (let index = 1; index <= 20_000; index += 1) sizes[orderBucketOf(`s1-${String(index).padStart(6, '0')}`)]! += 1;
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(70);
  });

  it('keep many orders of one bucket apart: each moves its own status and total', async () => {
    const ids = sameBucketIds(5);
    const events: OrderEvent[] = [
      ...ids.map((id, index) => placed(id, [index % 2 === 0 ? laptop : mouse], at(index), { id: `c${index % 2}` })),
      confirmed(ids[1]!, at(10)),
      cancelled(ids[2]!, at(11), 'pending', 'changed my mind', 'c0'),
    ];
    const projected = await bothModels(events);

    const summaryBucket = await bucketOf<SummaryOrderEntry>(projected, summaryProjection.name, ids[0]!);
    expect(summaryBucket!.orders.map(({ orderId }) => orderId)).toEqual(ids);
    expect(bucketEntry(summaryBucket, ids[1]!)).toEqual({ orderId: ids[1], status: 'confirmed', totalCents: 5100 });
    expect(bucketEntry(summaryBucket, ids[2]!)).toEqual({ orderId: ids[2], status: 'cancelled', totalCents: 100_000 });
    const customerBucket = await bucketOf<CustomerOrderEntry>(projected, topCustomersProjection.name, ids[0]!);
    expect(bucketEntry(customerBucket, ids[2]!)).toEqual({ orderId: ids[2], customerId: 'c0', totalCents: 100_000, counted: false });
    expect(bucketEntry(customerBucket, ids[3]!)).toEqual({ orderId: ids[3], customerId: 'c1', totalCents: 5100, counted: true });

    const summary = await summaryOf(projected);
    expect(summary.totalOrders).toBe(5);
    expect(summary.byStatus).toMatchObject({
      pending: { count: 3, revenue: 2051 },
      confirmed: { count: 1, revenue: 51 },
      cancelled: { count: 1, revenue: 1000 },
    });
    expect(topCustomersFromReadModel(await spendsOf(projected))).toEqual([
      { customerId: 'c0', customerEmail: 'ada@example.com', orderCount: 2, totalSpent: 2000 },
      { customerId: 'c1', customerEmail: 'ada@example.com', orderCount: 2, totalSpent: 102 },
    ]);
  });

  it('take a deleted order out of its bucket once and leave its neighbours, even when it is deleted again', async () => {
    const [kept, gone] = sameBucketIds(2) as [string, string];
    const projected = await bothModels([
      placed(kept, [laptop], at(0)),
      placed(gone, [mouse], at(1)),
      deleted(gone, at(2), 'pending'),
      // A second delete and a late event for the deleted order: neither may take anything out twice.
      deleted(gone, at(3), 'pending'),
      confirmed(gone, at(4)),
    ]);
    const summaryBucket = await bucketOf<SummaryOrderEntry>(projected, summaryProjection.name, kept);
    expect(summaryBucket!.orders.map(({ orderId }) => orderId)).toEqual([kept]);
    const customerBucket = await bucketOf<CustomerOrderEntry>(projected, topCustomersProjection.name, kept);
    expect(customerBucket!.orders.map(({ orderId }) => orderId)).toEqual([kept]);
    expect(await summaryOf(projected)).toMatchObject({ totalOrders: 1, totalRevenue: 1000 });
    expect(topCustomersFromReadModel(await spendsOf(projected))).toEqual([
      { customerId: 'c1', customerEmail: 'ada@example.com', orderCount: 1, totalSpent: 1000 },
    ]);
  });

  it('delete a bucket its last order left, and start it afresh when an order falls in it again', async () => {
    const [first, second] = sameBucketIds(2) as [string, string];
    const emptied = await bothModels([placed(first, [laptop], at(0)), deleted(first, at(1), 'pending')]);
    for (const projection of [summaryProjection.name, topCustomersProjection.name]) {
      expect([...(await emptied.docs(projection)).keys()].filter((id) => id.startsWith('orders:'))).toEqual([]);
    }
    expect(await summaryOf(emptied)).toMatchObject({ totalOrders: 0, totalRevenue: 0 });

    const refilled = await bothModels([placed(first, [laptop], at(0)), deleted(first, at(1), 'pending'), placed(second, [mouse], at(2))]);
    const bucket = await bucketOf<SummaryOrderEntry>(refilled, summaryProjection.name, second);
    expect(bucket!.orders).toEqual([{ orderId: second, status: 'pending', totalCents: 5100 }]);
  });

  it('count an order placed twice once, when its bucket already holds other orders', async () => {
    const [other, twice] = sameBucketIds(2) as [string, string];
    const projected = await bothModels([placed(other, [mouse], at(0)), placed(twice, [laptop], at(1)), placed(twice, [laptop], at(2))]);
    expect(await summaryOf(projected)).toMatchObject({ totalOrders: 2, totalRevenue: 1051 });
    expect(topCustomersFromReadModel(await spendsOf(projected))).toEqual([
      { customerId: 'c1', customerEmail: 'ada@example.com', orderCount: 2, totalSpent: 1051 },
    ]);
  });

  it('find nothing under an order id that names an Object member, and keep such an id as an order', async () => {
    // Each of these ids shares its bucket with an order placed first, so the bucket exists when they are looked up.
    const neighbourOf = (orderId: string): string => sameBucketIds(1, orderBucketOf(orderId))[0]!;
    const projected = await bothModels([
      placed(neighbourOf('constructor'), [mouse], at(0)),
      confirmed('constructor', at(1)),
      deleted('constructor', at(2), 'confirmed'),
      placed(neighbourOf('toString'), [mouse], at(3)),
      placed('toString', [laptop], at(4)),
      placed(neighbourOf('__proto__'), [mouse], at(5)),
      placed('__proto__', [laptop], at(6)),
      cancelled('__proto__', at(7), 'pending'),
    ]);
    expect(await summaryOf(projected)).toMatchObject({ totalOrders: 5, totalRevenue: 1153 });
    expect((await summaryOf(projected)).byStatus).toMatchObject({ confirmed: { count: 0 }, cancelled: { count: 1, revenue: 1000 } });
    expect(bucketEntry(await bucketOf<SummaryOrderEntry>(projected, summaryProjection.name, 'toString'), 'toString')).toEqual({
      orderId: 'toString',
      status: 'pending',
      totalCents: 100_000,
    });
    const protoBucket = await bucketOf<CustomerOrderEntry>(projected, topCustomersProjection.name, '__proto__');
    expect(bucketEntry(protoBucket, '__proto__')).toEqual({ orderId: '__proto__', customerId: 'c1', totalCents: 100_000, counted: false });
    expect(topCustomersFromReadModel(await spendsOf(projected))).toEqual([
      { customerId: 'c1', customerEmail: 'ada@example.com', orderCount: 4, totalSpent: 1153 },
    ]);
  });

  it('give the same summary, top customers and per-order entries as a plain fold of each order, with every order in one bucket', async () => {
    const ids = sameBucketIds(4);
    // legalRun's orders are o0..o3; renamed into one bucket so that every event rewrites the same bucket document.
    const rename = (event: OrderEvent): OrderEvent =>
      ({ ...event, data: { ...event.data, orderId: ids[Number(event.data.orderId.slice(1))]! } }) as OrderEvent;
    await fc.assert(
      fc.asyncProperty(intentsArb, async (intents) => {
        const events = legalRun(intents).events.map(rename);
        const projected = await bothModels(events);
        const orders = (await projected.projectionStore.listDocuments<OrderDoc>('orders')).map(({ doc }) => doc);
        expect(await summaryOf(projected)).toEqual(orderSummary(orders));
        const ranked = (list: ReturnType<typeof topCustomers>) => list.map(({ customerId, orderCount, totalSpent }) => ({ customerId, orderCount, totalSpent }));
        expect(ranked(await createReadModelQueries(projected.projectionStore).topCustomers(100))).toEqual(ranked(topCustomers(orders, 100)));

        const summaryBucket = await bucketOf<SummaryOrderEntry>(projected, summaryProjection.name, ids[0]!);
        const customerBucket = await bucketOf<CustomerOrderEntry>(projected, topCustomersProjection.name, ids[0]!);
        for (const orderId of ids) {
          const state = fold(orderDecider.evolve, events.filter((event) => event.data.orderId === orderId), orderDecider.initialState());
          if (state.status === 'none' || state.deleted) {
            expect(bucketEntry(summaryBucket, orderId)).toBeUndefined();
            expect(bucketEntry(customerBucket, orderId)).toBeUndefined();
            continue;
          }
          expect(bucketEntry(summaryBucket, orderId)).toEqual({ orderId, status: state.status, totalCents: toCents(state.total) });
          expect(bucketEntry(customerBucket, orderId)).toMatchObject({ counted: state.status !== 'cancelled', totalCents: toCents(state.total) });
        }
      }),
      { numRuns: 40 },
    );
  });
});
