import Dexie from 'dexie';
import { openWorkbookDb, defaultDbName } from '../db/open';
import { createDexieBulkStorage } from '../simulator/dexieBulkStorage';
import { workbookUpcasting } from '../simulator/simulator';
import { eventsPerOrder, orderStreams } from './workloads';
import { orderSteps } from './bulkSteps';

/**
 * Fills the app's own database with `events` decided order events (and their CRUD twin), for measuring how fast the
 * app opens on a large store. Used only by `npm run bench`, in its own browser profile: it deletes what is there.
 */
export async function fillAppStore(events: number): Promise<number> {
  await Dexie.delete(defaultDbName);
  const db = await openWorkbookDb();
  const bulk = createDexieBulkStorage(db, { upcasting: workbookUpcasting });
  const streams = orderStreams(Math.floor(events / eventsPerOrder), '2026-11-23T10:00:00.000Z');
  for (let start = 0; start < streams.length; start += 1000) {
    await bulk.appendSteps(orderSteps(streams.slice(start, start + 1000)));
  }
  const stored = await db.events.count();
  db.close();
  return stored;
}
