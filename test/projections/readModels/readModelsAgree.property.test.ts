import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderDecider } from '../../../src/domain/order/decider';
import { fold } from '../../../src/domain/core/decider';
import { workbookProjections } from '../../../src/projections/allProjections';
import { orderSummary, summaryFromReadModel, topCustomers } from '../../../src/projections/queries/orderQueries';
import { createReadModelQueries } from '../../../src/projections/queries/readModelQueries';
import type { OrderDoc } from '../../../src/projections/readModels/orders';
import { summaryDocId, type SummaryDoc } from '../../../src/projections/readModels/summary';
import { intentsArb, legalRun } from '../../crud/support/orderCommands';
import { project } from '../support/project';

describe('incremental read models against the orders read model', () => {
  it('summary and top customers maintained event by event equal the ones computed from all orders', async () => {
    await fc.assert(
      fc.asyncProperty(intentsArb, async (intents) => {
        const { events } = legalRun(intents);
        const { projectionStore } = await project(workbookProjections, events);
        const orders = (await projectionStore.listDocuments<OrderDoc>('orders')).map(({ doc }) => doc);

        const summaryDoc = await projectionStore.getDocument<SummaryDoc>('orderSummary', summaryDocId);
        expect(summaryFromReadModel(summaryDoc)).toEqual(orderSummary(orders));

        // The email shown may come from different orders of one customer; the ranking and sums may not differ.
        const withoutEmail = (list: ReturnType<typeof topCustomers>) =>
          list.map(({ customerId, orderCount, totalSpent }) => ({ customerId, orderCount, totalSpent }));
        const fromReadModel = await createReadModelQueries(projectionStore).topCustomers(100);
        expect(withoutEmail(fromReadModel)).toEqual(withoutEmail(topCustomers(orders, 100)));
      }),
      { numRuns: 60 },
    );
  });

  it('the orders read model holds, for every order not deleted, the state its own history folds to', async () => {
    await fc.assert(
      fc.asyncProperty(intentsArb, async (intents) => {
        const { events } = legalRun(intents);
        const { projectionStore } = await project(workbookProjections, events);
        const ids = new Set(events.map((event) => event.data.orderId));
        for (const orderId of ids) {
          const state = fold(
            orderDecider.evolve,
            events.filter((event) => event.data.orderId === orderId),
            orderDecider.initialState(),
          );
          const doc = await projectionStore.getDocument<OrderDoc>('orders', orderId);
          if (state.status === 'none' || state.deleted) expect(doc).toBeUndefined();
          else expect(doc).toMatchObject({ status: state.status, total: state.total, items: state.items, updatedAt: state.updatedAt });
        }
      }),
      { numRuns: 60 },
    );
  });
});
