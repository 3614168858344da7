import { describe, expect, it } from 'vitest';
import { summaryFromReadModel } from '../../../src/projections/queries/orderQueries';
import { summaryDocId, summaryProjection, type SummaryDoc } from '../../../src/projections/readModels/summary';
import { cancelled, laptop, placed } from '../support/orderHistory';
import { project } from '../support/project';
import { shopHistory } from '../support/shopHistory';

const summaryAfter = async (events: Parameters<typeof project>[1]) => {
  const { projectionStore } = await project([summaryProjection], events);
  return summaryFromReadModel(await projectionStore.getDocument<SummaryDoc>('orderSummary', summaryDocId));
};

describe('order summary read model', () => {
  it('counts orders and revenue by status, as worked out by hand for the shop', async () => {
    expect(await summaryAfter(shopHistory)).toEqual({
      totalOrders: 5,
      totalRevenue: 2131.97,
      averageOrderValue: 532.99,
      byStatus: {
        pending: { count: 1, revenue: 51 },
        confirmed: { count: 1, revenue: 51 },
        processing: { count: 0, revenue: 0 },
        shipped: { count: 1, revenue: 1000 },
        delivered: { count: 1, revenue: 1029.97 },
        cancelled: { count: 1, revenue: 29.97 },
      },
    });
  });

  it('reports zeros before any order, without dividing by zero', async () => {
    const summary = await summaryAfter([]);
    expect(summary.totalOrders).toBe(0);
    expect(summary.averageOrderValue).toBe(0);
  });

  it('takes a cancelled order out of the revenue but keeps it in the count', async () => {
    const summary = await summaryAfter([
      placed('1', [laptop], '2026-01-01T09:00:00.000Z'),
      cancelled('1', '2026-01-01T10:00:00.000Z', 'pending'),
    ]);
    expect(summary).toMatchObject({ totalOrders: 1, totalRevenue: 0, averageOrderValue: 0 });
    expect(summary.byStatus.cancelled).toEqual({ count: 1, revenue: 1000 });
  });
});
