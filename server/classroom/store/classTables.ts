/**
 * The server's own tables beside Emmett's (emt_streams, emt_messages), the same on SQLite and PostgreSQL.
 *
 * - classroom_log: one row per event of a class's log: its position in the class (1, 2, 3… without gaps: Emmett's
 *   global_position is shared by every class and, on PostgreSQL, has gaps), where Emmett holds it
 *   (global_position), and the ids a retry or an idempotent command is looked up by. The event's type, data and
 *   metadata live only in emt_messages.
 * - classroom_heads: each log's newest position; the append that moves it holds its row until it commits, which
 *   orders a class's appends (and only that class's) across every server on the database.
 * - classroom_snapshots: the latest snapshot of a stream.
 * - classroom_classes, classroom_students, classroom_settings: who is in which class, the instructor's token.
 */
export const classTablesSql = (positionType: 'INTEGER' | 'BIGINT'): string[] => [
  `CREATE TABLE IF NOT EXISTS classroom_log (
     log_key TEXT NOT NULL,
     position ${positionType} NOT NULL,
     global_position ${positionType} NOT NULL,
     event_id TEXT NOT NULL,
     command_id TEXT NOT NULL,
     stream_id TEXT NOT NULL,
     stream_position ${positionType} NOT NULL,
     recorded_ms ${positionType} NOT NULL,
     PRIMARY KEY (log_key, position)
   )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS classroom_log_event ON classroom_log (log_key, event_id)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS classroom_log_stream ON classroom_log (log_key, stream_id, stream_position)`,
  `CREATE INDEX IF NOT EXISTS classroom_log_command ON classroom_log (log_key, command_id, position)`,
  `CREATE TABLE IF NOT EXISTS classroom_heads (
     log_key TEXT PRIMARY KEY,
     head ${positionType} NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS classroom_snapshots (
     log_key TEXT NOT NULL,
     stream_id TEXT NOT NULL,
     snapshot TEXT NOT NULL,
     PRIMARY KEY (log_key, stream_id)
   )`,
  `CREATE TABLE IF NOT EXISTS classroom_classes (
     code TEXT PRIMARY KEY,
     generation ${positionType} NOT NULL DEFAULT 1,
     paused ${positionType} NOT NULL DEFAULT 0,
     replay_seq ${positionType} NOT NULL DEFAULT 0,
     replay_projection TEXT,
     created_ms ${positionType} NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS classroom_students (
     student_id TEXT PRIMARY KEY,
     class_code TEXT NOT NULL,
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     checkpoint ${positionType} NOT NULL DEFAULT 0,
     joined_ms ${positionType} NOT NULL,
     seen_ms ${positionType} NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS classroom_students_class ON classroom_students (class_code, joined_ms)`,
  `CREATE TABLE IF NOT EXISTS classroom_settings (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL
   )`,
];
