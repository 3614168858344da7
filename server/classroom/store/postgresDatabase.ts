import { dumbo, sql as dumboSql, type SQLExecutor } from '@event-driven-io/dumbo';
import { appendToStream, createEventStoreSchema } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { classTablesSql } from './classTables';
import {
  emmettStreamName,
  emmettStreamType,
  type ClassroomDatabase,
  type EmmettAppend,
  type EmmettAppendOutcome,
  type SqlExecutor,
  type SqlValue,
} from './database';
import { parseLogKey } from './classRegistry';
import { indexAppended } from './logIndex';

/** Thrown inside Emmett's transaction when the class was reset meanwhile, so it rolls back; never leaves this module. */
class StaleGeneration extends Error {}

/** `?` placeholders → `$1, $2…` (no `?` appears in this server's SQL other than as a placeholder). */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${(index += 1)}`);
}

/** One of our statements inside Emmett's (dumbo's) transaction: dumbo formats values into the text with %L. */
function inTransaction(execute: SQLExecutor): SqlExecutor {
  const format = (sql: string, params: readonly SqlValue[]) =>
    dumboSql(sql.replace(/\?/g, '%L'), ...params.map((value) => (typeof value === 'number' ? String(value) : value)));
  return {
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      return (await execute.query(format(sql, params))).rows as Row[];
    },
    async command(sql: string, params: readonly SqlValue[] = []) {
      await execute.command(format(sql, params));
    },
  };
}

/**
 * Emmett's PostgreSQL event store: events written by emmett-postgresql's `appendToStream` (its stored function
 * `emt_append_to_stream`, through a dumbo pool), the server's own tables read and written through `pg`.
 * Several server processes may share the database: writers run side by side; each class's log is ordered by the
 * row of its head counter (classroom_heads), locked by the update that hands out the positions, after Emmett's
 * insert and until the commit: positions follow commit order, and a reader never sees position n+1 before n.
 */
export async function openPostgresDatabase(connectionString: string): Promise<ClassroomDatabase> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const emmettPool = dumbo({ connectionString });
  await createEventStoreSchema(connectionString, emmettPool);
  // Several servers may start at once on an empty database: one creates the tables, the others wait for it.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['classroom_schema']);
    for (const statement of classTablesSql('BIGINT')) await client.query(statement);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['classroom_schema']).catch(() => undefined);
    client.release();
  }

  const read: SqlExecutor = {
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      return (await pool.query(numbered(sql), [...params])).rows as Row[];
    },
    async command(sql: string, params: readonly SqlValue[] = []) {
      await pool.query(numbered(sql), [...params]);
    },
  };

  async function appendToEmmett(append: EmmettAppend): Promise<EmmettAppendOutcome> {
    let firstPosition = 0;
    let result;
    try {
      result = await appendToStream(
      emmettPool,
      emmettStreamName(append.logKey, append.streamId),
      emmettStreamType(append.streamId),
      append.messages as unknown as Parameters<typeof appendToStream>[3],
      {
        expectedStreamVersion: BigInt(append.expectedStreamVersion),
        // Inside Emmett's transaction, after its insert: the class's positions, in commit order (see above), in one
        // round trip, as the head's row stays locked until the commit.
        beforeCommitHook: async (messages, { transaction }) => {
          const sql = inTransaction(transaction.execute);
          // The class's row, shared-locked to the commit: a reset (which updates it) waits for this append, and an
          // append that began before another server's reset finds the new generation here and rolls back.
          const { code, generation } = parseLogKey(append.logKey);
          const [row] = await sql.query<{ generation: number | string }>(
            'SELECT generation FROM classroom_classes WHERE code = ? FOR SHARE',
            [code],
          );
          if (row !== undefined && Number(row.generation) !== generation) throw new StaleGeneration();
          const globalPositions = messages.map((message) => Number((message.metadata as { globalPosition: bigint }).globalPosition));
          firstPosition = await indexAppended(sql, append, globalPositions, 'one statement');
        },
      },
      );
    } catch (error) {
      if (error instanceof StaleGeneration) return { ok: false };
      throw error;
    }
    return result.success ? { ok: true, firstPosition } : { ok: false };
  }

  return {
    kind: 'postgres',
    read,
    // PostgreSQL takes writers side by side; its row locks and the class lock order them.
    exclusive: (work) => work(),
    async write(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<Row>(sql: string, params: readonly SqlValue[] = []) {
            return (await client.query(numbered(sql), [...params])).rows as Row[];
          },
          async command(sql: string, params: readonly SqlValue[] = []) {
            await client.query(numbered(sql), [...params]);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    appendToEmmett,
    async close() {
      await emmettPool.close();
      await pool.end();
    },
  };
}
