import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/core/errors';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import { StreamMigratedError } from '../../../src/eventStore/streamMigration';
import { handleCommand } from '../../../src/eventStore/handleCommand';
import type { EventStore, RecordedEvent } from '../../../src/eventStore/types';
import { orderDecider } from '../../../src/domain/order/decider';
import { workbookUpcasting } from '../../../src/simulator/simulator';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { exportEvents, importEvents } from '../../../src/simulator/dataTransfer';
import { MigrationRefusedError, migrateOrderStream, migratableOrderIds, migrationView } from '../../../src/simulator/versioning/copyAndTransform';

/**
 * Copy-and-transform on a memory store that keeps events as written (no upcaster on read), as the app's IndexedDB
 * does: seed 000's OrderPlaced v1 and the events after it are copied into order-v2-1001 at today's schema.
 */

const now = () => '2026-12-05T10:00:00.000Z';

async function storeWithV1Order(orderId = '1001'): Promise<EventStore> {
  const store = createMemoryEventStore({ now });
  await store.appendToStream(`order-${orderId}`, [
    { eventId: `${orderId}-placed`, type: 'OrderPlaced', schemaVersion: 1, data: { orderId, customerId: '123', product: 'Laptop', quantity: 2, placedAt: '2025-03-01T09:00:00.000Z' } },
    { eventId: `${orderId}-confirmed`, type: 'OrderConfirmed', data: { orderId, confirmedAt: '2025-03-01T10:00:00.000Z' } },
    { eventId: `${orderId}-shipped`, type: 'OrderShipped', data: { orderId, trackingNumber: 'TRK-1', shippedAt: '2025-03-02T15:00:00.000Z' } },
  ]);
  return store;
}

const stores = (store: EventStore) => ({ store, upcasting: workbookUpcasting, now });
const shape = (events: readonly RecordedEvent[]) => events.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data }));

