/**
 * The event store contract (DESIGN.md). Every implementation (memory, Dexie) passes the one contract suite in
 * `test/eventStore/contract.ts`.
 */

/** Why and from where an event was written: lets a trace view follow one command through the system. */
export type EventMetadata = {
  /** The command that produced the event; the idempotency key of `handleCommand`. */
  readonly commandId: string;
  /** Shared by everything that one user action caused (a command, its events, the saga steps after it). */
  readonly correlationId: string;
  /** The message (command or event id) that directly caused this one. */
  readonly causationId: string;
  /** ISO 8601 time at which the store recorded the event. */
  readonly recordedAt: string;
};

/** An event as a caller hands it to `appendToStream`. */
export type NewEvent<Type extends string = string, Data = unknown> = {
  /** Unique id. A retried append recognises its own events by it. */
  readonly eventId: string;
  readonly type: Type;
  /** Defaults to 1. */
  readonly schemaVersion?: number;
  readonly data: Data;
  /** Missing fields default: commandId = eventId, correlationId = commandId, causationId = commandId. */
  readonly metadata?: Partial<Omit<EventMetadata, 'recordedAt'>>;
};

/** An event as the store holds it. Never updated, never deleted. Positions start at 1. */
export type RecordedEvent<Type extends string = string, Data = unknown> = {
  readonly eventId: string;
  /** Position in the whole log, 1, 2, 3, … without gaps. */
  readonly globalPosition: number;
  readonly streamId: string;
  /** Position inside its stream, 1, 2, 3, … without gaps. */
  readonly streamPosition: number;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
};

/**
 * What the caller believes about the stream before appending, as KurrentDB and Emmett define it:
 * - `'any'`: no check;
 * - `'noStream'`: the stream must have no events;
 * - `'streamExists'`: the stream must have at least one event;
 * - a number n ≥ 0: the stream's version (its last `streamPosition`, 0 when empty) must be exactly n.
 */
export type ExpectedVersion = 'any' | 'noStream' | 'streamExists' | number;

export type AppendOptions = {
  /** Defaults to `'any'`. */
  readonly expectedVersion?: ExpectedVersion;
  /**
   * The command that decided these events, for a store that decides it again before recording (the classroom
   * server re-checks every student's command). The memory and Dexie stores trust their caller and ignore it.
   */
  readonly command?: unknown;
};

export type AppendResult = {
  /** The stream's version after the append: pass it as `expectedVersion` next time. */
  readonly nextExpectedVersion: number;
  /** The events as recorded (for an idempotent retry: as recorded the first time). */
  readonly events: readonly RecordedEvent[];
  /** True when every event was already recorded by an earlier attempt and nothing was written. */
  readonly alreadyRecorded: boolean;
};

export type ReadStreamOptions = {
  /** First stream position to return (inclusive). Defaults to 1. */
  readonly from?: number;
  /** Last stream position to return (inclusive). Defaults to the end. */
  readonly to?: number;
};

export type ReadAllOptions = {
  /** Return events with `globalPosition > after`. Defaults to 0. */
  readonly after?: number;
  /** At most this many events. Defaults to 1000. */
  readonly limit?: number;
};

/** Told when the log grows, in this tab or (Dexie) another one. Read the new events with `readAll`. */
export type AppendNotice = {
  readonly headPosition: number;
};

export type Unsubscribe = () => void;

/** The state of one stream at one version, so rehydration can skip the events before it. */
export type Snapshot<State = unknown> = {
  readonly streamId: string;
  /** The stream version the state includes (all events up to and including this position). */
  readonly streamPosition: number;
  /** Which shape of state this is; a snapshot of another version is ignored (replay instead). */
  readonly stateVersion: number;
  readonly state: State;
  readonly takenAt: string;
};

