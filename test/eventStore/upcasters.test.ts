import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';
import { MissingUpcasterError, upcast, type Upcasters, type Upcasting } from '../../src/eventStore/upcasters';
import type { EventStore, RecordedEvent } from '../../src/eventStore/types';

/** Seed 000 placed an order with one product; v2 has items with prices; v3 (for the test) adds a currency. */
const upcasters: Upcasters = {
  OrderPlaced: {
    1: (data) => {
      const { product, quantity, ...rest } = data as { product: string; quantity: number };
      return { ...rest, items: [{ product, quantity, unitPrice: 0 }] };
    },
    2: (data) => ({ ...(data as object), currency: 'EUR' }),
  },
};
const currentVersions = { OrderPlaced: 3, OrderShipped: 1 };

const recorded = (schemaVersion: number, data: unknown, type = 'OrderPlaced'): RecordedEvent => ({
  eventId: 'e1',
  globalPosition: 1,
  streamId: 'order-1',
  streamPosition: 1,
  type,
  schemaVersion,
  data,
  metadata: { commandId: 'c', correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' },
});

describe('upcast', () => {
  it('applies every step from the stored version to the current one', () => {
    const event = upcast(recorded(1, { orderId: '1', product: 'Laptop', quantity: 2 }), upcasters, currentVersions);
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toEqual({
      orderId: '1',
      items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }],
      currency: 'EUR',
    });
  });

  it('leaves an event already at the current version untouched', () => {
    const event = recorded(3, { orderId: '1', items: [], currency: 'USD' });
    expect(upcast(event, upcasters, currentVersions)).toBe(event);
    const shipped = recorded(1, { orderId: '1' }, 'OrderShipped');
    expect(upcast(shipped, upcasters, currentVersions)).toBe(shipped);
  });

  it('goes as far as the steps go when no current versions are given', () => {
    expect(upcast(recorded(2, { items: [] }), upcasters).schemaVersion).toBe(3);
  });

  it('names the missing step when an old version cannot be read', () => {
    expect(() => upcast(recorded(1, {}, 'OrderShipped'), upcasters, { OrderShipped: 2 })).toThrow(
      new MissingUpcasterError('OrderShipped', 1),
    );
    expect(() => upcast(recorded(1, {}, 'OrderShipped'), upcasters, { OrderShipped: 2 })).toThrow(
      /no upcaster turns version 1 into 2/,
    );
  });
});

const upcasting: Upcasting = { upcasters, currentVersions };
/** `storedData` reads the rows as IndexedDB holds them (memory has no separate storage to look at). */
const stores: [string, () => Promise<{ store: EventStore; storedData?: () => Promise<unknown[]> }>][] = [
  ['memory', async () => ({ store: createMemoryEventStore({ upcasting }) })],
  [
    'Dexie',
    async () => {
      const db = new WorkbookDb(`upcasting-${Date.now()}-${Math.random()}`);
      await db.open();
      return {
        store: createDexieEventStore(db, { upcasting }),
        storedData: async () => (await db.events.toArray()).map((row) => row.data),
      };
    },
  ],
];

for (const [name, make] of stores) {
  describe(`${name} store with upcasters`, () => {
    it('returns old events in the current shape from every read, and never rewrites the stored ones', async () => {
      const { store, storedData } = await make();
      const v1 = { orderId: '1', product: 'Laptop', quantity: 2 };
      await store.appendToStream('order-1', [
        { eventId: 'e1', type: 'OrderPlaced', schemaVersion: 1, data: v1, metadata: { commandId: 'c1' } },
      ]);
      const reads = [
        await store.readStream('order-1'),
        await store.readAll(),
        await store.eventsOfCommand('c1'),
      ];
      for (const events of reads) {
        expect(events[0]).toMatchObject({ schemaVersion: 3, data: { currency: 'EUR', items: [{ product: 'Laptop' }] } });
      }
      // Upcast from the stored version on each read, not from the previous read's result.
      expect((await store.readStream('order-1'))[0]?.data).toEqual(reads[0]?.[0]?.data);
      if (storedData) expect(await storedData()).toEqual([v1]);
    });
  });
}
