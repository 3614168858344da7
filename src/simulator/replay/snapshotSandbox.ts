import { openWorkbookDb } from '../../db/open';
import { createDexieEventStore } from '../../eventStore/dexieEventStore';
import type { EventStore } from '../../eventStore/types';

/** A database of its own: the demo's 10,000 events never mix with the person's orders. */
export const snapshotDemoDbName = 'event-workbook-snapshot-demo';

/**
 * Opens the snapshot demo's own IndexedDB event store, emptied, so each run measures the same history on real
 * IndexedDB (the cost a browser really pays) rather than on arrays in memory. Close it when the demo is done.
 */
export async function openSnapshotSandbox(): Promise<{ readonly store: EventStore; close(): void }> {
  const db = await openWorkbookDb(snapshotDemoDbName);
  const store = createDexieEventStore(db);
  await store.clear();
  return {
    store,
    close() {
      store.close();
      db.close();
    },
  };
}
