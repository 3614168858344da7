import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
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
