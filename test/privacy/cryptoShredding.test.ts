import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../src/eventStore/types';
import { createBrowserSimulator, type WorkbookSimulator } from '../../src/simulator/simulator';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import { exportEvents, importEvents } from '../../src/simulator/dataTransfer';
import { readModelsAt } from '../../src/simulator/history/readModelsAt';
import { handleApiRequest } from '../../src/simulator/apiConsole/handleApiRequest';
import { forgottenMarker } from '../../src/privacy/personalData';
import { envelopePrefix } from '../../src/privacy/cipher';
import { planSeed } from '../../src/simulator/seedData';

/**
 * Crypto-shredding on both simulators the app has (memory, and Dexie on fake-indexeddb with its key table): personal
 * fields are stored encrypted with their person's key; forgetting deletes the key, and every reader (read models,
 * the log as screens read it, time travel, the API console, an import elsewhere) shows the fields as forgotten while
 * the stored events stay byte for byte what they were and the non-personal facts still add up.
 */

const opened: WorkbookSimulator[] = [];
afterEach(() => {
  for (const simulator of opened.splice(0)) simulator.close();
});

let databases = 0;
const implementations: [string, () => Promise<WorkbookSimulator>][] = [
  ['memory', () => createMemorySimulator()],
  ['Dexie on fake-indexeddb', () => createBrowserSimulator({ dbName: `shredding-${++databases}-${Date.now()}` })],
];

async function open(create: () => Promise<WorkbookSimulator>): Promise<WorkbookSimulator> {
  const simulator = await create();
  opened.push(simulator);
  return simulator;
}

const ada = { customerId: 'cust-ada', customerEmail: 'ada@example.com' };
const bob = { customerId: 'cust-bob', customerEmail: 'bob@example.com' };

/** Two orders for Ada (one shipped), one for Bob: a log where forgetting one customer must leave the other alone. */
async function placeOrders(simulator: WorkbookSimulator): Promise<void> {
  const commands: [Parameters<WorkbookSimulator['execute']>[0], unknown][] = [
    ['PlaceOrder', { orderId: 'o-1', ...ada, items: [{ product: 'Laptop', quantity: 1, unitPrice: 1200 }] }],
    ['PlaceOrder', { orderId: 'o-2', ...ada, items: [{ product: 'Mouse', quantity: 2, unitPrice: 25.5 }] }],
    ['PlaceOrder', { orderId: 'o-3', ...bob, items: [{ product: 'Desk', quantity: 1, unitPrice: 300 }] }],
    ['ConfirmOrder', { orderId: 'o-1' }],
    ['StartProcessing', { orderId: 'o-1' }],
    ['ShipOrder', { orderId: 'o-1', trackingNumber: null }],
  ];
  for (const [name, input] of commands) expect(await simulator.execute(name, input)).toMatchObject({ ok: true });
  await simulator.projector.whenCaughtUp();
}

const rawLog = async (simulator: WorkbookSimulator): Promise<RecordedEvent[]> => simulator.recordedStore.readAll({ limit: 1_000_000 });
const readLog = async (simulator: WorkbookSimulator): Promise<RecordedEvent[]> => simulator.store.readAll({ limit: 1_000_000 });
const emailOf = (event: RecordedEvent | undefined): unknown => (event?.data as { customerEmail?: unknown } | undefined)?.customerEmail;

/** The facts that are not personal: what must add up the same before and after forgetting. */
async function facts(simulator: WorkbookSimulator) {
  await simulator.projector.whenCaughtUp();
  const { orders } = await simulator.queries.listOrders({});
  return {
    summary: await simulator.queries.summary(),
    orders: orders.map(({ orderId, customerId, total, status, statusHistory, version }) => ({ orderId, customerId, total, status, statusHistory, version })),
    topCustomers: (await simulator.queries.topCustomers(10)).map(({ customerEmail: _email, ...spend }) => spend),
  };
}

