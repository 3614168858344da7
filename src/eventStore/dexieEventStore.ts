import type { WorkbookDb, EventRow } from '../db/schema';
import { storageFailure } from '../db/open';
import { isConstraintError } from '../db/errors';
import { generationTables, startNewLogGeneration } from '../db/logGeneration';
import { checkExpectedVersion, matchesExpectedVersion, matchRetriedAppend, recordableEvents, toRecordedEvents, validateNewEvents } from './appendRules';
import { ConcurrencyError } from './errors';
import { createListeners } from './listeners';
import { upcastAll, type Upcasting } from './upcasters';
import type { AppendNotice, AppendResult, CommandDecision, CommandLoad, CommandLoadRequest, EventStore, RecordedEvent } from './types';

export type DexieEventStoreOptions = {
  /** BroadcastChannel that carries append notices between tabs. Defaults to `<db name>:appends`. */
  readonly channelName?: string;
  /** Applied to every event read; stored rows are never rewritten. */
  readonly upcasting?: Upcasting;
  /** Time stamped on recorded events. Defaults to the wall clock. */
  readonly now?: () => string;
};

const streamIndex = '[streamId+streamPosition]';

/**
 * How many of a stream's first events `loadForCommand` reads together with the command id and the snapshot: more
 * than the app's snapshot interval (50), so a stream without a snapshot yet is read whole in that one wait.
 */
const firstEventsRead = 64;

/** What a command's reads found: the load, the log's head, and the stream's version when the rows read show it. */
type CommandRead = { readonly loaded: CommandLoad; readonly head: number; readonly version?: number };

/**
 * The event store on IndexedDB. Each append is one read-write transaction that reads the stream's version, checks
 * it and writes the whole batch; IndexedDB runs read-write transactions on one table one after another, across
 * tabs too, and the unique `[streamId+streamPosition]` index refuses a second event at a taken position even if
 * that ever failed. The transaction awaits only IndexedDB calls: awaiting anything else would let it commit early.
 *
 * `close()` stops this store's subscriptions; the db belongs to whoever opened it (the projector shares it).
 */
