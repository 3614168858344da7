import 'fake-indexeddb/auto';
import { afterEach, describe } from 'vitest';
import { WorkbookDb } from '../../src/db/schema';
import { createDexieProjectionStore } from '../../src/projections/dexieProjectionStore';
import { createMemoryProjectionStore } from '../../src/projections/memoryProjectionStore';
import type { ProjectionStore } from '../../src/projections/projectionStore';
import { projectionStoreContract } from './projectionStoreContract';

let databases = 0;
const opened: WorkbookDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const implementations: [string, () => Promise<ProjectionStore>][] = [
  ['memory', async () => createMemoryProjectionStore()],
  [
    'Dexie on fake-indexeddb',
    async () => {
      databases += 1;
      const db = new WorkbookDb(`projection-store-${databases}-${Date.now()}`);
      await db.open();
      opened.push(db);
      return createDexieProjectionStore(db);
    },
  ],
];

describe.each(implementations)('projection store: %s', (_name, create) => projectionStoreContract(create));
