import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { eventStoreContract } from '../eventStore/contract';

/**
 * The event store contract on Chromium's real IndexedDB: the unique index and transaction behaviour that the
 * fake-indexeddb run can only imitate. Each store gets a database of its own, so tests share nothing.
 */

eventStoreContract('Dexie on real IndexedDB (Chromium)', async () => {
  const db = new WorkbookDb(`contract-${crypto.randomUUID()}`);
  await db.open();
  const store = createDexieEventStore(db);
  // The store leaves the db to its owner; here the test is the owner. The profile is thrown away after the run.
  return { ...store, close: () => (store.close(), db.close()) };
});
