import pg from 'pg';
import { expect, it } from 'vitest';
import { ConcurrencyError } from '../../../src/eventStore/errors';
import { createClassRegistry, logKeyOf } from '../../../server/classroom/store/classRegistry';
import { createEmmettEventStore } from '../../../server/classroom/store/emmettEventStore';
import { openPostgresDatabase } from '../../../server/classroom/store/postgresDatabase';

const url = process.env.CLASSROOM_PG_URL;

it.skipIf(!url)(
  "an append under way when another server resets the class is rolled back, not recorded in the old log",
  { timeout: 60_000 },
  async () => {
    // Named, so that the wait below finds THIS append blocked, not another test's writer on the same PostgreSQL (the
    // load test runs beside this one).
    const applicationName = `reset-race-${process.pid}-${Date.now()}`;
    const db = await openPostgresDatabase(`${url!}${url!.includes('?') ? '&' : '?'}application_name=${applicationName}`);
    const registry = createClassRegistry(db);
    const code = await registry.createClass();
    const store = createEmmettEventStore(db, registry.logKeys(code));
    const otherServer = new pg.Client({ connectionString: url! });
    await otherServer.connect();
    try {
      // Another server's reset, begun and not yet committed: it holds the class's row.
      await otherServer.query('BEGIN');
      await otherServer.query('UPDATE classroom_classes SET generation = generation + 1 WHERE code = $1', [code]);
      const appending = store.appendToStream('order-1', [{ eventId: `racing-${code}`, type: 'Happened', data: {} }], { expectedVersion: 'noStream' }).then(
        () => 'recorded',
        (error: unknown) => error,
      );
      // Wait until the append is blocked on the class's row (inside Emmett's transaction, after its insert).
      for (;;) {
        const { rows } = await otherServer.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = $1`,
          [applicationName],
        );
        if (rows[0].waiting > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await otherServer.query('COMMIT');
      expect(await appending).toBeInstanceOf(ConcurrencyError);
      const { rows } = await otherServer.query('SELECT count(*)::int AS events FROM classroom_log WHERE log_key = $1', [logKeyOf(code, 1)]);
      expect(rows[0].events).toBe(0);
      const emmett = await otherServer.query('SELECT count(*)::int AS events FROM emt_messages WHERE message_id = $1', [`racing-${code}`]);
      expect(emmett.rows[0].events).toBe(0);
      expect(await store.readAll()).toEqual([]);
    } finally {
      await otherServer.end();
      await db.close();
    }
  },
);

