import { fold, type Decider } from '../domain/core/decider';
import type { Message } from '../domain/core/message';
import { CommandIdReusedError, ConcurrencyError } from './errors';
import { isForgotten } from '../privacy/personalData';
import type { CommandTransaction, EventStore, NewEvent, RecordedEvent, Snapshot } from './types';
import { isStreamMigrated, StreamMigratedError } from './streamMigration';

/** Take a snapshot each time a stream's version crosses a multiple of `every`. */
export type SnapshotPolicy = {
  readonly every: number;
  /** The shape of the state; bump it when the state type changes so old snapshots are ignored (replayed instead). */
  readonly stateVersion: number;
};

/** A stream's state as rebuilt from the store, and what it cost (the snapshot demo shows `eventsRead`). */
export type Rehydrated<State> = {
  readonly state: State;
  /** The stream version the state includes. */
  readonly version: number;
  /** Events read and folded: the whole stream without a snapshot, only the tail after one. */
  readonly eventsRead: number;
  /** Stream position of the snapshot used, null when the state was replayed from the first event. */
  readonly fromSnapshot: number | null;
  /** The stream a copy-and-transform migration moved this one's events to (its marker ends the stream); else null. */
  readonly migratedTo: string | null;
};

export type RehydrateOptions = {
  readonly snapshots?: SnapshotPolicy;
  /** Rebuild the state as of this stream version (inclusive) rather than the latest. */
  readonly upTo?: number;
};

type DomainEvent = Message<string, unknown>;

/** Snapshot (when one of the right `stateVersion` exists) + the events after it, folded with `evolve`. */
export async function rehydrate<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  { snapshots, upTo }: RehydrateOptions = {},
): Promise<Rehydrated<State>> {
  const snapshot = snapshots ? await store.loadSnapshot(streamId) : undefined;
  const usable =
    snapshot !== undefined &&
    snapshot.stateVersion === snapshots?.stateVersion &&
    (upTo === undefined || snapshot.streamPosition <= upTo);
  const start = usable ? snapshot.streamPosition : 0;
  const tail = await store.readStream(streamId, { from: start + 1, ...(upTo === undefined ? {} : { to: upTo }) });
  return foldLoaded(decider, usable ? snapshot : undefined, tail);
}

/** A state from what `loadForCommand` read: its snapshot (already checked for the state version) and the tail. */
function foldLoaded<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  snapshot: Snapshot | undefined,
  tail: readonly RecordedEvent[],
): Rehydrated<State> {
  const start = snapshot?.streamPosition ?? 0;
  // The store holds what this decider's `decide` produced (upcast to today's schema), so the cast is the contract.
  // A recorded event carries `type` and `data` like the decider's events; folding it directly saves a copy per event.
  const last = tail.at(-1);
  // A migration's marker is no fact of the aggregate: no decider knows it, so it is left out of the fold.
  const migrated = isStreamMigrated(last);
  const events = (migrated ? tail.slice(0, -1) : tail) as readonly RecordedEvent[] as unknown as readonly Event[];
  return {
    state: fold(decider.evolve, events, snapshot ? (snapshot.state as State) : decider.initialState()),
    version: last?.streamPosition ?? start,
    eventsRead: tail.length,
    fromSnapshot: snapshot ? start : null,
    migratedTo: migrated ? last.data.migratedTo : null,
  };
}

export type HandleCommandOptions<Command, Event extends DomainEvent, State> = {
  readonly store: EventStore;
  readonly decider: Decider<Command, Event, State>;
  readonly streamId: string;
  readonly command: Command;
  /** Idempotency key: handling the same commandId twice records its events once. */
  readonly commandId: string;
  /** Defaults to `commandId`. */
  readonly correlationId?: string;
  /** Defaults to `commandId`. */
  readonly causationId?: string;
  /** Time stamped on snapshots. Defaults to the wall clock. */
  readonly now?: () => string;
  /** Schema version written for each event type (e.g. `orderEventSchemaVersions`); 1 when missing. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
  readonly snapshots?: SnapshotPolicy;
  /** Conflicts retried (load, decide, append again) before the ConcurrencyError reaches the caller. Defaults to 3. */
  readonly maxRetries?: number;
  /**
   * The stream version the caller decided on (an HTTP client's `If-Match`): the command is refused with a
   * ConcurrencyError, and never retried, unless the stream is still at exactly this version when it is appended.
   */
  readonly expectedVersion?: number;
};

export type CommandResult<State> = {
  /** The events this command recorded (for a replay: recorded the first time). Empty when it changed nothing. */
  readonly events: readonly RecordedEvent[];
  /** The stream's state right after those events. */
  readonly state: State;
  readonly nextExpectedVersion: number;
  /** True when the commandId had already been handled and nothing new was written. */
  readonly idempotentReplay: boolean;
  /** How many times the stream was loaded and the command decided (1 without conflicts). */
  readonly attempts: number;
  /** True when this command's append crossed a snapshot boundary and the snapshot was stored. */
  readonly snapshotSaved: boolean;
};

