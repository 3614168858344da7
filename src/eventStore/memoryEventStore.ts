import { checkExpectedVersion, matchRetriedAppend, recordableEvents, toRecordedEvents, validateNewEvents } from './appendRules';
import { createListeners } from './listeners';
import { upcastAll, type Upcasting } from './upcasters';
import type { AppendResult, EventStore, RecordedEvent, Snapshot } from './types';

export type MemoryEventStoreOptions = {
  /** Applied to every event read; the stored events stay as written. */
  readonly upcasting?: Upcasting;
  /** Time stamped on recorded events. Defaults to the wall clock. */
  readonly now?: () => string;
};

/**
 * The event store in plain memory: what the Dexie store does, without persistence. Every lookup is by key
 * (stream, command, event id) or by array index, never a scan of the whole log.
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): EventStore {
  const now = options.now ?? wallClockIso();
  const present = (events: RecordedEvent[]) => upcastAll(events, options.upcasting);

  let log: RecordedEvent[] = [];
  /** Insertion order of the map = order of each stream's first event. */
  let streams = new Map<string, RecordedEvent[]>();
  let byEventId = new Map<string, RecordedEvent>();
  let byCommandId = new Map<string, RecordedEvent[]>();
  let snapshots = new Map<string, Snapshot>();
  const listeners = createListeners();

  const versionOf = (streamId: string) => streams.get(streamId)?.length ?? 0;

  const store: EventStore = {
    async appendToStream(streamId, appended, appendOptions = {}): Promise<AppendResult> {
      const expected = appendOptions.expectedVersion ?? 'any';
      validateNewEvents(streamId, appended, expected);
      // Everything that can fail (copying data that is not plain) happens before the first write: all or nothing.
      const events = recordableEvents(appended);
      const actual = versionOf(streamId);

      let alreadyRecorded: RecordedEvent[] | undefined;
      for (const event of events) {
        const recorded = byEventId.get(event.eventId);
        if (recorded) (alreadyRecorded ??= []).push(recorded);
      }
      if (alreadyRecorded !== undefined) {
        alreadyRecorded.sort((a, b) => a.globalPosition - b.globalPosition);
        const recorded = matchRetriedAppend(streamId, events, expected, actual, alreadyRecorded);
        return { nextExpectedVersion: actual, events: present(recorded), alreadyRecorded: true };
      }
      checkExpectedVersion(streamId, expected, actual);
      if (events.length === 0) return { nextExpectedVersion: actual, events: [], alreadyRecorded: false };

      const recorded = toRecordedEvents(streamId, events, actual, log.length, now());
      for (let index = 0; index < recorded.length; index += 1) {
        const event = recorded[index]!;
        recorded[index] = Object.freeze({ ...event, metadata: Object.freeze(event.metadata) });
      }

      let stream = streams.get(streamId);
      if (!stream) streams.set(streamId, (stream = []));
      for (const event of recorded) {
        log.push(event);
        stream.push(event);
        byEventId.set(event.eventId, event);
        const ofCommand = byCommandId.get(event.metadata.commandId);
        if (ofCommand) ofCommand.push(event);
        else byCommandId.set(event.metadata.commandId, [event]);
      }
      listeners.notify({ headPosition: log.length });
      return { nextExpectedVersion: stream.length, events: present(recorded), alreadyRecorded: false };
    },

    async readStream(streamId, { from = 1, to } = {}) {
      const stream = streams.get(streamId) ?? [];
      return present(stream.slice(Math.max(from, 1) - 1, to === undefined ? undefined : Math.max(to, 0)));
    },

    async streamVersion(streamId) {
      return versionOf(streamId);
    },

    async readAll({ after = 0, limit = 1000 } = {}) {
      const start = Math.max(after, 0);
      return present(log.slice(start, start + Math.max(limit, 0)));
    },

    async headPosition() {
      return log.length;
    },

    async eventsOfCommand(commandId) {
      const recorded = byCommandId.get(commandId);
      return recorded === undefined ? [] : present([...recorded]);
    },

    async streamIds(prefix = '') {
      return [...streams.keys()].filter((streamId) => streamId.startsWith(prefix));
    },

    subscribe(listener) {
      return listeners.add(listener);
    },

    async saveSnapshot(snapshot) {
      snapshots.set(snapshot.streamId, structuredClone(snapshot));
    },

    async loadSnapshot(streamId) {
      const snapshot = snapshots.get(streamId);
      return snapshot && structuredClone(snapshot);
    },

    async clear() {
      log = [];
      streams = new Map();
      byEventId = new Map();
      byCommandId = new Map();
      snapshots = new Map();
      listeners.notify({ headPosition: 0 });
    },

    close() {
      listeners.clear();
    },
  };
  return store;
}

/**
 * The wall clock as an ISO string, formatted once per millisecond: `toISOString` costs about as much as the rest
 * of an append, and a burst of appends within one millisecond stamps the same time anyway.
 */
function wallClockIso(): () => string {
  let lastMs = Number.NaN;
  let lastIso = '';
  return () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    return lastIso;
  };
}
