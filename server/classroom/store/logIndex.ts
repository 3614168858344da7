import type { EmmettAppend, SqlExecutor, SqlValue } from './database';

/**
 * The log's index rows for the messages Emmett just inserted (in Emmett's transaction): the class's head moves by
 * their number, and they take the positions after the old head. Returns the first one's position.
 *
 * 'one statement' (PostgreSQL): the head's update and the rows' insert in one round trip, so the head's row is locked
 * for the shortest time; 'two statements' (SQLite, whose writers take turns anyway, and whose UPDATE … RETURNING
 * cannot feed an INSERT).
 */
export async function indexAppended(
  sql: SqlExecutor,
  append: EmmettAppend,
  globalPositions: readonly number[],
  how: 'one statement' | 'two statements',
): Promise<number> {
  const count = append.messages.length;
  const moveHead = `INSERT INTO classroom_heads (log_key, head) VALUES (?, ?)
    ON CONFLICT (log_key) DO UPDATE SET head = classroom_heads.head + excluded.head RETURNING head`;
  const columns = '(log_key, position, global_position, event_id, command_id, stream_id, stream_position, recorded_ms)';

  if (how === 'one statement') {
    const values: SqlValue[] = [append.logKey, count, append.logKey, count, append.streamId, append.recordedAtMs];
    append.messages.forEach((message, index) =>
      values.push(index + 1, globalPositions[index]!, message.metadata.eventId, message.metadata.commandId, append.expectedStreamVersion + index + 1),
    );
    const rows = await sql.query<{ position: number | string }>(
      `WITH head AS (${moveHead})
       INSERT INTO classroom_log ${columns}
       SELECT ?, head.head - ? + v.i, v.g, v.e, v.c, ?, v.sp, ?
         FROM head, (VALUES ${append.messages.map(() => '(?::bigint, ?::bigint, ?, ?, ?::bigint)').join(', ')}) AS v(i, g, e, c, sp)
       RETURNING position`,
      values,
    );
    return Math.min(...rows.map((row) => Number(row.position)));
  }

  const [moved] = await sql.query<{ head: number | string }>(moveHead, [append.logKey, count]);
  const first = Number(moved!.head) - count + 1;
  const values: SqlValue[] = [];
  append.messages.forEach((message, index) =>
    values.push(
      append.logKey,
      first + index,
      globalPositions[index]!,
      message.metadata.eventId,
      message.metadata.commandId,
      append.streamId,
      append.expectedStreamVersion + index + 1,
      append.recordedAtMs,
    ),
  );
  await sql.command(`INSERT INTO classroom_log ${columns} VALUES ${append.messages.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`, values);
  return first;
}
