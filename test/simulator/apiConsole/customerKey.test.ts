import { describe, expect, it } from 'vitest';
import { customerKey } from '../../../src/domain/order/customerKey';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import { createMemoryProjectionStore } from '../../../src/projections/memoryProjectionStore';
import { topCustomersProjection } from '../../../src/projections/readModels/topCustomers';
import { createSimulator, workbookUpcasting } from '../../../src/simulator/simulator';
import { openConsole } from './consoleFixture';

/** One person, typed two ways: seed 002 keys customers by email, so without a customerId the email is the key. */
const place = (email: string, price: number) =>
  `POST /api/v1/orders/order {"customerEmail": "${email}", "items": [{"productId": "Laptop", "quantity": 1, "price": ${price}}]}`;

describe('one customer key for every read model and query', () => {
  it('customerKey lowercases what looks like an email and leaves other ids as they are', () => {
    expect(customerKey(' Ada@Example.COM ')).toBe('ada@example.com');
    expect(customerKey('550E8400-e29b')).toBe('550E8400-e29b');
  });

  it('top customers and the customer query agree: Ada@Example.com and ada@example.com are one customer (were two)', async () => {
    const api = await openConsole();
    await api.send(place('Ada@Example.com', 100));
    await api.send(place('ada@example.com', 50));
    await api.send(place('grace@example.com', 120));
    await api.settle();

    const top = await api.send('GET /api/v1/orders/top-customers');
    expect((top.body as { data: unknown[] }).data).toEqual([
      { customerId: 'ada@example.com', customerEmail: 'ada@example.com', orderCount: 2, totalSpent: 150 },
      { customerId: 'grace@example.com', customerEmail: 'grace@example.com', orderCount: 1, totalSpent: 120 },
    ]);
    expect((await api.send('GET /api/v1/orders/customer/ADA@example.com')).body).toMatchObject({ count: 2 });
    expect((await api.send('GET /api/v1/orders?customerId=ADA@EXAMPLE.COM')).body).toMatchObject({ pagination: { total: 2 } });
    expect((await api.send('GET /api/v1/orders?customerEmail=Ada@example.com')).body).toMatchObject({ pagination: { total: 2 } });

    // Cancelling one order takes it out of the one customer's spend, whichever spelling placed it.
    await api.send('PUT /api/v1/orders/order/o-1/cancel {"reason": "duplicate"}', { readYourWrites: true });
    expect(((await api.send('GET /api/v1/orders/top-customers')).body as { data: unknown[] }).data[0]).toEqual({
      customerId: 'grace@example.com',
      customerEmail: 'grace@example.com',
      orderCount: 1,
      totalSpent: 120,
    });
  });

  it('a top-customers read model stored by version 2 (two documents for one person) is rebuilt once, into one', async () => {
    const first = await openConsole();
    await first.send(place('Ada@Example.com', 100));
    await first.send(place('ada@example.com', 50));
    await first.settle();
    const events = await first.simulator.store.readAll({ after: 0, limit: 100 });

    // The log as it is, and the read model as version 2 left it: keyed by the email as typed.
    const store = createMemoryEventStore({ upcasting: workbookUpcasting });
    for (const { eventId, type, schemaVersion, data, streamId } of events) {
      await store.appendToStream(streamId, [{ eventId, type, schemaVersion, data }], { expectedVersion: 0 });
    }
    const projectionStore = createMemoryProjectionStore();
    const spend = (customerId: string, totalSpentCents: number) => ({
      kind: 'put' as const,
      id: `customer:${customerId}`,
      doc: { kind: 'customer', customerId, customerEmail: customerId, orderCount: 1, totalSpentCents },
    });
    await projectionStore.commit('topCustomers', [spend('Ada@Example.com', 10000), spend('ada@example.com', 5000)], {
      projection: 'topCustomers',
      position: 2,
      projectionVersion: 2,
      fault: null,
    });

    const simulator = await createSimulator({ store, projectionStore });
    try {
      await simulator.projector.whenCaughtUp();
      expect(await simulator.queries.topCustomers()).toEqual([
        { customerId: 'ada@example.com', customerEmail: 'ada@example.com', orderCount: 2, totalSpent: 150 },
      ]);
      expect(await projectionStore.readCheckpoint('topCustomers')).toMatchObject({ position: 2, projectionVersion: topCustomersProjection.version });
    } finally {
      simulator.close();
    }
  });
});