describe('copy and transform an order stream', () => {
  it('copies each event at today\'s schema into order-v2-<id>, ends the old stream with a marker, and leaves its events as they were', async () => {
    const store = await storeWithV1Order();
    const before = await store.readStream('order-1001');

    const run = await migrateOrderStream(stores(store), '1001');

    expect(run).toMatchObject({ copiesWritten: 3, markerWritten: true });
    const copy = await store.readStream('order-v2-1001');
    expect(shape(copy)[0]).toEqual({
      type: 'OrderPlaced',
      schemaVersion: 2,
      data: { orderId: '1001', customerId: '123', customerEmail: null, items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }], total: 0, placedAt: '2025-03-01T09:00:00.000Z' },
    });
    expect(shape(copy).slice(1)).toEqual(shape(before).slice(1));
    // Each copy names the event it was copied from.
    expect(copy.map((event) => event.metadata.causationId)).toEqual(['1001-placed', '1001-confirmed', '1001-shipped']);

    const after = await store.readStream('order-1001');
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[3]).toMatchObject({ type: 'StreamMigrated', streamPosition: 4, data: { migratedTo: 'order-v2-1001', eventsCopied: 3 } });

    const [placed] = run.view.pairs;
    expect(placed!.changes).toEqual([
      { kind: 'changed', path: 'schemaVersion', before: 1, after: 2 },
      { kind: 'added', path: 'data.customerEmail', after: null },
      { kind: 'added', path: 'data.items', after: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }] },
      { kind: 'added', path: 'data.total', after: 0 },
      { kind: 'removed', path: 'data.product', before: 'Laptop' },
      { kind: 'removed', path: 'data.quantity', before: 2 },
    ]);
    expect(run.view.pairs.slice(1).map((pair) => pair.changes)).toEqual([[], []]);
    expect(run.view.marker?.type).toBe('StreamMigrated');
  });

  it('run twice writes nothing the second time: no duplicate copy, no second marker', async () => {
    const store = await storeWithV1Order();
    await migrateOrderStream(stores(store), '1001');
    const head = await store.headPosition();

    const again = await migrateOrderStream(stores(store), '1001');

    expect(again).toMatchObject({ copiesWritten: 0, markerWritten: false });
    expect(await store.headPosition()).toBe(head);
    expect(await store.streamVersion('order-v2-1001')).toBe(3);
    expect(await store.streamVersion('order-1001')).toBe(4);
  });

  it('refuses when order-v2-<id> already holds other events, and writes nothing', async () => {
    const store = await storeWithV1Order();
    await store.appendToStream('order-v2-1001', [{ eventId: 'someone-else', type: 'OrderConfirmed', data: { orderId: '1001', confirmedAt: '2025-01-01T00:00:00.000Z' } }]);
    const head = await store.headPosition();

    const refusal = migrateOrderStream(stores(store), '1001');

    await expect(refusal).rejects.toThrow(MigrationRefusedError);
    await expect(refusal).rejects.toThrow(/order-v2-1001 already exists and holds other events: its event 1 \(OrderConfirmed, id someone-else\) is not the copy of event 1 of order-1001\. Nothing was written/);
    expect(await store.headPosition()).toBe(head);
    expect(await store.streamVersion('order-1001')).toBe(3);
  });

  it('stops when the old stream grows during the copy, without ending it; running again copies the rest and ends it', async () => {
    const store = await storeWithV1Order();
    // The read happens, then a writer appends before the marker: the marker's expected version is now stale.
    const staleRead = async (streamId: string) => {
      const read = await store.readStream(streamId);
      await store.appendToStream('order-1001', [{ eventId: '1001-delivered', type: 'OrderDelivered', data: { orderId: '1001', deliveredAt: '2025-03-03T09:00:00.000Z' } }], { expectedVersion: 3 });
      return read;
    };

    await expect(migrateOrderStream({ ...stores(store), readAsStored: staleRead }, '1001')).rejects.toThrow(
      /order-1001 changed while it was being copied \(.*expected version 3.*\): order-v2-1001 holds its first 3 events, and order-1001 was not ended\. Run the migration again/,
    );
    expect(await store.streamVersion('order-v2-1001')).toBe(3);
    expect((await store.readStream('order-1001')).at(-1)?.type).toBe('OrderDelivered');

    const rerun = await migrateOrderStream(stores(store), '1001');
    expect(rerun).toMatchObject({ copiesWritten: 1, markerWritten: true });
    expect((await store.readStream('order-v2-1001')).map((event) => event.type)).toEqual(['OrderPlaced', 'OrderConfirmed', 'OrderShipped', 'OrderDelivered']);
  });

  it('refuses an order that is not in the store, and a copy as the stream to migrate', async () => {
    const store = await storeWithV1Order();
    await expect(migrateOrderStream(stores(store), 'nope')).rejects.toThrow('There is no stream order-nope: pick an order that is in the store. Nothing was written.');
    await migrateOrderStream(stores(store), '1001');
    await expect(migrateOrderStream(stores(store), 'v2-1001')).rejects.toThrow('order-v2-1001 is itself a migration\'s copy');
    expect(await migratableOrderIds(store)).toEqual(['1001']);
  });

  it('the marker turns writers away, naming the new stream', async () => {
    const store = await storeWithV1Order();
    await migrateOrderStream(stores(store), '1001');
    const delivering = handleCommand({
      store,
      decider: orderDecider,
      streamId: 'order-1001',
      command: { type: 'DeliverOrder', data: { orderId: '1001', at: now() } },
      commandId: 'deliver-1',
    });
    await expect(delivering).rejects.toThrow(StreamMigratedError);
    await expect(delivering).rejects.toThrow('Stream order-1001 was migrated to order-v2-1001 (copy and transform) and takes no more events');
    expect(await store.streamVersion('order-1001')).toBe(4);
  });
});

describe('copy and transform in the simulator', () => {
  it('read models and the CRUD twin count the order once, and a command on the old stream is refused in words', async () => {
    let next = 0;
    const simulator = await createMemorySimulator({ now, newId: () => `cmd-${++next}` });
    await simulator.execute('PlaceOrder', { orderId: 'o-1', customerId: 'c-1', customerEmail: 'ada@example.com', items: [{ product: 'Laptop', quantity: 2, unitPrice: 500 }] });
    await simulator.execute('ConfirmOrder', { orderId: 'o-1' });
    await simulator.execute('CancelOrder', { orderId: 'o-1', reason: 'changed my mind' });
    await simulator.projector.whenCaughtUp();
    const summaryBefore = await simulator.queries.summary();

    const run = await migrateOrderStream({ store: simulator.store, readAsStored: simulator.readStreamAsStored, upcasting: workbookUpcasting, now }, 'o-1');
    expect(run.copiesWritten).toBe(3);
    await simulator.projector.whenCaughtUp();
    await simulator.crudTwin.catchUp();

    expect(await simulator.queries.summary()).toEqual(summaryBefore);
    expect(simulator.projector.getStatus().projections.every((projection) => projection.fault === null)).toBe(true);
    expect(simulator.crudTwin.getStatus()).toMatchObject({ refused: 0, lastError: null });
    expect(await simulator.queries.orderById('o-1')).toMatchObject({ status: 'cancelled', total: 1000 });
    // The copy went through the privacy layer like any append: read back, the email is the customer's.
    expect((await simulator.store.readStream('order-v2-o-1'))[0]?.data).toMatchObject({ customerEmail: 'ada@example.com' });

    const refused = await simulator.execute('DeleteOrder', { orderId: 'o-1' });
    expect(refused).toMatchObject({ ok: false, kind: 'rule' });
    expect(refused.ok ? '' : refused.message).toContain('Stream order-o-1 was migrated to order-v2-o-1');
    expect(new StreamMigratedError('a', 'b')).toBeInstanceOf(DomainError);

    const view = await migrationView({ store: simulator.store, readAsStored: simulator.readStreamAsStored, upcasting: workbookUpcasting }, 'o-1');
    expect(view.pairs.map((pair) => pair.copy?.eventId)).toEqual(run.view.pairs.map((pair) => pair.copy?.eventId));
    simulator.close();
  });
});

