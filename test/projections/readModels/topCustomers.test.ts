import { describe, expect, it } from 'vitest';
import { topCustomersFromReadModel } from '../../../src/projections/queries/orderQueries';
import {
  customersDocId,
  topCustomersProjection,
  type CustomerSpendsDoc,
} from '../../../src/projections/readModels/topCustomers';
import { project } from '../support/project';
import { shopHistory } from '../support/shopHistory';

describe('top customers read model', () => {
  it('ranks customers by what they spent on orders not cancelled, as worked out by hand', async () => {
    const { projectionStore } = await project([topCustomersProjection], shopHistory);
    const doc = await projectionStore.getDocument<CustomerSpendsDoc>('topCustomers', customersDocId);
    expect(topCustomersFromReadModel(doc)).toEqual([
      { customerId: 'c3', customerEmail: 'cy@example.com', orderCount: 1, totalSpent: 1029.97 },
      { customerId: 'c1', customerEmail: 'ada@example.com', orderCount: 1, totalSpent: 1000 },
      { customerId: 'c2', customerEmail: 'Bob@Example.com', orderCount: 2, totalSpent: 102 },
    ]);
    expect(topCustomersFromReadModel(doc, 2).map((customer) => customer.customerId)).toEqual(['c3', 'c1']);
  });

  it('only loads documents for the events that change spending', () => {
    expect(topCustomersProjection.handles).toEqual(['OrderPlaced', 'OrderCancelled', 'OrderDeleted']);
  });
});
