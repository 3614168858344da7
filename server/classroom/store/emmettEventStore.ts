import {
  checkExpectedVersion,
  matchRetriedAppend,
  recordableEvents,
  toRecordedEvents,
  validateNewEvents,
} from '../../../src/eventStore/appendRules';
import { ConcurrencyError } from '../../../src/eventStore/errors';
import { createListeners } from '../../../src/eventStore/listeners';
import type { AppendResult, EventStore, RecordedEvent, Snapshot } from '../../../src/eventStore/types';
import type { ClassroomDatabase, EmmettMessage, SqlValue } from './database';

/** Where a class's log is now: its code and generation (a reset starts a new generation, an empty log). */
export type LogKeySource = {
  /** `fresh`: read from the database, not from a cache (an append must not go to a log another server reset). */
  current(fresh?: boolean): Promise<string>;
  /** Starts a new, empty generation (the EventStore's `clear`). */
  next(): Promise<string>;
};

type LogRow = {
  position: number | string;
  stream_id: string;
  stream_position: number | string;
  message_type: string;
  message_data: string;
  message_metadata: string;
};

/** The log's events with Emmett's columns; PostgreSQL's JSONB is read as text, as SQLite hands it. */
const selectEventsOf = (db: ClassroomDatabase) =>
  db.kind === 'postgres'
    ? `SELECT l.position, l.stream_id, l.stream_position, m.message_type, m.message_data::text AS message_data,
         m.message_metadata::text AS message_metadata
       FROM classroom_log l JOIN emt_messages m ON m.global_position = l.global_position`
    : `SELECT l.position, l.stream_id, l.stream_position, m.message_type, m.message_data, m.message_metadata
       FROM classroom_log l JOIN emt_messages m ON m.global_position = l.global_position`;

/** How many times an append with no exact expected version ('any', 'streamExists') tries again after a race. */
const racesRetried = 5;

/**
 * The project's EventStore (DESIGN.md's contract) over Emmett's event store: Emmett's `appendToStream` records every
 * event in its tables, with the project's ids and metadata in its message metadata; this adapter adds the contract's
 * rules (the same `appendRules` as the memory and Dexie stores: validation, expected versions, retried appends) and
 * reads a class's log in its own order through the classroom_log index. One store per class log.
 */
