import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { schemaVersion, WorkbookDb } from '../../src/db/schema';
import { createDexieProjectionStore } from '../../src/projections/dexieProjectionStore';

describe('schema version 2', () => {
  it('indexes the read models a browser stored under version 1, so the newest orders are found without a rebuild', async () => {
    const name = `upgrade-${Date.now()}`;
    // Version 1 exactly as it shipped.
    const old = new Dexie(name);
    old.version(1).stores({
      events: 'globalPosition, &[streamId+streamPosition], &eventId, commandId, type',
      snapshots: 'streamId',
      readModels: '[projection+id], projection',
      checkpoints: 'projection',
      crudOrders: 'orderId',
      crudLosses: '++id, orderId',
      crudUsers: 'userId',
      crudUserLosses: '++id, userId',
      meta: 'key',
    });
    await old.table('readModels').bulkPut([
      { projection: 'orders', id: 'a', doc: { placedAt: '2026-01-01T00:00:00.000Z', status: 'pending' } },
      { projection: 'orders', id: 'b', doc: { placedAt: '2026-01-02T00:00:00.000Z', status: 'shipped' } },
    ]);
    old.close();

    const db = new WorkbookDb(name);
    await db.open();
    try {
      const store = createDexieProjectionStore(db);
      const seen: string[] = [];
      await store.walkRanked('orders', { by: 'placedAt' }, (_doc, id) => void seen.push(id));
      expect(seen).toEqual(['b', 'a']);
      expect(await store.countRanked('orders', { by: 'placedAt', status: 'shipped' })).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('schema version 3', () => {
  it('adds the subjects\' key table to a browser\'s version 2 database, keeping its events', async () => {
    const name = `upgrade-3-${Date.now()}`;
    // Versions 1 and 2 exactly as they shipped.
    const old = new Dexie(name);
    old.version(1).stores({
      events: 'globalPosition, &[streamId+streamPosition], &eventId, commandId, type',
      snapshots: 'streamId',
      readModels: '[projection+id], projection',
      checkpoints: 'projection',
      crudOrders: 'orderId',
      crudLosses: '++id, orderId',
      crudUsers: 'userId',
      crudUserLosses: '++id, userId',
      meta: 'key',
    });
    old.version(2).stores({
      readModels: '[projection+id], projection, [projection+doc.placedAt], [projection+doc.status+doc.placedAt], [projection+doc.totalSpentCents]',
    });
    await old.table('events').add({ globalPosition: 1, streamId: 'order-1', streamPosition: 1, eventId: 'e1', commandId: 'c1', type: 'OrderConfirmed' });
    old.close();

    const db = new WorkbookDb(name);
    await db.open();
    try {
      expect(db.verno).toBe(schemaVersion);
      expect(await db.events.count()).toBe(1);
      expect(await db.subjectKeys.where('subjectId').equals('customer:c1').count()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('schema version 4', () => {
  it("drops the read models' projection index from a browser's version 3 database, every read model still read", async () => {
    const name = `upgrade-4-${Date.now()}`;
    // Versions 1 to 3 exactly as they shipped.
    const old = new Dexie(name);
    old.version(1).stores({
      events: 'globalPosition, &[streamId+streamPosition], &eventId, commandId, type',
      snapshots: 'streamId',
      readModels: '[projection+id], projection',
      checkpoints: 'projection',
      crudOrders: 'orderId',
      crudLosses: '++id, orderId',
      crudUsers: 'userId',
      crudUserLosses: '++id, userId',
      meta: 'key',
    });
    old.version(2).stores({
      readModels: '[projection+id], projection, [projection+doc.placedAt], [projection+doc.status+doc.placedAt], [projection+doc.totalSpentCents]',
    });
    old.version(3).stores({ subjectKeys: 'keyId, subjectId' });
    await old.table('readModels').bulkPut([
      { projection: 'orders', id: 'a', doc: { placedAt: '2026-01-01T00:00:00.000Z', status: 'pending' } },
      { projection: 'orders', id: 'b', doc: { placedAt: '2026-01-02T00:00:00.000Z', status: 'shipped' } },
      { projection: 'topCustomers', id: 'customer:c1', doc: { kind: 'customer', totalSpentCents: 500 } },
    ]);
    old.close();

    const db = new WorkbookDb(name);
    await db.open();
    try {
      expect(db.verno).toBe(schemaVersion);
      const indexes = [...db.backendDB().transaction('readModels', 'readonly').objectStore('readModels').indexNames];
      expect(indexes).not.toContain('projection');
      expect(indexes).toEqual(expect.arrayContaining(['[projection+doc.placedAt]', '[projection+doc.totalSpentCents]']));
      const store = createDexieProjectionStore(db);
      expect((await store.listDocuments('orders')).map(({ id }) => id)).toEqual(['a', 'b']);
      const seen: string[] = [];
      await store.walkRanked('orders', { by: 'placedAt' }, (_doc, id) => void seen.push(id));
      expect(seen).toEqual(['b', 'a']);
      await store.reset('orders', 1);
      expect(await store.listDocuments('orders')).toEqual([]);
      expect((await store.listDocuments('topCustomers')).map(({ id }) => id)).toEqual(['customer:c1']);
    } finally {
      db.close();
    }
  });
});
