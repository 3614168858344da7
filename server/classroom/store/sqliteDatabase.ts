import {
  appendToStream,
  createEventStoreSchema,
  sqliteConnection,
  type SQLiteConnection,
} from '@event-driven-io/emmett-sqlite';
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
import { indexAppended } from './logIndex';
import { createMutex } from './mutex';

/** Thrown inside Emmett's transaction so it rolls back; never leaves this module. */
class RolledBack extends Error {}

function executor(connection: SQLiteConnection): SqlExecutor {
  return {
    query: <Row>(sql: string, params: readonly SqlValue[] = []) => connection.query<Row>(sql, [...params]),
    command: async (sql: string, params: readonly SqlValue[] = []) => {
      await connection.command(sql, [...params]);
    },
  };
}

/**
 * Emmett's SQLite event store in one file, the classroom server's embedded default. One writing connection (a
 * SQLite connection runs one transaction at a time, and emmett-sqlite's nests any statement sent meanwhile into
 * it), so every write of this process goes through one queue; reads use a second connection and, in WAL mode,
 * see only committed transactions.
 */
export async function openSqliteDatabase(fileName: string): Promise<ClassroomDatabase> {
  const writer = sqliteConnection({ fileName });
  const exclusive = createMutex();
  await exclusive(async () => {
    await writer.command('PRAGMA busy_timeout = 5000');
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the last commits, never
    // corrupt the file, and an append costs a fraction of a full sync (see bench/classroom.ts).
    await writer.command('PRAGMA synchronous = NORMAL');
    await createEventStoreSchema(writer);
    await writer.batchCommand(classTablesSql('INTEGER'));
  });
  // Opened once the file is in WAL mode and no transaction runs: emmett-sqlite's connection sets WAL as it opens,
  // without waiting or a callback, and that statement failed (SQLITE_BUSY, unhandled) when it met the schema's
  // transaction on the writer.
  const reader = sqliteConnection({ fileName });
  await reader.command('PRAGMA busy_timeout = 5000');
  const write = executor(writer);
  // Reads run outside the write queue; closing under one would fail the close with SQLITE_BUSY, which sqlite3 raises
  // as an uncaught 'error' event. Close waits for the reads in flight (a stream's last poll, a GET) to settle.
  const readsInFlight = new Set<Promise<unknown>>();
  const track = <T>(read: Promise<T>): Promise<T> => {
    readsInFlight.add(read);
    void read.then(
      () => readsInFlight.delete(read),
      () => readsInFlight.delete(read),
    );
    return read;
  };
  const readOnly = executor(reader);
  const read: SqlExecutor = {
    query: (sql, params) => track(readOnly.query(sql, params)),
    command: (sql, params) => track(readOnly.command(sql, params)),
  };

  async function appendToEmmett(append: EmmettAppend): Promise<EmmettAppendOutcome> {
    const streamName = emmettStreamName(append.logKey, append.streamId);
    let firstPosition = 0;
    try {
      // Emmett types event data as a record; the project's contract lets data be any JSON value, and Emmett stores it
      // as JSON all the same.
      const messages = append.messages as unknown as Parameters<typeof appendToStream>[3];
      await appendToStream(writer, streamName, emmettStreamType(append.streamId), messages, {
        expectedStreamVersion: BigInt(append.expectedStreamVersion),
        // Runs inside Emmett's transaction, after its insert. emmett-sqlite 0.42 commits even when its version check
        // fails (the stream's row moved on, no message written), so what it wrote is checked here: anything but
        // these messages at these positions rolls the whole transaction back.
        onBeforeCommit: async () => {
          const inserted = await write.query<{ global_position: number; message_id: string; stream_position: number }>(
            `SELECT global_position, message_id, stream_position FROM emt_messages
              WHERE stream_id = ? AND stream_position > ? AND is_archived = FALSE ORDER BY stream_position`,
            [streamName, append.expectedStreamVersion],
          );
          const matches =
            inserted.length === append.messages.length &&
            inserted.every((row, index) => row.message_id === append.messages[index]!.metadata.messageId);
          if (!matches) throw new RolledBack('Emmett did not record these messages');
          firstPosition = await indexAppended(write, append, inserted.map((row) => row.global_position), 'two statements');
        },
      });
    } catch (error) {
      if (error instanceof RolledBack || isUniqueViolation(error)) return { ok: false };
      throw error;
    }
    return { ok: true, firstPosition };
  }

  return {
    kind: 'sqlite',
    read,
    exclusive,
    write: (work) => exclusive(() => writer.withTransaction(() => work(write))),
    appendToEmmett,
    async close() {
      await exclusive(async () => {
        await Promise.allSettled([...readsInFlight]);
        writer.close();
        reader.close();
      });
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'errno' in error && (error as { errno: unknown }).errno === 19;
}