export function createDexieEventStore(db: WorkbookDb, options: DexieEventStoreOptions = {}): EventStore {
  const now = options.now ?? (() => new Date().toISOString());
  const present = (rows: readonly (EventRow | RecordedEvent)[]) => upcastAll(rows.map(toRecordedEvent), options.upcasting);
  const listeners = createListeners();
  const channelName = options.channelName ?? `${db.name}:appends`;
  let channel: BroadcastChannel | undefined;
  let closed = false;

  /** Lazily opened: a store nobody subscribes to and nobody appends to keeps no channel. */
  function openChannel(): BroadcastChannel | undefined {
    if (channel || closed || typeof BroadcastChannel === 'undefined') return channel;
    channel = new BroadcastChannel(channelName);
    channel.onmessage = (message: MessageEvent<unknown>) => {
      const headPosition = (message.data as Partial<AppendNotice> | null)?.headPosition;
      if (typeof headPosition === 'number') listeners.notify({ headPosition });
    };
    // Node keeps its process alive for an open channel; a browser tab has nothing to unref.
    (channel as { unref?: () => void }).unref?.();
    return channel;
  }

  /**
   * Notices this tab told its own listeners and not yet the other tabs. Posting one costs the page a trip to the
   * browser process (half a millisecond in Chromium, a tenth of a command), which the writer need not wait for: the
   * other tabs hear a task later, while this one waits on IndexedDB, one message for a run of appends (only the
   * newest head of a run; a head that went down, a cleared log, is kept).
   */
  let unposted: AppendNotice[] = [];
  function postUnposted(): void {
    const notices = unposted;
    unposted = [];
    try {
      for (const notice of notices) openChannel()?.postMessage(notice);
    } catch {
      // A closed channel (the store was closed) has no other tab to tell.
    }
  }

  function announce(notice: AppendNotice): void {
    listeners.notify(notice);
    const last = unposted.at(-1);
    if (last === undefined) setTimeout(postUnposted, 0);
    if (last !== undefined && notice.headPosition >= last.headPosition) unposted[unposted.length - 1] = notice;
    else unposted.push(notice);
  }

  /** Storage failures become StorageErrors with a message a person can act on; everything else is unchanged. */
  async function guarded<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw storageFailure(db, error) ?? error;
    }
  }

  /** Rows already recorded under these event ids (a retried append); one id, the usual case, is a plain key range. */
  function recordedAlready(ids: readonly string[]): Promise<EventRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const byId = db.events.where('eventId');
    return (ids.length === 1 ? byId.equals(ids[0]!) : byId.anyOf(ids)).toArray();
  }

  /** The stream's events from a position on, at most `limit` of them: one request (IndexedDB's getAll). */
  function streamFrom(streamId: string, from: number, limit?: number): Promise<EventRow[]> {
    const range = db.events.where(streamIndex).between([streamId, from], [streamId, Infinity], true, true);
    return (limit === undefined ? range : range.limit(limit)).toArray();
  }

  async function versionOf(streamId: string): Promise<number> {
    const last = await db.events.where(streamIndex).between([streamId, 0], [streamId, Infinity], true, true).last();
    return last?.streamPosition ?? 0;
  }

  /** The tables a command reads (and writes): the subjects' keys too, so the crypto layer's lookups join in. */
  const commandScope = () => [db.events, db.snapshots, db.subjectKeys];

  /**
   * Streams a command found longer than its first read (`firstEventsRead`), the last ones first (bounded): a command
   * that appends asks for their snapshot with its first reads. Any other stream's snapshot it asks for only when the
   * stream turns out that long: on a shorter one the snapshot saves no reading, and asking costs every command.
   */
  const longStreams = new Set<string>();
  const rememberLong = (streamId: string) => {
    longStreams.delete(streamId);
    if (longStreams.size >= 10_000) longStreams.delete(longStreams.values().next().value!);
    longStreams.add(streamId);
  };

  /**
   * A command's reads, inside the caller's transaction. The command id, the snapshot, the stream from its first
   * event (up to `firstEventsRead` of them with a snapshot to use: a stream that short is all there, a longer one is
   * read again after its snapshot) and, for a command that appends in the same transaction, the log's head are
   * asked together: one wait on the storage process, not four. The reads are unused when the command ran.
   */
  async function readForCommand(
    { commandId, streamId, snapshotStateVersion, alsoRead, readAlongside }: CommandLoadRequest,
    { appending }: { readonly appending: boolean },
  ): Promise<CommandRead> {
    const snapshotFirst = snapshotStateVersion !== undefined && (!appending || longStreams.has(streamId));
    const [earlier, snapshotRead, first, headKey] = await Promise.all([
      db.events.where('commandId').equals(commandId).toArray(),
      snapshotFirst ? db.snapshots.get(streamId) : undefined,
      streamFrom(streamId, 1, snapshotStateVersion === undefined ? undefined : firstEventsRead),
      // The key alone (the global position), not the newest row: no event body read on every command.
      appending ? (db.events.orderBy(':id').lastKey() as Promise<number | undefined>) : undefined,
      readAlongside?.(),
    ]);
    const head = headKey ?? 0;
    let read: CommandRead;
    if (earlier.length > 0) {
      read = { loaded: { earlier: present(earlier.sort((a, b) => a.globalPosition - b.globalPosition)), tail: [] }, head };
    } else {
      const whole = snapshotStateVersion === undefined || first.length < firstEventsRead;
      if (!whole && appending) rememberLong(streamId);
      const snapshot = whole || snapshotFirst ? snapshotRead : await db.snapshots.get(streamId);
      const usable = snapshot?.stateVersion === snapshotStateVersion ? snapshot : undefined;
      const after = usable?.streamPosition ?? 0;
      const rows = whole ? first.slice(after) : await streamFrom(streamId, after + 1);
      // The stream's version, where the rows show it: read whole, or up to its end after the snapshot.
      const version = rows.at(-1)?.streamPosition ?? (whole ? (first.at(-1)?.streamPosition ?? 0) : undefined);
      const tail = present(rows);
      read = { loaded: usable === undefined ? { earlier: [], tail } : { earlier: [], snapshot: usable, tail }, head, ...(version === undefined ? {} : { version }) };
    }
    await alsoRead?.(read.loaded);
    return read;
  }

  const store: EventStore = {
    async appendToStream(streamId, appended, appendOptions = {}): Promise<AppendResult> {
      const expected = appendOptions.expectedVersion ?? 'any';
      validateNewEvents(streamId, appended, expected);
      // The same check as the memory store's, before the transaction: IndexedDB would clone a cycle or a Date.
      const events = recordableEvents(appended);
      const recordedAt = now();
      let outcome: { result: AppendResult; rows: readonly (EventRow | RecordedEvent)[] };
      try {
        outcome = await db.transaction('rw', db.events, async () => {
          // The three reads go out together: IndexedDB answers them in order, and the page waits one round trip to
          // the storage process instead of three (a command per transaction is mostly such waits).
          const [actual, earlier, headKey] = await Promise.all([
            versionOf(streamId),
            recordedAlready(events.map((event) => event.eventId)),
            // The key alone (the global position), not the newest row: no event body read on every append.
            db.events.orderBy(':id').lastKey() as Promise<number | undefined>,
          ]);
          if (earlier.length > 0) {
            earlier.sort((a, b) => a.globalPosition - b.globalPosition);
            const rows = matchRetriedAppend(streamId, events, expected, actual, earlier.map(toRecordedEvent));
            return { result: { nextExpectedVersion: actual, events: [], alreadyRecorded: true }, rows };
          }
          checkExpectedVersion(streamId, expected, actual);
          if (events.length === 0)
            return { result: { nextExpectedVersion: actual, events: [], alreadyRecorded: false }, rows: [] };
          // Last + 1 inside the transaction, not an auto-increment key: an aborted append leaves no gap.
          const head = headKey ?? 0;
          const rows = toRecordedEvents(streamId, events, actual, head, recordedAt).map(toRow);
          await db.events.bulkAdd(rows);
          return { result: { nextExpectedVersion: actual + rows.length, events: [], alreadyRecorded: false }, rows };
        });
      } catch (error) {
        if (isConstraintError(error)) {
          // Another connection took the position between our read and our write: the same as a stale version.
          const actual = await guarded(() => versionOf(streamId));
          throw new ConcurrencyError(streamId, expected, actual, 'Another writer took the same stream position.');
        }
        throw storageFailure(db, error) ?? error;
      }
      const { result, rows } = outcome;
      if (!result.alreadyRecorded && rows.length > 0) announce({ headPosition: rows[rows.length - 1]!.globalPosition });
      return { ...result, events: present(rows) };
    },

    readStream(streamId, { from = 1, to = Infinity } = {}) {
      return guarded(async () =>
        present(await db.events.where(streamIndex).between([streamId, from], [streamId, to], true, true).toArray()),
      );
    },

    streamVersion(streamId) {
      return guarded(() => versionOf(streamId));
    },

    readAll({ after = 0, limit = 1000 } = {}) {
      return guarded(async () =>
        limit <= 0 ? [] : present(await db.events.where(':id').above(after).limit(limit).toArray()),
      );
    },

    headPosition() {
      return guarded(async () => ((await db.events.orderBy(':id').lastKey()) as number | undefined) ?? 0);
    },

    eventsOfCommand(commandId) {
      return guarded(async () => {
        const rows = await db.events.where('commandId').equals(commandId).toArray();
        return present(rows.sort((a, b) => a.globalPosition - b.globalPosition));
      });
    },

    loadForCommand(request) {
      return guarded(() =>
        // The subjects' keys are in the read's scope: the crypto layer's lookup (`alsoRead`) joins this transaction.
        db.transaction('r', commandScope(), async () => (await readForCommand(request, { appending: false })).loaded),
      );
    },

    async commandTransaction(request) {
      const { streamId, decide } = request;
      const recordedAt = now();
      let read: CommandRead | undefined;
      let decision: CommandDecision | undefined;
      /** The rows written; undefined when the decision is left to `appendToStream`, after the transaction. */
      let rows: EventRow[] | undefined = [];
      try {
        await db.transaction('rw', commandScope(), async () => {
          read = await readForCommand(request, { appending: true });
          decision = await decide(read.loaded);
          if (decision === undefined || decision.events.length === 0) return;
          // appendToStream's own checks, on the version read in this very transaction.
          validateNewEvents(streamId, decision.events, decision.expectedVersion);
          const events = recordableEvents(decision.events);
          const actual = read.version ?? (await versionOf(streamId));
          if (!matchesExpectedVersion(decision.expectedVersion, actual)) {
            rows = undefined;
            return;
          }
          rows = toRecordedEvents(streamId, events, actual, read.head, recordedAt).map(toRow);
          await db.events.bulkAdd(rows);
        });
      } catch (error) {
        // A unique index refused the rows: an event id is taken (no other writer reaches the stream inside this
        // transaction, so no position can be). Left to appendToStream too.
        if (!(isConstraintError(error) && decision !== undefined)) throw storageFailure(db, error) ?? error;
        rows = undefined;
      }
      const { loaded } = read!;
      if (rows === undefined) {
        // A stale version or a taken event id: appendToStream, which reads the events' ids first, tells a retry of
        // these very events (answered as recorded) from a conflict, with its own ConcurrencyError.
        const { events, ...options } = decision!;
        return { loaded, appended: await store.appendToStream(streamId, events, options) };
      }
      if (rows.length === 0) return { loaded };
      const last = rows[rows.length - 1]!;
      announce({ headPosition: last.globalPosition });
      return { loaded, appended: { nextExpectedVersion: last.streamPosition, events: present(rows), alreadyRecorded: false } };
    },

    streamIds(prefix = '') {
      return guarded(async () => {
        // Walks index keys only (no event bodies), one step per stream: its position 1 and the global position it
        // got, then straight past the rest of the stream (100,000 events in 25,000 streams: 25,000 steps, not
        // 100,000). A key cursor's continue(key) is not in Dexie's API, so this is IndexedDB's own.
        if (!db.isOpen()) await db.open();
        const index = db.backendDB().transaction(db.events.name, 'readonly').objectStore(db.events.name).index(streamIndex);
        const range = prefix ? IDBKeyRange.bound([prefix, 0], [`${prefix}\uffff`, Infinity]) : undefined;
        const firsts = await new Promise<{ streamId: string; globalPosition: number }[]>((resolve, reject) => {
          const found: { streamId: string; globalPosition: number }[] = [];
          const request = index.openKeyCursor(range);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const cursor = request.result;
            if (cursor === null) return resolve(found);
            const [streamId, streamPosition] = cursor.key as [string, number];
            if (streamPosition === 1 && streamId.startsWith(prefix)) found.push({ streamId, globalPosition: cursor.primaryKey as number });
            cursor.continue([streamId, Infinity]);
          };
        });
        return firsts.sort((a, b) => a.globalPosition - b.globalPosition).map((first) => first.streamId);
      });
    },

    subscribe(listener) {
      openChannel();
      return listeners.add(listener);
    },

    saveSnapshot(snapshot) {
      return guarded(async () => {
        await db.snapshots.put(snapshot);
      });
    },

    loadSnapshot(streamId) {
      return guarded(() => db.snapshots.get(streamId));
    },

    clear() {
      return guarded(async () => {
        // Clearing the log replaces it: its read models go in the same transaction (db/logGeneration.ts).
        await db.transaction('rw', [db.events, db.snapshots, ...generationTables(db)], async () => {
          await db.events.clear();
          await db.snapshots.clear();
          await startNewLogGeneration(db);
        });
        announce({ headPosition: 0 });
      });
    },

    close() {
      postUnposted();
      closed = true;
      listeners.clear();
      channel?.close();
      channel = undefined;
    },
  };
  return store;
}

/** `commandId` is lifted out of the metadata so that `eventsOfCommand` is an index lookup. */
function toRow(event: RecordedEvent): EventRow {
  return { ...event, commandId: event.metadata.commandId };
}

function toRecordedEvent(row: EventRow | RecordedEvent): RecordedEvent {
  const { commandId: _lifted, ...event } = row as EventRow;
  return event;
}
