import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserSimulator, type WorkbookSimulator } from '../../src/simulator/simulator';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import { findTypedOrder, loadOrder, submitChange, submitChangeOverHttp } from '../../src/simulator/conflictDemo';

/** Two clients load the same order version; the first append wins, the second meets optimistic concurrency. */

const opened: WorkbookSimulator[] = [];
afterEach(() => {
  for (const simulator of opened.splice(0)) simulator.close();
});
let databases = 0;
const implementations: [string, () => Promise<WorkbookSimulator>][] = [
  ['memory', () => createMemorySimulator()],
  ['Dexie on fake-indexeddb', () => createBrowserSimulator({ dbName: `conflict-demo-${++databases}-${Date.now()}` })],
];

async function withOrder(create: () => Promise<WorkbookSimulator>) {
  const simulator = await create();
  opened.push(simulator);
  await simulator.execute('PlaceOrder', { orderId: 'o-7', customerId: 'c-1', items: [{ product: 'Lamp', quantity: 1, unitPrice: 30 }] });
  return simulator;
}

describe.each(implementations)('concurrency demo: %s', (_name, create) => {
  it('the second client to append gets "expected version 1, but the stream is at version 2"; its retry is accepted', async () => {
    const simulator = await withOrder(create);
    const clientA = await loadOrder(simulator.store, 'o-7');
    const clientB = await loadOrder(simulator.store, 'o-7');
    expect([clientA.version, clientB.version]).toEqual([1, 1]);

    expect(await submitChange(simulator, clientA, 'confirm', 'Client A')).toMatchObject({ kind: 'accepted', version: 2 });
    expect(await submitChange(simulator, clientB, 'cancel', 'Client B')).toEqual({
      kind: 'conflict',
      expected: 1,
      actual: 2,
      message: 'expected version 1, but the stream is at version 2',
    });
    expect(await simulator.store.streamVersion('order-o-7')).toBe(2);

    const reloaded = await loadOrder(simulator.store, 'o-7');
    expect(reloaded).toMatchObject({ version: 2, state: { status: 'confirmed' } });
    const retried = await submitChange(simulator, reloaded, 'cancel', 'Client B');
    expect(retried).toMatchObject({ kind: 'accepted', version: 3, events: [{ type: 'OrderCancelled', data: { previousStatus: 'confirmed' } }] });
    expect((await simulator.crud.get('o-7'))?.status).toBe('cancelled');
  });

  it('a retry the domain refuses on the new state says why, and writes nothing', async () => {
    const simulator = await withOrder(create);
    const clientA = await loadOrder(simulator.store, 'o-7');
    const clientB = await loadOrder(simulator.store, 'o-7');
    await submitChange(simulator, clientA, 'cancel', 'Client A');
    expect(await submitChange(simulator, clientB, 'confirm', 'Client B')).toMatchObject({ kind: 'conflict' });

    const retried = await submitChange(simulator, await loadOrder(simulator.store, 'o-7'), 'confirm', 'Client B');
    expect(retried).toEqual({ kind: 'refused', message: expect.stringMatching(/Cannot confirm order o-7: it is "cancelled", which is final/) });
    expect(await simulator.store.streamVersion('order-o-7')).toBe(2);
    expect((await simulator.crud.get('o-7'))?.status).toBe('cancelled');
  });

  it('finds a typed order by its id or by its stream as the event log shows it, and refuses an id with no events', async () => {
    const simulator = await withOrder(create);
    expect(await findTypedOrder(simulator.store, ' o-7 ')).toEqual({ kind: 'found', orderId: 'o-7' });
    expect(await findTypedOrder(simulator.store, 'order-o-7')).toEqual({ kind: 'found', orderId: 'o-7' });
    expect(await findTypedOrder(simulator.store, 'o-8')).toEqual({ kind: 'missing', message: expect.stringMatching(/^No order "o-8" is in the store/) });
    expect(await findTypedOrder(simulator.store, '<img src=x onerror=alert(1)>')).toMatchObject({ kind: 'missing' });
    expect(await findTypedOrder(simulator.store, '')).toEqual({ kind: 'missing', message: expect.stringMatching(/Type an order id/) });
  });
});

describe('concurrency demo over HTTP: the clients’ sends are conditional requests to the API console', () => {
  it('A’s If-Match "1" is accepted (200, ETag "2"); B’s If-Match "1" is refused with 412, writing nothing; B’s retry on "2" is accepted', async () => {
    const simulator = await withOrder(() => createMemorySimulator());
    const clientA = await loadOrder(simulator.store, 'o-7');
    const clientB = await loadOrder(simulator.store, 'o-7');

    const first = await submitChangeOverHttp(simulator, clientA, 'confirm', 'Client A');
    expect(first.exchange.request).toBe('PUT /api/v1/orders/order/o-7/status\nIf-Match: "1"\nContent-Type: application/json\n\n{"status":"confirmed"}');
    expect(first.exchange.response).toMatchObject({ status: 200, headers: { ETag: '"2"' } });
    expect(first.outcome).toMatchObject({ kind: 'accepted', version: 2 });
    expect(first.outcome.kind === 'accepted' && first.outcome.events.map((event) => event.type)).toEqual(['OrderConfirmed']);

    const second = await submitChangeOverHttp(simulator, clientB, 'cancel', 'Client B');
    expect(second.exchange.request).toMatch(/^PUT \/api\/v1\/orders\/order\/o-7\/cancel\nIf-Match: "1"\n/);
    expect(second.exchange.response).toMatchObject({
      status: 412,
      statusText: 'Precondition Failed',
      headers: { ETag: '"2"' },
      body: { message: expect.stringMatching(/^If-Match "1" no longer matches: the order is at version 2\./) },
    });
    expect(second.outcome).toEqual({ kind: 'conflict', expected: 1, actual: 2, message: 'expected version 1, but the stream is at version 2' });
    expect(await simulator.store.streamVersion('order-o-7')).toBe(2);

    const retried = await submitChangeOverHttp(simulator, await loadOrder(simulator.store, 'o-7'), 'cancel', 'Client B');
    expect(retried.exchange.response).toMatchObject({ status: 200, headers: { ETag: '"3"' } });
    expect(retried.outcome).toMatchObject({ kind: 'accepted', version: 3 });
  });

  it('a change the domain refuses on the current version is the domain’s 409, not a version refusal', async () => {
    const simulator = await withOrder(() => createMemorySimulator());
    await submitChangeOverHttp(simulator, await loadOrder(simulator.store, 'o-7'), 'cancel', 'Client A');
    const refused = await submitChangeOverHttp(simulator, await loadOrder(simulator.store, 'o-7'), 'confirm', 'Client B');
    expect(refused.exchange.response.status).toBe(409);
    expect(refused.outcome).toMatchObject({ kind: 'refused', message: expect.stringContaining('cancelled') });
  });
});
