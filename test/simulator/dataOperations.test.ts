import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../../src/eventStore/errors';
import type { RecordedEvent } from '../../src/eventStore/types';
import { createBrowserSimulator, type WorkbookSimulator } from '../../src/simulator/simulator';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import { planSeed } from '../../src/simulator/seedData';
import { exportEvents, importEvents } from '../../src/simulator/dataTransfer';
import type { SubjectKeyStore } from '../../src/privacy/keyStore';

/**
 * Seeding, export → import, and reset on both simulators the app has: memory (sandboxes) and Dexie (the app, here
 * on fake-indexeddb). After each operation the three sides must agree: the log, the CRUD twin, the read models.
 */

const opened: WorkbookSimulator[] = [];
afterEach(() => {
  for (const simulator of opened.splice(0)) simulator.close();
});

let databases = 0;
/** `keys`: another store's key table, as two stores of one browser share theirs (see test/privacy/). */
const implementations: [string, (keys?: SubjectKeyStore) => Promise<WorkbookSimulator>][] = [
  ['memory', (keys) => createMemorySimulator(keys ? { keys } : {})],
  ['Dexie on fake-indexeddb', (keys) => createBrowserSimulator({ dbName: `data-ops-${++databases}-${Date.now()}`, ...(keys ? { keys } : {}) })],
];

async function open(create: () => Promise<WorkbookSimulator>): Promise<WorkbookSimulator> {
  const simulator = await create();
  opened.push(simulator);
  return simulator;
}

async function allEvents(simulator: WorkbookSimulator): Promise<RecordedEvent[]> {
  return simulator.store.readAll({ limit: 1_000_000 });
}

/** What a person could compare between two stores: log, twin rows and losses, read models. */
async function visibleState(simulator: WorkbookSimulator) {
  await simulator.projector.whenCaughtUp();
  const losses = await simulator.crud.allLosses();
  return {
    events: await allEvents(simulator),
    crud: await simulator.crud.list(),
    losses: losses.map(({ id: _id, ...loss }) => loss),
    users: await simulator.crudUsers.list(),
    orders: await simulator.queries.listOrders({}),
    summary: await simulator.queries.summary(),
  };
}

