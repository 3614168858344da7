import { afterEach } from 'vitest';
import Dexie from 'dexie';
import { WorkbookDb } from '../../src/db/schema';

/**
 * A fresh app database per call, named `<prefix>-<n>-<time>`, closed and deleted after each test of the file that
 * calls this at its top level. Returns the opener.
 */
export function tempWorkbookDbs(prefix: string): () => Promise<WorkbookDb> {
  const opened: WorkbookDb[] = [];
  let databases = 0;
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return async () => {
    const db = new WorkbookDb(`${prefix}-${++databases}-${Date.now()}`);
    await db.open();
    opened.push(db);
    return db;
  };
}
