import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { eventStoreContract } from '../../eventStore/contract';
import { openSqliteDatabase } from '../../../server/classroom/store/sqliteDatabase';
import { createClassRegistry } from '../../../server/classroom/store/classRegistry';
import { createEmmettEventStore } from '../../../server/classroom/store/emmettEventStore';

// One SQLite file for the suite; each test gets a class of its own in it, as classes share a server's database.
const dir = mkdtempSync(join(tmpdir(), 'classroom-contract-'));
const db = await openSqliteDatabase(join(dir, 'classroom.sqlite'));
const registry = createClassRegistry(db);

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

eventStoreContract("Emmett's SQLite event store (classroom server)", async () =>
  createEmmettEventStore(db, registry.logKeys(await registry.createClass())),
);