describe('a migrated log exported and imported', () => {
  async function migratedShop() {
    let next = 0;
    const simulator = await createMemorySimulator({ now, newId: () => `cmd-${++next}` });
    await simulator.execute('PlaceOrder', { orderId: 'o-1', customerId: 'c-1', customerEmail: 'ada@example.com', items: [{ product: 'Laptop', quantity: 1, unitPrice: 900 }] });
    await simulator.execute('ConfirmOrder', { orderId: 'o-1' });
    await simulator.execute('PlaceOrder', { orderId: 'o-2', customerId: 'c-2', customerEmail: null, items: [{ product: 'Mouse', quantity: 2, unitPrice: 20 }] });
    await migrateOrderStream({ store: simulator.store, readAsStored: simulator.readStreamAsStored, upcasting: workbookUpcasting, now }, 'o-1');
    await simulator.projector.whenCaughtUp();
    return simulator;
  }

  it('imports back whole: both streams, the marker, the same read models and CRUD rows', async () => {
    const simulator = await migratedShop();
    const file = (await exportEvents(simulator)).lines.join('');
    const before = { summary: await simulator.queries.summary(), rows: await simulator.crud.list(), head: await simulator.store.headPosition() };

    // Imported into the same browser (its customers' keys are here), replacing the store.
    expect(await importEvents(simulator, file)).toMatchObject({ ok: true });

    expect((await simulator.store.readStream('order-v2-o-1')).map((event) => event.type)).toEqual(['OrderPlaced', 'OrderConfirmed']);
    expect((await simulator.store.readStream('order-o-1')).at(-1)?.type).toBe('StreamMigrated');
    await simulator.projector.whenCaughtUp();
    expect({ summary: await simulator.queries.summary(), rows: await simulator.crud.list(), head: await simulator.store.headPosition() }).toEqual(before);
    expect(before.rows.map((row) => row.customerEmail)).toEqual(['ada@example.com', null]);
    simulator.close();
  });

  it('refuses a copy that is not its original at today\'s schema, and an event after a marker, naming the line', async () => {
    const simulator = await migratedShop();
    const lines = (await exportEvents(simulator)).lines.join('').split('\n');
    const lineOf = (match: (event: RecordedEvent) => boolean) => lines.findIndex((line, index) => index > 0 && line !== '' && match(JSON.parse(line) as RecordedEvent));
    const elsewhere = await createMemorySimulator({ now });

    const tampered = [...lines];
    const copyConfirmed = lineOf((event) => event.streamId === 'order-v2-o-1' && event.type === 'OrderConfirmed');
    const event = JSON.parse(tampered[copyConfirmed]!) as RecordedEvent & { data: { confirmedAt: string } };
    tampered[copyConfirmed] = JSON.stringify({ ...event, data: { ...event.data, confirmedAt: '2020-01-01T00:00:00.000Z' } });
    expect(await importEvents(elsewhere, tampered.join('\n'))).toMatchObject({
      ok: false,
      line: copyConfirmed + 1,
      reason: expect.stringMatching(/^the copy of \S+ is not its original at today's schema: confirmedAt is "2020-01-01/),
    });

    const marker = JSON.parse(lines[lineOf((e) => e.type === 'StreamMigrated')]!) as RecordedEvent;
    const after = { ...marker, eventId: 'late', type: 'OrderCancelled', streamPosition: marker.streamPosition + 1 };
    const withLate = [...lines.filter((line) => line !== ''), ''];
    withLate.splice(withLate.length - 1, 0, JSON.stringify({ ...after, globalPosition: withLate.length }));
    const header = JSON.parse(withLate[0]!) as { events: number };
    withLate[0] = JSON.stringify({ ...header, events: header.events + 1 });
    expect(await importEvents(elsewhere, withLate.join('\n'))).toMatchObject({
      ok: false,
      reason: 'stream order-o-1 ended with its StreamMigrated marker: no event may follow it (writers moved to the new stream)',
    });
    expect(await elsewhere.store.headPosition()).toBe(0);
    simulator.close();
    elsewhere.close();
  });
});
