import { checkExpectedVersion, frozenRecordedEvents, matchRetriedAppend, validateNewEvents } from './appendRules';
import { createListeners } from './listeners';
import { wallClockIso } from './wallClock';
import { upcast, type Upcasting } from './upcasters';
import type { AppendResult, CommandLoad, EventStore, RecordedEvent, Snapshot } from './types';

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
  const { upcasting } = options;
  /**
   * Every array handed to `present` is a fresh one this store made for the caller, so an event that needs
   * upcasting is replaced in place: no second array per read (reads are half of every command).
   */
  const present = (events: RecordedEvent[]) => {
    if (upcasting)
      for (let index = 0; index < events.length; index += 1)
        events[index] = upcast(events[index]!, upcasting.upcasters, upcasting.currentVersions);
    return events;
  };

  let log: RecordedEvent[] = [];
  /** Insertion order of the map = order of each stream's first event. */
  let streams = new Map<string, RecordedEvent[]>();
  /**
   * Events whose id is not the one `handleCommand` gives them: everything else is found through its command
   * (`recordedEvent`). A map of every id would be a second map as large as the log, probed and grown on every append.
   */
  let irregularIds = new Map<string, RecordedEvent>();
  /**
   * The global position of a command's events: a number for the usual command that appended once (no array per
   * command kept for the life of the store), a list when the same commandId appended several times.
   */
  let byCommandId = new Map<string, number | number[]>();
  let snapshots = new Map<string, Snapshot>();
  const listeners = createListeners();

  /**
   * The stream looked up last: `handleCommand` reads a stream and then appends to it, so the append finds it here
   * instead of hashing the id again. A stream's array never changes identity until `clear`.
   */
  let lastStreamId: string | undefined;
  let lastStream: RecordedEvent[] | undefined;
  const streamOf = (streamId: string): RecordedEvent[] | undefined => {
    if (streamId !== lastStreamId) {
      lastStream = streams.get(streamId);
      lastStreamId = lastStream === undefined ? undefined : streamId;
    }
    return lastStream;
  };
  const versionOf = (streamId: string) => streamOf(streamId)?.length ?? 0;
  /**
   * A command id just looked up and not found, with no append since: `handleCommand` checks its command id and then
   * appends under it, so the append need not look it up again. Any append forgets it.
   */
  let unrecordedCommandId: string | undefined;
  const eventsOf = (commandId: string): RecordedEvent[] => {
    const positions = byCommandId.get(commandId);
    if (positions === undefined) {
      unrecordedCommandId = commandId;
      return [];
    }
    if (typeof positions === 'number') return present([log[positions - 1]!]);
    return present(positions.map((position) => log[position - 1]!));
  };

  /** The `index`-th event recorded under a command id (0 = its first), if there is one. */
  const eventOfCommand = (commandId: string, index: number): RecordedEvent | undefined => {
    const positions = byCommandId.get(commandId);
    const position = typeof positions === 'number' ? (index === 0 ? positions : undefined) : positions?.[index];
    return position === undefined ? undefined : log[position - 1];
  };

  /**
   * The event recorded under this id, if any. An id `<commandId>:<k>` held by the k-th event recorded under that
   * command id (what `handleCommand` writes) is found through the command; any other id is in `irregularIds`.
   */
  const recordedEvent = (eventId: string): RecordedEvent | undefined => {
    // Most logs hold no irregular id at all: the new id is then not hashed for a lookup that cannot hit.
    const irregular = irregularIds.size === 0 ? undefined : irregularIds.get(eventId);
    if (irregular !== undefined) return irregular;
    const colon = eventId.lastIndexOf(':');
    if (colon < 0) return undefined;
    // The command `handleCommand` just found unrecorded (the usual append): none of its ids can be taken.
    if (colon === unrecordedCommandId?.length && eventId.startsWith(unrecordedCommandId)) return undefined;
    const suffix = eventId.slice(colon + 1);
    const index = Number(suffix);
    if (!Number.isInteger(index) || index < 0 || String(index) !== suffix) return undefined;
    const event = eventOfCommand(eventId.slice(0, colon), index);
    return event?.eventId === eventId ? event : undefined;
  };

  /** `loadForCommand`'s read: the command's events, or else the usable snapshot and the stream after it. */
  const loadCommand = (commandId: string, streamId: string, snapshotStateVersion: number | undefined): CommandLoad => {
    const earlier = eventsOf(commandId);
    if (earlier.length > 0) return { earlier, tail: [] };
    const snapshot = snapshotStateVersion === undefined ? undefined : snapshots.get(streamId);
    const usable = snapshot?.stateVersion === snapshotStateVersion ? snapshot : undefined;
    const tail = present((streamOf(streamId) ?? []).slice(usable?.streamPosition ?? 0));
    return usable === undefined ? { earlier, tail } : { earlier, snapshot: structuredClone(usable), tail };
  };

  const store: EventStore = {
    async appendToStream(streamId, appended, appendOptions = {}): Promise<AppendResult> {
      const expected = appendOptions.expectedVersion ?? 'any';
      validateNewEvents(streamId, appended, expected);
      const actual = versionOf(streamId);
      // The events as they would be recorded, data copied and frozen: data no event can hold is refused here,
      // before the first write (all or nothing). Nothing is awaited from here on, so `actual` and the head hold.
      const recorded = frozenRecordedEvents(streamId, appended, actual, log.length, now());

      let alreadyRecorded: RecordedEvent[] | undefined;
      for (const event of recorded) {
        const earlier = recordedEvent(event.eventId);
        if (earlier) (alreadyRecorded ??= []).push(earlier);
      }
      if (alreadyRecorded !== undefined) {
        alreadyRecorded.sort((a, b) => a.globalPosition - b.globalPosition);
        const earlier = matchRetriedAppend(streamId, recorded, expected, actual, alreadyRecorded);
        return { nextExpectedVersion: actual, events: present(earlier), alreadyRecorded: true };
      }
      checkExpectedVersion(streamId, expected, actual);
      if (recorded.length === 0) return { nextExpectedVersion: actual, events: [], alreadyRecorded: false };

      let stream = streamOf(streamId);
      if (!stream) {
        streams.set(streamId, (stream = []));
        lastStreamId = streamId;
        lastStream = stream;
      }
      for (const event of recorded) {
        log.push(event);
        stream.push(event);
        const commandId = event.metadata.commandId;
        const ofCommand = commandId === unrecordedCommandId ? undefined : byCommandId.get(commandId);
        unrecordedCommandId = undefined;
        const index = ofCommand === undefined ? 0 : typeof ofCommand === 'number' ? 1 : ofCommand.length;
        if (!isIdOfCommand(event.eventId, commandId, index)) irregularIds.set(event.eventId, event);
        if (ofCommand === undefined) byCommandId.set(commandId, event.globalPosition);
        else if (typeof ofCommand === 'number') byCommandId.set(commandId, [ofCommand, event.globalPosition]);
        else ofCommand.push(event.globalPosition);
      }
      if (listeners.size > 0) listeners.notify({ headPosition: log.length });
      return { nextExpectedVersion: stream.length, events: present(recorded), alreadyRecorded: false };
    },

    async readStream(streamId, { from = 1, to } = {}) {
      const stream = streamOf(streamId) ?? [];
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
      return eventsOf(commandId);
    },

    async loadForCommand({ commandId, streamId, snapshotStateVersion, alsoRead, readAlongside }) {
      if (readAlongside) await readAlongside();
      const loaded = loadCommand(commandId, streamId, snapshotStateVersion);
      if (alsoRead) await alsoRead(loaded);
      return loaded;
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
      irregularIds = new Map();
      byCommandId = new Map();
      snapshots = new Map();
      lastStreamId = lastStream = unrecordedCommandId = undefined;
      listeners.notify({ headPosition: 0 });
    },

    close() {
      listeners.clear();
    },
  };
  return store;
}

/** Whether `eventId` is `<commandId>:<index>`, checked without building that string. */
function isIdOfCommand(eventId: string, commandId: string, index: number): boolean {
  const at = commandId.length;
  if (!eventId.startsWith(commandId) || eventId.charCodeAt(at) !== 58 /* : */) return false;
  return index < 10 ? eventId.length === at + 2 && eventId.charCodeAt(at + 1) === 48 + index : eventId.slice(at + 1) === String(index);
}
