import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import { workbookUpcasting } from '../../../src/simulator/simulator';
import {
  checkStoredV1,
  readStreamBothWays,
  sandboxStreamId,
  seed000OrderPlaced,
  stateFields,
} from '../../../src/simulator/versioning/versioningSandbox';

describe('the versioning sandbox: one stream read without and with the upcaster', () => {
  it('as stored: schema version 1, and today\'s decider folds it into an order without items or total', async () => {
    const { asStored } = await readStreamBothWays(seed000OrderPlaced);
    expect(asStored.events.map((event) => [event.type, event.schemaVersion])).toEqual([
      ['OrderPlaced', 1],
      ['OrderConfirmed', 1],
      ['OrderProcessingStarted', 1],
      ['OrderShipped', 1],
    ]);
    expect(asStored.events[0]!.data).toEqual(seed000OrderPlaced);
    expect(asStored.state).toMatchObject({ status: 'shipped', items: undefined, total: undefined });
    expect(stateFields(asStored.state).filter((field) => field.missing).map((field) => field.field)).toEqual([
      'customerEmail',
      'items',
      'total',
    ]);
    expect(asStored.checks).toEqual([
      { label: 'orderTotal(state.items)', outcome: expect.stringMatching(/^throws TypeError: Cannot read properties of undefined/), broken: true },
      { label: 'Orders read model (GET /api/v1/orders)', outcome: 'lists 0 orders: order 1001 is missing', broken: true },
      { label: 'Summary read model: revenue', outcome: 'NaN', broken: true },
    ]);
  });

  it('through the upcaster: version 2, one item at price 0, and every check of today\'s code works', async () => {
    const { upcast, changes } = await readStreamBothWays(seed000OrderPlaced);
    expect(upcast.events[0]).toMatchObject({
      schemaVersion: 2,
      data: { customerEmail: null, items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }], total: 0 },
    });
    expect(upcast.state).toMatchObject({ status: 'shipped', trackingNumber: 'TRK-1001', total: 0 });
    expect(stateFields(upcast.state).some((field) => field.missing)).toBe(false);
    expect(upcast.checks.map((check) => [check.outcome, check.broken])).toEqual([
      ['0', false],
      ['lists order 1001: 1 item, total 0', false],
      ['0', false],
    ]);
    expect(changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'changed schemaVersion',
      'added data.customerEmail',
      'added data.items',
      'added data.total',
      'removed data.product',
      'removed data.quantity',
    ]);
  });

  it('reads the same events a store configured with the upcaster returns', async () => {
    const { upcast } = await readStreamBothWays(seed000OrderPlaced);
    const appStore = createMemoryEventStore({ upcasting: workbookUpcasting });
    for (const event of upcast.events) {
      const stored = event.streamPosition === 1 ? { ...event, schemaVersion: 1, data: seed000OrderPlaced } : event;
      await appStore.appendToStream(sandboxStreamId, [stored]);
    }
    const read = await appStore.readStream(sandboxStreamId);
    expect(read.map(({ schemaVersion, data, type }) => ({ schemaVersion, data, type }))).toEqual(
      upcast.events.map(({ schemaVersion, data, type }) => ({ schemaVersion, data, type })),
    );
  });

  it('never rewrites the stored event: its bytes are the same after both reads', async () => {
    const reading = await readStreamBothWays({ ...seed000OrderPlaced, quantity: 5 });
    expect(reading.storedAfter).toBe(reading.storedBefore);
    expect(JSON.parse(reading.storedAfter)).toMatchObject({ schemaVersion: 1, data: { product: 'Laptop', quantity: 5 } });
  });

  it('an edited v1 event flows through: a numeric customer id and a new quantity', async () => {
    const checked = checkStoredV1('{"orderId":"1001","customerId":7,"product":"Desk","quantity":3,"placedAt":"2025-03-01T09:00:00.000Z"}');
    expect(checked.ok).toBe(true);
    const { upcast, changes } = await readStreamBothWays(checked.ok ? checked.data : undefined);
    expect(upcast.state).toMatchObject({ customerId: '7', items: [{ product: 'Desk', quantity: 3, unitPrice: 0 }] });
    expect(changes).toContainEqual({ kind: 'changed', path: 'data.customerId', before: 7, after: '7' });
  });
});

describe('checking the student\'s v1 JSON before it is stored', () => {
  it('refuses text that is not JSON, with the parser\'s reason', () => {
    expect(checkStoredV1('{"orderId": "1001",')).toMatchObject({ ok: false, reason: expect.stringMatching(/^This is not JSON: /) });
  });

  it('refuses a v1 event the upcaster cannot read, naming the field', () => {
    const text = JSON.stringify({ ...seed000OrderPlaced, quantity: 'two' });
    expect(checkStoredV1(text)).toEqual({ ok: false, reason: 'The upcaster refuses this OrderPlaced v1: quantity: must be a whole number of at least 1.' });
    const { product: _product, ...withoutProduct } = seed000OrderPlaced;
    expect(checkStoredV1(JSON.stringify(withoutProduct))).toEqual({
      ok: false,
      reason: 'The upcaster refuses this OrderPlaced v1: product: is required.',
    });
  });

  it('refuses moving the event to another order, since it is stored in order 1001\'s stream', () => {
    expect(checkStoredV1(JSON.stringify({ ...seed000OrderPlaced, orderId: '7' }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('orderId: must stay "1001"'),
    });
  });
});
