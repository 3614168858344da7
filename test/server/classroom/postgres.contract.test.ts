import { afterAll, describe, it } from 'vitest';
import { eventStoreContract } from '../../eventStore/contract';
import { createClassRegistry } from '../../../server/classroom/store/classRegistry';
import { createEmmettEventStore } from '../../../server/classroom/store/emmettEventStore';
import { openPostgresDatabase } from '../../../server/classroom/store/postgresDatabase';

/**
 * The contract on Emmett's PostgreSQL event store, when CLASSROOM_PG_URL names a database (start a throwaway one
 * with scripts/postgres/start.sh). Each test gets a class of its own.
 */
const url = process.env.CLASSROOM_PG_URL;
if (url === undefined || url === '') {
  describe.skip("event store contract: Emmett's PostgreSQL event store (set CLASSROOM_PG_URL)", () => {
    it('needs CLASSROOM_PG_URL', () => undefined);
  });
} else {
  const db = await openPostgresDatabase(url);
  const registry = createClassRegistry(db);
  afterAll(() => db.close());
  eventStoreContract("Emmett's PostgreSQL event store (classroom server)", async () =>
    createEmmettEventStore(db, registry.logKeys(await registry.createClass())),
  );
}