describe.each(implementations)('crypto-shredding: %s', (_name, create) => {
  it('stores the customer email encrypted, and every reader above the store sees it in plain', async () => {
    const simulator = await open(create);
    await placeOrders(simulator);

    const stored = (await rawLog(simulator)).filter((event) => event.type === 'OrderPlaced');
    expect(stored).toHaveLength(3);
    for (const event of stored) expect(emailOf(event)).toMatch(new RegExp(`^${envelopePrefix}`));
    expect(JSON.stringify(await rawLog(simulator))).not.toContain('@example.com');

    expect(emailOf((await readLog(simulator))[0])).toBe('ada@example.com');
    expect((await simulator.queries.orderById('o-1'))?.customerEmail).toBe('ada@example.com');
    // handleCommand's one read for a command (the stream it folds) is decrypted too.
    const load = await simulator.store.loadForCommand?.({ commandId: 'unseen', streamId: stored[0]!.streamId });
    expect(load && emailOf(load.tail[0])).toBe('ada@example.com');
  });

  it('Forget customer: read models, the log, time travel and the API console show the marker; facts and stored bytes unchanged', async () => {
    const simulator = await open(create);
    await placeOrders(simulator);
    const bytesBefore = JSON.stringify(await rawLog(simulator));
    const factsBefore = await facts(simulator);

    const forgetting = await simulator.forgetCustomer('cust-ada');
    expect(forgetting.keysDeleted).toBe(1);

    // The log is byte for byte what it was: forgetting deleted a key, not an event.
    expect(JSON.stringify(await rawLog(simulator))).toBe(bytesBefore);
    expect(await facts(simulator)).toEqual(factsBefore);

    // Read models (rebuilt by the forgetting).
    expect((await simulator.queries.orderById('o-1'))?.customerEmail).toBe(forgottenMarker);
    expect((await simulator.queries.orderById('o-2'))?.customerEmail).toBe(forgottenMarker);
    expect((await simulator.queries.orderById('o-3'))?.customerEmail).toBe('bob@example.com');
    const spend = await simulator.queries.topCustomers(10);
    expect(spend.find((customer) => customer.customerId === 'cust-ada')).toMatchObject({ customerEmail: forgottenMarker, orderCount: 2 });
    expect(await simulator.queries.ordersByCustomerEmail('ada@example.com')).toEqual([]);

    // The log as the event log screen reads it, and time travel to just after Ada's first order.
    const log = await readLog(simulator);
    expect(log.filter((event) => event.type === 'OrderPlaced').map(emailOf)).toEqual([forgottenMarker, forgottenMarker, 'bob@example.com']);
    const past = await readModelsAt(log.slice(0, 1));
    expect(JSON.stringify(past)).toContain(forgottenMarker);
    expect(JSON.stringify(past)).not.toContain('ada@example.com');

    // The API console's answers.
    const answer = await handleApiRequest(simulator, 'GET /api/v1/orders/o-1');
    expect(JSON.stringify(answer.body)).toContain(forgottenMarker);
    expect(JSON.stringify(answer.body)).not.toContain('ada@example.com');
  });

  it('a rebuild after forgetting gives the same forgotten read models; commands and idempotent retries go on', async () => {
    const simulator = await open(create);
    await placeOrders(simulator);
    await simulator.forgetCustomer('cust-ada');
    const afterForget = await simulator.queries.listOrders({});

    await simulator.projector.rebuild('orders');
    await simulator.projector.rebuild('topCustomers');
    expect(await simulator.queries.listOrders({})).toEqual(afterForget);

    // The order's lifecycle goes on: its non-personal state is intact.
    expect(await simulator.execute('ConfirmOrder', { orderId: 'o-2' }, { commandId: 'confirm-o-2' })).toMatchObject({ ok: true });
    const head = await simulator.store.headPosition();
    // A retry of Ada's first order under its original command id is recognised: nothing new is written.
    const placed = (await readLog(simulator))[0]!;
    const retry = await simulator.execute(
      'PlaceOrder',
      { orderId: 'o-1', ...ada, items: [{ product: 'Laptop', quantity: 1, unitPrice: 1200 }] },
      { commandId: placed.metadata.commandId },
    );
    expect(retry).toMatchObject({ ok: true, idempotentReplay: true });
    expect(await simulator.store.headPosition()).toBe(head);
    await simulator.projector.whenCaughtUp();
    expect(await simulator.queries.orderById('o-2')).toMatchObject({ status: 'confirmed', customerEmail: forgottenMarker });
  });

  it('export writes ciphertext: imported where the keys exist it reads in plain, elsewhere as forgotten', async () => {
    const simulator = await open(create);
    await placeOrders(simulator);
    const { lines } = await exportEvents(simulator);
    const file = lines.join('');
    expect(file).not.toContain('@example.com');
    expect(file).toContain(envelopePrefix);

    // Another browser: no keys. The import is accepted and every personal field reads as forgotten.
    const elsewhere = await open(create);
    expect(await importEvents(elsewhere, file)).toMatchObject({ ok: true });
    expect((await elsewhere.queries.orderById('o-3'))?.customerEmail).toBe(forgottenMarker);
    // The CRUD twin rebuilt by the import reads what every reader reads, never the ciphertext.
    expect((await elsewhere.crud.get('o-3'))?.customerEmail).toBe(forgottenMarker);
    expect(await facts(elsewhere)).toEqual(await facts(simulator));

    // The same browser (its keys kept): plain again; after forgetting, the same file reads as forgotten.
    expect(await importEvents(simulator, file)).toMatchObject({ ok: true });
    expect((await simulator.queries.orderById('o-3'))?.customerEmail).toBe('bob@example.com');
    expect((await simulator.crud.get('o-3'))?.customerEmail).toBe('bob@example.com');
    await simulator.forgetCustomer('cust-bob');
    expect(await importEvents(simulator, file)).toMatchObject({ ok: true });
    expect((await simulator.queries.orderById('o-3'))?.customerEmail).toBe(forgottenMarker);
  });

  it('snapshots and users are shredded too', async () => {
    const simulator = await open(create);
    await placeOrders(simulator);
    expect(await simulator.execute('CreateUser', { userId: 'u-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })).toMatchObject({ ok: true });
    const stored = (await rawLog(simulator)).find((event) => event.type === 'UserCreated')!;
    expect(JSON.stringify(stored.data)).not.toMatch(/Ada|Lovelace|example/);
    await simulator.projector.whenCaughtUp();
    expect(await simulator.queries.userById('u-1')).toMatchObject({ firstName: 'Ada', email: 'ada@example.com' });

    await simulator.store.saveSnapshot({ streamId: 'order-o-1', streamPosition: 4, stateVersion: 1, state: { customerId: 'cust-ada', customerEmail: 'ada@example.com', total: 1200 }, takenAt: '2025-01-01T00:00:00.000Z' });
    expect(JSON.stringify(await simulator.recordedStore.loadSnapshot('order-o-1'))).not.toContain('ada@example.com');
    expect((await simulator.store.loadSnapshot('order-o-1'))?.state).toMatchObject({ customerEmail: 'ada@example.com', total: 1200 });
    await simulator.forgetCustomer('cust-ada');
    expect((await simulator.store.loadSnapshot('order-o-1'))?.state).toMatchObject({ customerEmail: forgottenMarker, total: 1200 });
  });
});

describe.each(implementations)('a generated history (the Data screen) is sealed too: %s', (_name, create) => {
  it('every seeded email is stored encrypted and reads in plain; forgetting one seeded customer reaches their orders', async () => {
    const simulator = await open(create);
    const plan = planSeed({ seed: 5, orders: 40 });
    await simulator.appendGenerated(plan.steps, { batchEvents: 30 });
    await simulator.projector.whenCaughtUp();

    const stored = (await rawLog(simulator)).filter((event) => event.type === 'OrderPlaced');
    expect(stored.length).toBeGreaterThan(0);
    for (const event of stored) expect(emailOf(event)).toMatch(new RegExp(`^${envelopePrefix}`));
    const placed = (await readLog(simulator)).filter((event) => event.type === 'OrderPlaced');
    const planned = plan.steps.flatMap((step) => step.events).filter((event) => event.type === 'OrderPlaced');
    expect(placed.map(emailOf)).toEqual(planned.map((event) => emailOf(event as unknown as RecordedEvent)));

    const { customerId } = placed[0]!.data as { customerId: string };
    const factsBefore = await facts(simulator);
    await simulator.forgetCustomer(customerId);
    expect(await facts(simulator)).toEqual(factsBefore);
    const { orders } = await simulator.queries.listOrders({ customerId, limit: 100 });
    expect(orders.map((order) => order.customerEmail).every((email) => email === forgottenMarker)).toBe(true);
  });
});