/**
 * The command side in one function: load (snapshot + tail), decide, append with the version that was loaded.
 * A conflict means another writer got in between, so the whole load–decide–append is retried on the new state,
 * at most `maxRetries` times. Domain errors from `decide` propagate unchanged and write nothing.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  options: HandleCommandOptions<Command, Event, State>,
): Promise<CommandResult<State>> {
  const { store, decider, streamId, command, commandId, snapshots, maxRetries = 3 } = options;
  const now = options.now ?? wallClock;
  const metadata = {
    commandId,
    correlationId: options.correlationId ?? commandId,
    causationId: options.causationId ?? commandId,
  };
  if (snapshots && !(Number.isInteger(snapshots.every) && snapshots.every >= 1))
    throw new RangeError(`snapshots.every must be a whole number ≥ 1, got ${snapshots.every}`);

  const loadRequest = snapshots ? { commandId, streamId, snapshotStateVersion: snapshots.stateVersion } : { commandId, streamId };

  for (let attempt = 1; ; attempt += 1) {
    // Checked on every attempt: the conflict being retried may be this very command, recorded by another tab.
    // A store that can answers the idempotency check, the snapshot and the stream in one read (loadForCommand), and
    // decides and appends in that same transaction when nothing above it must wait on anything else
    // (commandTransaction: the crypto layer's WebCrypto work, when there is some, waits until after it).
    let inside: { readonly loaded: Rehydrated<State>; readonly decided: readonly Event[] } | undefined;
    let transaction: CommandTransaction | undefined;
    try {
      transaction = await store.commandTransaction?.({
        ...loadRequest,
        decide(load) {
          if (load.earlier.length > 0) return undefined;
          const loaded = foldLoaded(decider, load.snapshot, load.tail);
          if (loaded.migratedTo !== null || (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version)) return undefined;
          let decided: readonly Event[];
          try {
            decided = decider.decide(command, loaded.state);
          } catch {
            // A refusal of the domain is thrown after the transaction, which then wrote nothing (decided again below).
            return undefined;
          }
          inside = { loaded, decided };
          return decided.length === 0 ? undefined : { events: toNewEvents(decided, commandId, metadata, options.schemaVersions), expectedVersion: expectedVersionOf(loaded.version), command };
        },
        decideOnEmptyStream() {
          if (options.expectedVersion !== undefined && options.expectedVersion !== 0) return undefined;
          try {
            const decided = decider.decide(command, decider.initialState());
            return decided.length === 0 ? undefined : { events: toNewEvents(decided, commandId, metadata, options.schemaVersions), expectedVersion: expectedVersionOf(0), command };
          } catch {
            return undefined;
          }
        },
      });
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt <= maxRetries && options.expectedVersion === undefined) continue;
      throw error;
    }
    const load = transaction?.loaded ?? (store.loadForCommand ? await store.loadForCommand(loadRequest) : undefined);
    const earlier = load ? load.earlier : await store.eventsOfCommand(commandId);
    if (earlier.length > 0) return replay(options, earlier, attempt);

    const loaded = inside?.loaded ?? (load ? foldLoaded(decider, load.snapshot, load.tail) : await rehydrate(store, decider, streamId, snapshots ? { snapshots } : {}));
    if (loaded.migratedTo !== null) throw new StreamMigratedError(streamId, loaded.migratedTo);
    // The caller saw another version: deciding on this one would act on a state they never saw. Nothing is written.
    if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version)
      throw new ConcurrencyError(streamId, options.expectedVersion, loaded.version);
    const decided = inside?.decided ?? decider.decide(command, loaded.state);
    if (decided.length === 0)
      return {
        events: [],
        state: loaded.state,
        nextExpectedVersion: loaded.version,
        idempotentReplay: false,
        attempts: attempt,
        snapshotSaved: false,
      };

    let appended = transaction?.appended;
    try {
      appended ??= await store.appendToStream(streamId, toNewEvents(decided, commandId, metadata, options.schemaVersions), {
        expectedVersion: expectedVersionOf(loaded.version),
        command,
      });
    } catch (error) {
      // A retry would decide on a version the caller never saw: only commands without an expected version retry.
      if (error instanceof ConcurrencyError && attempt <= maxRetries && options.expectedVersion === undefined) continue;
      throw error;
    }
    if (appended.alreadyRecorded) return replay(options, appended.events, attempt);

    const state = fold(decider.evolve, decided, loaded.state);
    const version = appended.nextExpectedVersion;
    let snapshotSaved = false;
    if (snapshots && Math.floor(version / snapshots.every) > Math.floor(loaded.version / snapshots.every)) {
      try {
        await store.saveSnapshot({
          streamId,
          streamPosition: version,
          stateVersion: snapshots.stateVersion,
          state,
          takenAt: now(),
        });
        snapshotSaved = true;
      } catch {
        // A snapshot is only a shortcut: the events are recorded, so the command succeeded; the next load replays.
      }
    }
    return {
      events: appended.events,
      state,
      nextExpectedVersion: version,
      idempotentReplay: false,
      attempts: attempt,
      snapshotSaved,
    };
  }
}

/** The decided events as appended: deterministic ids, so a retried append of the same decision is recognised. */
function toNewEvents(
  decided: readonly DomainEvent[],
  commandId: string,
  metadata: NewEvent['metadata'],
  schemaVersions: Readonly<Record<string, number>> | undefined,
): NewEvent[] {
  const newEvents = new Array<NewEvent>(decided.length);
  for (let index = 0; index < decided.length; index += 1) {
    const { type, data } = decided[index]!;
    newEvents[index] = { eventId: `${commandId}:${index}`, type, schemaVersion: schemaVersions?.[type] ?? 1, data, metadata };
  }
  return newEvents;
}