/** What `handleCommand` reads before it decides (see `EventStore.loadForCommand`). */
export type CommandLoadRequest = {
  readonly commandId: string;
  readonly streamId: string;
  /** The snapshot's state version the caller can use; without it no snapshot is read and the tail is the stream. */
  readonly snapshotStateVersion?: number;
  /**
   * What a layer above needs to read about what was loaded (the crypto-shredding layer: the keys its envelopes
   * name), run inside the same read when the store can: IndexedDB then makes one transaction of both. It may only
   * read, and only through the same database (the workbook's `subjectKeys` table).
   */
  readonly alsoRead?: (loaded: CommandLoad) => Promise<void>;
  /**
   * A read of a layer above that needs nothing loaded (the crypto layer: the keys this stream used last time), asked
   * together with the store's own first reads, in the same transaction: IndexedDB then answers all of them in one
   * wait. Same rules as `alsoRead`; it completes before `alsoRead` runs.
   */
  readonly readAlongside?: () => Promise<void>;
};

export type CommandLoad = {
  /** `eventsOfCommand(commandId)`: when it is not empty, `snapshot` and `tail` are not read (empty). */
  readonly earlier: RecordedEvent[];
  /** The stream's snapshot, only when its `stateVersion` is the one asked for. */
  readonly snapshot?: Snapshot;
  /** The stream's events after the snapshot (all of them without one). */
  readonly tail: RecordedEvent[];
};

/** What `commandTransaction` appends: a command's events and the stream version they were decided on. */
export type CommandDecision = {
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
  /** As `AppendOptions.command`, passed on to an `appendToStream` made for this decision. */
  readonly command?: unknown;
};

/** A command's load, and its decision with it (see `EventStore.commandTransaction`). */
export type CommandTransactionRequest = CommandLoadRequest & {
  /**
   * Runs inside the transaction, on what `alsoRead` saw: the events to append, or undefined to append nothing. It
   * may await only reads through the same database, like `alsoRead` (awaiting anything else, WebCrypto included,
   * would commit the transaction). Whatever it throws aborts the transaction. A layer above that must do other work
   * first (the crypto layer: open envelopes, seal new personal fields) calls it after the transaction instead and
   * appends what it returns itself, with `appendToStream` and the expected version it names.
   */
  readonly decide: (loaded: CommandLoad) => CommandDecision | undefined | Promise<CommandDecision | undefined>;
  /**
   * What `decide` would return on a stream with no events (a new aggregate's first command), asked before the
   * transaction, if at all: a layer above may prepare it (the crypto layer seals it ahead, so that such a command is
   * one transaction too), and must still append only what `decide` returns. Pure.
   */
  readonly decideOnEmptyStream?: () => CommandDecision | undefined;
};

export type CommandTransaction = {
  readonly loaded: CommandLoad;
  /** What `decide` returned, as recorded; absent when it returned undefined or no events, or was never called. */
  readonly appended?: AppendResult;
};

export interface EventStore {
  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The stream's version: its last stream position, 0 when it has no events. */
  streamVersion(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The global position of the newest event, 0 when the log is empty. */
  headPosition(): Promise<number>;
  /** Events written by one command, in order; empty when the command was never handled. */
  eventsOfCommand(commandId: string): Promise<RecordedEvent[]>;
  /** Ids of every stream whose id starts with the prefix, in order of first event. */
  streamIds(prefix?: string): Promise<string[]>;
  subscribe(listener: (notice: AppendNotice) => void): Unsubscribe;

  /**
   * Optional: `eventsOfCommand`, `loadSnapshot` and `readStream` for one command in one read, as of one moment.
   * IndexedDB answers them in one transaction instead of three round trips to the browser's storage process;
   * `handleCommand` reads call by call from a store without it.
   */
  loadForCommand?(request: CommandLoadRequest): Promise<CommandLoad>;

  /**
   * Optional: `loadForCommand`, the decision and `appendToStream` in ONE read-write transaction, as of one moment:
   * no other writer (another tab included) can append to the stream between the read and the write, and IndexedDB
   * commits one transaction instead of two. It checks `expectedVersion` and records exactly as `appendToStream`
   * would (the same errors, listeners told after the commit); a write the unique indexes refuse is made again by
   * `appendToStream`, which tells a retry of the same events from a conflict. `decide` is called at most once.
   */
  commandTransaction?(request: CommandTransactionRequest): Promise<CommandTransaction>;

  saveSnapshot(snapshot: Snapshot): Promise<void>;
  loadSnapshot(streamId: string): Promise<Snapshot | undefined>;

  /** Deletes every event and snapshot. Only the simulator's Reset button and tests call it. */
  clear(): Promise<void>;
  close(): void;
}
