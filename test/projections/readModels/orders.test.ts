import { describe, expect, it } from 'vitest';
import type { OrderDoc } from '../../../src/projections/readModels/orders';
import { ordersProjection } from '../../../src/projections/readModels/orders';
import {
  cable,
  cancelled,
  confirmed,
  deleted,
  delivered,
  laptop,
  mouse,
  placed,
  processing,
  shipped,
} from '../support/orderHistory';
import { project } from '../support/project';

describe('orders read model', () => {
  it('shows a placed order as pending with its items, total and first history entry', async () => {
    const { docs } = await project([ordersProjection], [placed('1001', [laptop, mouse], '2026-01-05T10:00:00.000Z')]);
    expect((await docs<OrderDoc>('orders')).get('1001')).toEqual({
      orderId: '1001',
      customerId: 'c1',
      customerEmail: 'ada@example.com',
      items: [laptop, mouse],
      total: 1051,
      status: 'pending',
      placedAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
      cancelReason: null,
      trackingNumber: null,
      statusHistory: [{ status: 'pending', at: '2026-01-05T10:00:00.000Z' }],
      version: 1,
    });
  });

  it('keeps every status the order went through, which a CRUD row overwrites', async () => {
    const { docs } = await project(
      [ordersProjection],
      [
        placed('1001', [laptop], '2026-01-05T10:00:00.000Z'),
        confirmed('1001', '2026-01-05T11:00:00.000Z'),
        processing('1001', '2026-01-05T12:00:00.000Z'),
        shipped('1001', '2026-01-06T09:00:00.000Z', 'TRACK-42'),
        delivered('1001', '2026-01-08T15:00:00.000Z'),
      ],
    );
    const order = (await docs<OrderDoc>('orders')).get('1001');
    expect(order?.status).toBe('delivered');
    expect(order?.trackingNumber).toBe('TRACK-42');
    expect(order?.updatedAt).toBe('2026-01-08T15:00:00.000Z');
    expect(order?.version).toBe(5);
    expect(order?.statusHistory.map((change) => change.status)).toEqual([
      'pending',
      'confirmed',
      'processing',
      'shipped',
      'delivered',
    ]);
  });

  it('records the reason of a cancellation', async () => {
    const { docs } = await project(
      [ordersProjection],
      [placed('1002', [cable], '2026-01-05T10:00:00.000Z'), cancelled('1002', '2026-01-05T10:30:00.000Z', 'pending', 'out of stock')],
    );
    const order = (await docs<OrderDoc>('orders')).get('1002');
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: 'out of stock' });
  });

  it('drops a deleted order and leaves the others', async () => {
    const { docs } = await project(
      [ordersProjection],
      [
        placed('1001', [laptop], '2026-01-05T10:00:00.000Z'),
        placed('1002', [cable], '2026-01-05T11:00:00.000Z'),
        deleted('1001', '2026-01-06T10:00:00.000Z', 'pending'),
      ],
    );
    expect([...(await docs<OrderDoc>('orders')).keys()]).toEqual(['1002']);
  });
});