/**
 * On its own stream, the id's events must be what THIS command decides on the state they were appended to (the
 * decider is pure, so a retry decides the same again); otherwise the id was reused for another command and
 * replaying its events would answer for a command that did nothing.
 *
 * Another stream is not refused here: a caller that mints the stream id per send (PlaceOrder's new order id) sends
 * a true retry to a new stream, and only the caller can tell (it must look the key up before minting).
 *
 * Module functions, not closures inside `handleCommand`: they run only on a replay, and a closure would be made for
 * every command.
 */
async function refuseAnotherCommand<Command, Event extends DomainEvent, State>(
  { store, decider, streamId, command, commandId }: HandleCommandOptions<Command, Event, State>,
  recorded: readonly RecordedEvent[],
): Promise<void> {
  const first = recorded[0]!;
  if (first.streamId !== streamId) return;
  const refuse = () =>
    new CommandIdReusedError(commandId, first.streamId, streamId, recorded.map((event) => event.type));
  const before = await rehydrate(store, decider, streamId, { upTo: first.streamPosition - 1 });
  let decided: readonly Event[];
  try {
    decided = decider.decide(command, before.state);
  } catch {
    throw refuse();
  }
  const same =
    decided.length === recorded.length &&
    decided.every((event, index) => event.type === recorded[index]!.type && sameDecision(event.data, recorded[index]!.data));
  if (!same) throw refuse();
}

/**
 * The answer to a command whose id is recorded (refused if the id was another command's): its events as recorded
 * the first time, and the state after them.
 */
async function replay<Command, Event extends DomainEvent, State>(
  options: HandleCommandOptions<Command, Event, State>,
  recorded: readonly RecordedEvent[],
  attempts: number,
): Promise<CommandResult<State>> {
  await refuseAnotherCommand(options, recorded);
  const { store, decider, snapshots } = options;
  const last = recorded[recorded.length - 1]!;
  const { state } = await rehydrate(store, decider, last.streamId, {
    upTo: last.streamPosition,
    ...(snapshots ? { snapshots } : {}),
  });
  return {
    events: [...recorded],
    state,
    nextExpectedVersion: last.streamPosition,
    idempotentReplay: true,
    attempts,
    snapshotSaved: false,
  };
}

const wallClock = () => new Date().toISOString();

const expectedVersionOf = (version: number) => (version === 0 ? 'noStream' : version);

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Equal event data, where two points in time count as the same: a command retried later is stamped with a later
 * time (`at`), and is still the same command. A personal field whose person was forgotten (crypto-shredding) can no
 * longer be compared: it matches whatever the retry carries, and the rest of the event must still match.
 */
function sameDecision(decided: unknown, recorded: unknown): boolean {
  if (Object.is(decided, recorded)) return true;
  if (isForgotten(recorded)) return true;
  if (typeof decided === 'string' && typeof recorded === 'string') return isoTime.test(decided) && isoTime.test(recorded);
  if (Array.isArray(decided) && Array.isArray(recorded))
    return decided.length === recorded.length && decided.every((item, index) => sameDecision(item, recorded[index]));
  if (typeof decided === 'object' && decided !== null && typeof recorded === 'object' && recorded !== null && !Array.isArray(decided) && !Array.isArray(recorded)) {
    const keys = new Set([...Object.keys(decided), ...Object.keys(recorded)]);
    return [...keys].every((key) => sameDecision((decided as Record<string, unknown>)[key], (recorded as Record<string, unknown>)[key]));
  }
  return false;
}