describe.each(implementations)('data operations: %s', (_name, create) => {
  it('seeds a generated history: every event recorded, the CRUD twin and the read models agree with it', async () => {
    const simulator = await open(create);
    const plan = planSeed({ seed: 11, orders: 120 });
    const progress: number[] = [];
    const result = await simulator.appendGenerated(plan.steps, { batchEvents: 100, onProgress: (p) => progress.push(p.done) });

    expect(result).toEqual({ written: plan.events, cancelled: false });
    expect(progress.at(-1)).toBe(plan.events);
    expect(progress.length).toBeGreaterThan(3);
    expect(await simulator.store.headPosition()).toBe(plan.events);

    const rows = await simulator.crud.list();
    expect(rows.length).toBe(120 - plan.outcomes.deleted);
    for (const status of ['pending', 'delivered', 'cancelled'] as const)
      expect(rows.filter((row) => row.status === status).length).toBe(plan.outcomes[status]);

    await simulator.projector.whenCaughtUp();
    expect((await simulator.queries.summary()).totalOrders).toBe(120 - plan.outcomes.deleted);
    expect((await simulator.queries.ordersByStatus('shipped')).length).toBe(plan.outcomes.shipped);
  });

  it('refuses to seed the same orders twice and writes nothing of the refused batch', async () => {
    const simulator = await open(create);
    const plan = planSeed({ seed: 5, orders: 10 });
    await simulator.appendGenerated(plan.steps);
    await expect(simulator.appendGenerated(plan.steps)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await simulator.store.headPosition()).toBe(plan.events);
  });

  it('stops between batches when cancelled, keeping whole steps only', async () => {
    const simulator = await open(create);
    const plan = planSeed({ seed: 9, orders: 100 });
    const controller = new AbortController();
    const result = await simulator.appendGenerated(plan.steps, {
      batchEvents: 50,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done > 0) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.written).toBeGreaterThan(0);
    expect(result.written).toBeLessThan(plan.events);
    expect(await simulator.store.headPosition()).toBe(result.written);
  });

  it('export → import into an empty store gives the same log, twin and read models', async () => {
    const source = await open(create);
    await source.appendGenerated(planSeed({ seed: 21, orders: 80 }).steps);
    await source.execute('CreateUser', { userId: 'u-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    await source.execute('UpdateUserEmail', { userId: 'u-1', newEmail: 'ada@lovelace.example' });
    const { lines, events } = await exportEvents(source);
    expect(lines.length).toBe(events + 1);

    // The user's names and emails are exported encrypted: the target reads them with the source's keys.
    const target = await open(() => create(source.keys));
    await target.execute('PlaceOrder', {
      orderId: 'will-be-replaced',
      customerId: 'c',
      items: [{ product: 'Pen', quantity: 1, unitPrice: 2 }],
    });
    const phases = new Set<string>();
    const result = await importEvents(target, lines.join(''), (progress) => phases.add(progress.phase));

    expect(result.ok).toBe(true);
    expect([...phases]).toEqual(['writing', 'projecting']);
    expect(await visibleState(target)).toEqual(await visibleState(source));
    expect(await target.crud.get('will-be-replaced')).toBeUndefined();
  });

  it('a refused import writes nothing', async () => {
    const simulator = await open(create);
    await simulator.appendGenerated(planSeed({ seed: 2, orders: 15 }).steps);
    const before = await visibleState(simulator);
    const { lines } = await exportEvents(simulator);
    lines[5] = '{"not": "an event"}\n';

    const result = await importEvents(simulator, lines.join(''));
    expect(result).toMatchObject({ ok: false, line: 6 });
    expect(await visibleState(simulator)).toEqual(before);
  });

  it('imports an old export whose OrderPlaced events are schema version 1 (seed 000)', async () => {
    const simulator = await open(create);
    const recordedAt = '2024-05-01T10:00:00.000Z';
    const meta = (commandId: string) => ({ commandId, correlationId: commandId, causationId: commandId, recordedAt });
    const lines = [
      { format: 'event-workbook-events', version: 1, events: 2, streams: 1, exportedAt: recordedAt },
      {
        eventId: 'c1:0', globalPosition: 1, streamId: 'order-42', streamPosition: 1, type: 'OrderPlaced', schemaVersion: 1,
        data: { orderId: '42', customerId: 123, product: 'Laptop', quantity: 2, placedAt: recordedAt },
        metadata: meta('c1'),
      },
      {
        eventId: 'c2:0', globalPosition: 2, streamId: 'order-42', streamPosition: 2, type: 'OrderConfirmed', schemaVersion: 1,
        data: { orderId: '42', confirmedAt: '2024-05-01T11:00:00.000Z' },
        metadata: meta('c2'),
      },
    ].map((line) => JSON.stringify(line));

    expect(await importEvents(simulator, lines.join('\n'))).toMatchObject({ ok: true });
    const [placed] = await simulator.store.readStream('order-42');
    expect(placed).toMatchObject({ schemaVersion: 2, data: { items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }] } });
    expect(await simulator.crud.get('42')).toMatchObject({ product: 'Laptop', quantity: 2, status: 'confirmed' });
    await simulator.projector.whenCaughtUp();
    expect(await simulator.queries.orderById('42')).toMatchObject({ status: 'confirmed', customerId: '123' });
  });

  it('reset empties events, snapshots, read models, checkpoints and the CRUD twin', async () => {
    const simulator = await open(create);
    await simulator.execute('PlaceOrder', { orderId: 'o-1', customerId: 'c-1', items: [{ product: 'Pen', quantity: 1, unitPrice: 2 }] });
    await simulator.execute('CreateUser', { userId: 'u-1', firstName: 'Ada', lastName: 'L', email: 'ada@example.com' });
    await simulator.store.saveSnapshot({ streamId: 'order-o-1', streamPosition: 1, stateVersion: 1, state: {}, takenAt: 'now' });
    await simulator.projector.whenCaughtUp();

    await simulator.reset();

    expect(await simulator.store.headPosition()).toBe(0);
    expect(await simulator.store.loadSnapshot('order-o-1')).toBeUndefined();
    expect(await simulator.crud.list()).toEqual([]);
    expect(await simulator.crudUsers.list()).toEqual([]);
    expect((await simulator.queries.summary()).totalOrders).toBe(0);
    expect(await simulator.queries.listUsers()).toEqual([]);
    const status = simulator.projector.getStatus();
    expect(status.headPosition).toBe(0);
    expect(status.projections.every((projection) => projection.checkpoint === 0 && projection.lag === 0)).toBe(true);

    // The store works as before after a reset: positions start at 1 again.
    const outcome = await simulator.execute('PlaceOrder', { orderId: 'o-2', customerId: 'c-1', items: [{ product: 'Pen', quantity: 1, unitPrice: 2 }] });
    expect(outcome).toMatchObject({ ok: true, events: [{ globalPosition: 1 }] });
    await simulator.projector.whenCaughtUp();
    expect((await simulator.queries.summary()).totalOrders).toBe(1);
  });
});
