import 'fake-indexeddb/auto';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieEventStore } from '../../src/eventStore/dexieEventStore';
import { eventStoreContract } from './contract';

let databases = 0;

eventStoreContract('Dexie on fake-indexeddb', async () => {
  databases += 1;
  const db = new WorkbookDb(`contract-${databases}-${Date.now()}`);
  await db.open();
  const store = createDexieEventStore(db);
  // The store leaves the db to its owner; here the test is the owner.
  return { ...store, close: () => (store.close(), db.close()) };
});