export function createEmmettEventStore(db: ClassroomDatabase, logKeys: LogKeySource): EventStore {
  const listeners = createListeners();
  const now = () => new Date();
  const selectEvents = selectEventsOf(db);

  async function rows(sql: string, params: readonly SqlValue[]): Promise<RecordedEvent[]> {
    const found = await db.read.query<LogRow>(sql, params);
    return found.map(toRecordedEvent);
  }

  async function versionOf(logKey: string, streamId: string): Promise<number> {
    // ORDER BY … DESC LIMIT 1 walks the index from its end; MAX with a WHERE would scan the log's entries.
    const [row] = await db.read.query<{ version: number | string }>(
      'SELECT stream_position AS version FROM classroom_log WHERE log_key = ? AND stream_id = ? ORDER BY stream_position DESC LIMIT 1',
      [logKey, streamId],
    );
    return Number(row?.version ?? 0);
  }

  async function recordedIds(logKey: string, eventIds: readonly string[]): Promise<RecordedEvent[]> {
    if (eventIds.length === 0) return [];
    return rows(
      `${selectEvents} WHERE l.log_key = ? AND l.event_id IN (${eventIds.map(() => '?').join(', ')}) ORDER BY l.position`,
      [logKey, ...eventIds],
    );
  }

  async function headOf(logKey: string): Promise<number> {
    const [row] = await db.read.query<{ head: number | string }>(
      'SELECT position AS head FROM classroom_log WHERE log_key = ? ORDER BY position DESC LIMIT 1',
      [logKey],
    );
    return Number(row?.head ?? 0);
  }

  const store: EventStore = {
    async appendToStream(streamId, appended, options = {}): Promise<AppendResult> {
      const expected = options.expectedVersion ?? 'any';
      validateNewEvents(streamId, appended, expected);
      const events = recordableEvents(appended);
      const eventIds = events.map((event) => event.eventId);

      const result = await db.exclusive(async () => {
        // Read inside the turn: on SQLite a reset takes its turn too, so this append goes to the log of its time.
        const logKey = await logKeys.current(true);
        for (let attempt = 0; ; attempt += 1) {
          const earlier = await recordedIds(logKey, eventIds);
          const actual = await versionOf(logKey, streamId);
          if (earlier.length > 0) {
            const recorded = matchRetriedAppend(streamId, events, expected, actual, earlier);
            return { nextExpectedVersion: actual, events: recorded, alreadyRecorded: true };
          }
          checkExpectedVersion(streamId, expected, actual);
          if (events.length === 0) return { nextExpectedVersion: actual, events: [], alreadyRecorded: false };

          const recordedAt = now();
          const drafts = toRecordedEvents(streamId, events, actual, 0, recordedAt.toISOString());
          const messages: EmmettMessage[] = drafts.map((draft) => ({
            type: draft.type,
            data: draft.data,
            metadata: {
              messageId: draft.eventId,
              eventId: draft.eventId,
              schemaVersion: draft.schemaVersion,
              commandId: draft.metadata.commandId,
              correlationId: draft.metadata.correlationId,
              causationId: draft.metadata.causationId,
              recordedAt: draft.metadata.recordedAt,
            },
          }));
          const outcome = await db.appendToEmmett({
            logKey,
            streamId,
            messages,
            expectedStreamVersion: actual,
            recordedAtMs: recordedAt.getTime(),
          });
          if (outcome.ok) {
            const recorded = drafts.map((draft, index) => ({ ...draft, globalPosition: outcome.firstPosition + index }));
            return { nextExpectedVersion: actual + events.length, events: recorded, alreadyRecorded: false };
          }
          // Another writer (another server process on PostgreSQL) got in between the check and the append. An exact
          // expectation is now stale; 'any' and 'streamExists' look again.
          if (typeof expected === 'number' || expected === 'noStream' || attempt >= racesRetried) {
            const again = await recordedIds(logKey, eventIds);
            const version = await versionOf(logKey, streamId);
            if (again.length > 0) {
              return { nextExpectedVersion: version, events: matchRetriedAppend(streamId, events, expected, version, again), alreadyRecorded: true };
            }
            throw new ConcurrencyError(streamId, expected, version);
          }
        }
      });
      if (!result.alreadyRecorded && result.events.length > 0)
        listeners.notify({ headPosition: result.events[result.events.length - 1]!.globalPosition });
      return result;
    },

    async readStream(streamId, { from = 1, to } = {}) {
      const logKey = await logKeys.current();
      return rows(
        `${selectEvents} WHERE l.log_key = ? AND l.stream_id = ? AND l.stream_position >= ? AND l.stream_position <= ?
          ORDER BY l.stream_position`,
        [logKey, streamId, Math.max(from, 1), to === undefined ? Number.MAX_SAFE_INTEGER : to],
      );
    },

    async streamVersion(streamId) {
      return versionOf(await logKeys.current(), streamId);
    },

    async readAll({ after = 0, limit = 1000 } = {}) {
      const logKey = await logKeys.current();
      if (limit <= 0) return [];
      return rows(`${selectEvents} WHERE l.log_key = ? AND l.position > ? ORDER BY l.position LIMIT ?`, [
        logKey,
        Math.max(after, 0),
        Math.floor(limit),
      ]);
    },

    async headPosition() {
      return headOf(await logKeys.current());
    },

    async eventsOfCommand(commandId) {
      const logKey = await logKeys.current();
      return rows(`${selectEvents} WHERE l.log_key = ? AND l.command_id = ? ORDER BY l.position`, [logKey, commandId]);
    },

    async streamIds(prefix = '') {
      const logKey = await logKeys.current();
      const found = await db.read.query<{ stream_id: string }>(
        `SELECT stream_id FROM classroom_log WHERE log_key = ? AND stream_position = 1 ORDER BY position`,
        [logKey],
      );
      return found.map((row) => row.stream_id).filter((streamId) => streamId.startsWith(prefix));
    },

    subscribe(listener) {
      return listeners.add(listener);
    },

    async saveSnapshot(snapshot) {
      const logKey = await logKeys.current();
      await db.write(async (sql) => {
        await sql.command('DELETE FROM classroom_snapshots WHERE log_key = ? AND stream_id = ?', [logKey, snapshot.streamId]);
        await sql.command('INSERT INTO classroom_snapshots (log_key, stream_id, snapshot) VALUES (?, ?, ?)', [
          logKey,
          snapshot.streamId,
          JSON.stringify(snapshot),
        ]);
      });
    },

    async loadSnapshot(streamId) {
      const logKey = await logKeys.current();
      const [row] = await db.read.query<{ snapshot: string }>(
        'SELECT snapshot FROM classroom_snapshots WHERE log_key = ? AND stream_id = ?',
        [logKey, streamId],
      );
      return row === undefined ? undefined : (JSON.parse(row.snapshot) as Snapshot);
    },

    /** A new generation of the log: Emmett's tables keep the old events (events are never deleted), unread. */
    async clear() {
      await logKeys.next();
      listeners.notify({ headPosition: 0 });
    },

    close() {
      listeners.clear();
    },
  };
  return store;
}

function parsed(value: string): Record<string, unknown> {
  return JSON.parse(value) as Record<string, unknown>;
}

function toRecordedEvent(row: LogRow): RecordedEvent {
  const metadata = parsed(row.message_metadata);
  return {
    eventId: String(metadata.eventId),
    globalPosition: Number(row.position),
    streamId: row.stream_id,
    streamPosition: Number(row.stream_position),
    type: row.message_type,
    schemaVersion: Number(metadata.schemaVersion ?? 1),
    data: parsed(row.message_data),
    metadata: {
      commandId: String(metadata.commandId),
      correlationId: String(metadata.correlationId),
      causationId: String(metadata.causationId),
      recordedAt: String(metadata.recordedAt),
    },
  };
}
