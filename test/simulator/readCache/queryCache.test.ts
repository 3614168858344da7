import { afterEach, describe, expect, it } from 'vitest';
import { type WorkbookSimulator } from '../../../src/simulator/simulator';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';

const open: WorkbookSimulator[] = [];
afterEach(() => {
  for (const simulator of open.splice(0)) simulator.close();
});

async function shop(): Promise<WorkbookSimulator> {
  const simulator = await createMemorySimulator();
  open.push(simulator);
  return simulator;
}

const place = (simulator: WorkbookSimulator, orderId: string, customerEmail = 'ada@example.com') =>
  simulator.execute('PlaceOrder', { orderId, customerId: customerEmail, customerEmail, items: [{ product: 'Laptop', quantity: 1, unitPrice: 999.99 }] });

describe('read-side cache of query results, invalidated by the projections’ checkpoints', () => {
  it('answers a query asked again from the cache, without reading the read model, while its checkpoint stays', async () => {
    const simulator = await shop();
    await place(simulator, 'o-1');
    await simulator.projector.whenCaughtUp();

    const first = await simulator.queries.listOrders({ status: 'pending' });
    let scans = 0;
    const list = simulator.projectionStore.listDocuments.bind(simulator.projectionStore);
    Object.assign(simulator.projectionStore, { listDocuments: (...args: Parameters<typeof list>) => (scans++, list(...args)) });
    const again = await simulator.queries.listOrders({ status: 'pending' });

    expect(again).toBe(first);
    expect(scans).toBe(0);
    expect(simulator.readCache.stats()).toMatchObject({ hits: 1, misses: 1, hitRatio: 0.5, entries: 1 });
  });

  it('an event applied to the read model moves its checkpoint, so the next answer is computed again and is new', async () => {
    const simulator = await shop();
    await place(simulator, 'o-1');
    await simulator.projector.whenCaughtUp();
    expect((await simulator.queries.listOrders()).total).toBe(1);

    await place(simulator, 'o-2');
    // Not applied yet: the read model and its checkpoint are where they were, and so is the cached answer.
    simulator.projector.pause('orders');
    expect((await simulator.queries.listOrders()).total).toBe(1);
    simulator.projector.resume('orders');
    await simulator.projector.whenCaughtUp();
    expect((await simulator.queries.listOrders()).total).toBe(2);
    expect(simulator.readCache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it('any move of the checkpoint invalidates, even past an event the projection ignores: never stale, at worst recomputed', async () => {
    const simulator = await shop();
    await place(simulator, 'o-1');
    await simulator.projector.whenCaughtUp();
    await simulator.queries.topCustomers();
    await simulator.execute('CreateUser', { userId: 'u-1', firstName: 'Ada', lastName: 'L', email: 'ada@example.com' });
    await simulator.projector.whenCaughtUp();
    // topCustomers' checkpoint moved past the UserCreated event too (a projection's checkpoint follows the whole log).
    await simulator.queries.topCustomers();
    await simulator.queries.topCustomers();
    expect(simulator.readCache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it('a rebuild over a replaced log that ends at the same position is not mistaken for the old read model', async () => {
    const simulator = await shop();
    await place(simulator, 'o-1', 'ada@example.com');
    await simulator.projector.whenCaughtUp();
    expect((await simulator.queries.ordersByCustomerEmail('ada@example.com')).length).toBe(1);

    // An import of another log with as many events: same position, other events.
    const other = await shop();
    await place(other, 'o-9', 'grace@example.com');
    await simulator.replaceAll(await other.store.readAll({ after: 0, limit: 10 }));
    expect(await simulator.queries.ordersByCustomerEmail('ada@example.com')).toEqual([]);
  });

  it('a rebuild that ends at the checkpoint it began from is a new read model: the next answer is computed again', async () => {
    const simulator = await shop();
    await place(simulator, 'o-1');
    await place(simulator, 'o-2');
    await simulator.projector.whenCaughtUp();
    // A read model that differs from what its log gives: o-2 was skipped (what Skip leaves behind), written here
    // directly under the same checkpoint.
    const checkpoint = (await simulator.projectionStore.readCheckpoint('orders'))!;
    await simulator.projectionStore.commit('orders', [{ kind: 'delete', id: 'o-2' }], checkpoint, { expectedPosition: checkpoint.position });
    simulator.readCache.clear();
    expect((await simulator.queries.listOrders()).total).toBe(1);
    expect((await simulator.queries.listOrders()).total).toBe(1);

    await simulator.projector.rebuild('orders');
    expect((await simulator.projectionStore.readCheckpoint('orders'))?.position).toBe(checkpoint.position);
    expect((await simulator.queries.listOrders()).total).toBe(2);
    expect(simulator.readCache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it('answers are frozen: a caller cannot change what the next caller gets', async () => {
    const simulator = await shop();
    await place(simulator, 'o-1');
    await simulator.projector.whenCaughtUp();
    const orders = await simulator.queries.ordersByStatus('pending');
    expect(() => (orders as unknown[]).push('x')).toThrow(TypeError);
  });

  it('lookups by id pass through (one read, as cheap as checking the checkpoint)', async () => {
    const simulator = await shop();
    await place(simulator, 'o-1');
    await simulator.projector.whenCaughtUp();
    expect(await simulator.queries.orderById('o-1')).toMatchObject({ orderId: 'o-1' });
    expect(simulator.readCache.stats()).toMatchObject({ hits: 0, misses: 0, hitRatio: null });
  });
});
