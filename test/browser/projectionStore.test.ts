import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieProjectionStore } from '../../src/projections/dexieProjectionStore';
import { canWalkInBulk } from '../../src/projections/rankedBulkWalk';
import { projectionStoreContract } from '../projections/projectionStoreContract';

/**
 * The projection store contract on Chromium's real IndexedDB, where the ranked walks take the bulk path
 * (`IDBIndex.getAllRecords`, chunks resumed at the last key visited) that fake-indexeddb does not have.
 */

const opened: WorkbookDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('projection store: Dexie on real IndexedDB (Chromium)', () => {
  it('walks in bulk here (the cases below test that path, not the cursor)', () => {
    expect(canWalkInBulk()).toBe(true);
  });

  projectionStoreContract(async () => {
    const db = new WorkbookDb(`projection-store-${crypto.randomUUID()}`);
    await db.open();
    opened.push(db);
    return createDexieProjectionStore(db);
  });
});
