import type { AppendOptions, AppendResult, CommandDecision, CommandLoad, CommandLoadRequest, EventStore, NewEvent, RecordedEvent, Snapshot } from '../eventStore/types';
import {
  commandLoadObjects,
  decryptAll,
  decryptFound,
  encryptFields,
  envelopesIn,
  keyIdsOf,
  openedAlready,
  openedLimit,
  plainAgain,
  readable,
  sameDecision,
  seal,
  subjectsOf,
  withPlainObjects,
  type Data,
  type Found,
  type Opened,
  type SealedAhead,
} from './envelopes';
import type { SubjectKey, SubjectKeyStore } from './keyStore';
import { personalFieldsOfState, type SubjectId } from './personalData';

/**
 * Crypto-shredding as a layer around any event store (memory, Dexie): the store below keeps only ciphertext in the
 * personal fields, everything above (handleCommand, the projector, the event log, time travel, the API console)
 * reads plain values, or the forgotten marker where the subject's key is gone.
 *
 * - append: the personal fields of each new event are encrypted with its subject's key (made on first use);
 * - read: every field holding an envelope is decrypted with the key its envelope names; a key that no longer exists
 *   (forgotten, or an import from another browser) yields `forgottenMarker`, never an error;
 * - snapshots: the personal fields of an aggregate's state are shredded the same way.
 *
 * Positions, ids, types and every non-personal field pass through untouched, so idempotency, expected versions and
 * replays work exactly as before. Nothing here ever rewrites a stored event.
 */
export type ShreddingEventStore = EventStore & {
  /** The store underneath, holding ciphertext: what an export writes. */
  readonly recorded: EventStore;
  readonly keys: SubjectKeyStore;
  /** Recorded events (an import) as readers see them: personal fields decrypted, or the marker. */
  readable(events: readonly RecordedEvent[]): Promise<RecordedEvent[]>;
  /**
   * New events with their personal fields encrypted, for a writer that bypasses `appendToStream` (bulk seeding).
   * `keysInUse`: the subjects' keys one bulk write has used so far, shared by its batches (filled in here).
   */
  seal(events: readonly NewEvent[], keysInUse?: Map<SubjectId, SubjectKey>): Promise<NewEvent[]>;
};

export function createShreddingEventStore(store: EventStore, keys: SubjectKeyStore): ShreddingEventStore {
  const opened: Opened = new Map();
  /**
   * The key ids each stream's envelopes named when last read or sealed here (bounded like `opened`): the next
   * command on the stream asks whether they still exist together with the store's own reads, and waits on
   * IndexedDB once instead of twice. Only a guess: the ids actually found are what is looked up, asked again when
   * the guess missed one.
   */
  const keysOfStream = new Map<string, readonly string[]>();
  const rememberKeys = (streamId: string, keyIds: readonly string[]) => {
    if (keyIds.length === 0) return;
    keysOfStream.delete(streamId);
    if (keysOfStream.size >= openedLimit) keysOfStream.delete(keysOfStream.keys().next().value!);
    keysOfStream.set(streamId, [...new Set(keyIds)]);
  };
  /**
   * A command's read, made readable in one pass: the keys its envelopes name are looked up inside the store's read
   * (`readAlongside` with the keys the stream named last time, `alsoRead` for the ones it names now: one IndexedDB
   * transaction, not two), then everything is decrypted at once, from kept values where it can.
   */
  const commandReadOf = (request: CommandLoadRequest) => {
    // The envelopes of what was loaded, found once: inside the read (to look up their keys) and used after it.
    let scanned: { readonly read: CommandLoad; readonly objects: unknown[]; readonly found: Found[] } | undefined;
    const scan = (read: CommandLoad) => {
      if (scanned?.read !== read) {
        const objects = commandLoadObjects(read);
        scanned = { read, objects, found: envelopesIn(objects) };
      }
      return scanned;
    };
    let keyRows: ReadonlyMap<string, SubjectKey> | undefined;
    const guessed = keysOfStream.get(request.streamId);
    let guessedRows: ReadonlyMap<string, SubjectKey> | undefined;
    const hooks: Pick<CommandLoadRequest, 'readAlongside' | 'alsoRead'> = {
      ...(guessed === undefined
        ? request.readAlongside === undefined ? {} : { readAlongside: request.readAlongside }
        : {
            async readAlongside() {
              // Only the keys still in the table are answered, as of this very read.
              await Promise.all([keys.keysById(guessed).then((rows) => (guessedRows = rows)), request.readAlongside?.()]);
            },
          }),
      async alsoRead(read) {
        const ids = keyIdsOf(scan(read).found);
        if (ids.length > 0) {
          keyRows = guessedRows !== undefined && ids.every((id) => guessed!.includes(id)) ? guessedRows : await keys.keysById(ids);
          if (read.earlier.length === 0) rememberKeys(request.streamId, ids);
        }
        await request.alsoRead?.(read);
      },
    };
    return {
      hooks,
      /** After the read: the load in plain, WebCrypto opening what was never opened here. */
      async readable(loaded: CommandLoad): Promise<CommandLoad> {
        const { objects, found } = scan(loaded);
        if (found.length === 0) return loaded;
        return withPlainObjects(loaded, await decryptFound(objects, found, keyRows ?? (await keys.keysById(keyIdsOf(found))), opened));
      },
      /**
       * Inside the read, after `alsoRead`: the load in plain from kept values alone, checked against the keys that
       * very read found (a subject forgotten in another tab reads as forgotten), or undefined when WebCrypto must
       * open one.
       */
      readableNow(loaded: CommandLoad): CommandLoad | undefined {
        const { objects, found } = scan(loaded);
        if (found.length === 0) return loaded;
        const plain = openedAlready(objects, found, keyRows ?? new Map(), opened);
        return plain === undefined ? undefined : withPlainObjects(loaded, plain);
      },
    };
  };
  const loadForCommandOf =
    (load: NonNullable<EventStore['loadForCommand']>): NonNullable<EventStore['loadForCommand']> =>
    async (request) => {
      const read = commandReadOf(request);
      return read.readable(await load({ ...request, ...read.hooks }));
    };
  /**
   * `appendToStream`: the personal fields sealed, then the store's append. `keysInUse`: subjects' keys already read
   * (inside a command's transaction); the other subjects' are fetched, or made.
   */
  const appendSealed = async (streamId: string, events: readonly NewEvent[], options: AppendOptions | undefined, keysInUse?: Map<SubjectId, SubjectKey>): Promise<AppendResult> => {
    const sealed = await seal(events, keys, keysInUse, opened);
    const sealedKeys = keyIdsOf(envelopesIn(sealed.map((event) => event.data)));
    if (sealedKeys.length > 0) rememberKeys(streamId, [...(keysOfStream.get(streamId) ?? []), ...sealedKeys]);
    const result = await store.appendToStream(streamId, sealed, options);
    if (result.alreadyRecorded || result.events.length !== events.length) return { ...result, events: await readable(result.events, keys, opened) };
    // Just written from the caller's plain events: their data is what a reader would decrypt, with no key lookup.
    return { ...result, events: result.events.map((event, index) => plainAgain(event, events[index]!, sealed[index]!)) };
  };
  /** A decision sealed before its transaction, with these keys (see `keyAhead`); undefined when there is nothing to seal or no key at hand. */
  const sealAhead = async (decision: CommandDecision | undefined): Promise<SealedAhead | undefined> => {
    const subjects = subjectsOf(decision);
    if (decision === undefined || subjects.length === 0) return undefined;
    const aheadKeys = new Map<SubjectId, SubjectKey>();
    for (const subject of subjects) {
      const key = keys.keyAhead(subject);
      if (key === undefined) return undefined;
      aheadKeys.set(subject, key);
    }
    return { decision, keys: aheadKeys, sealed: await seal(decision.events, keys, new Map(aheadKeys), opened) };
  };
  /**
   * A command in ONE transaction when it needs no WebCrypto: its stream's envelopes all opened here before (or their
   * keys gone) and its new events personal to nobody. Otherwise in two, as `loadForCommand` and `appendToStream`
   * would: the store's transaction reads (and, for events to seal, their subjects' keys), WebCrypto works after it,
   * and the sealed events are appended with the version the decision was made on.
   */
  const commandTransactionOf =
    (transact: NonNullable<EventStore['commandTransaction']>): NonNullable<EventStore['commandTransaction']> =>
    async (request) => {
      const read = commandReadOf(request);
      let plain: CommandLoad | undefined;
      let toSeal: { readonly decision: CommandDecision; readonly keys: Map<SubjectId, SubjectKey> } | undefined;
      // A stream with no envelope known here may be new: its first command's decision is sealed before the
      // transaction, with the keys at hand, and appended inside it if the stream is empty and the keys still hold.
      const ahead = keysOfStream.has(request.streamId) ? undefined : await sealAhead(request.decideOnEmptyStream?.());
      let sealedAhead: SealedAhead | undefined;
      const { loaded, appended } = await transact({
        ...request,
        ...read.hooks,
        async decide(stored) {
          plain = read.readableNow(stored);
          if (plain === undefined) return undefined;
          const decision = await request.decide(plain);
          const subjects = subjectsOf(decision);
          if (subjects.length === 0) return decision;
          // Sealing is WebCrypto's work, after this transaction; the subjects' keys are read (or made) in this one.
          const found = await keys.keysInTransaction(subjects, ahead?.keys);
          if (ahead !== undefined && sameDecision(ahead.decision, decision!) && subjects.every((subject) => found.get(subject)?.keyId === ahead.keys.get(subject)?.keyId)) {
            sealedAhead = ahead;
            return { ...decision!, events: ahead.sealed };
          }
          toSeal = { decision: decision!, keys: found };
          return undefined;
        },
      });
      const readableLoad = plain ?? (await read.readable(loaded));
      if (appended !== undefined) {
        // A retry answered with the events recorded the first time: those are read like any others.
        if (appended.alreadyRecorded) return { loaded: readableLoad, appended: { ...appended, events: await readable(appended.events, keys, opened) } };
        if (sealedAhead === undefined) return { loaded: readableLoad, appended };
        const { decision, sealed } = sealedAhead;
        rememberKeys(request.streamId, keyIdsOf(envelopesIn(sealed.map((event) => event.data))));
        return { loaded: readableLoad, appended: { ...appended, events: appended.events.map((event, index) => plainAgain(event, decision.events[index]!, sealed[index]!)) } };
      }
      // Decided after the read when its envelopes had to be opened first; `decide` is called once either way.
      const decision = toSeal?.decision ?? (plain === undefined ? await request.decide(readableLoad) : undefined);
      if (decision === undefined || decision.events.length === 0) return { loaded: readableLoad };
      const { events, ...options } = decision;
      return { loaded: readableLoad, appended: await appendSealed(request.streamId, events, options, toSeal?.keys) };
    };
  return {
    recorded: store,
    keys,
    readable: (events) => readable(events, keys, opened),
    seal: (events, keysInUse) => seal(events, keys, keysInUse, opened),
    appendToStream: (streamId, events, options) => appendSealed(streamId, events, options),
    readStream: async (streamId, options) => readable(await store.readStream(streamId, options), keys, opened),
    readAll: async (options) => readable(await store.readAll(options), keys, opened),
    eventsOfCommand: async (commandId) => readable(await store.eventsOfCommand(commandId), keys, opened),
    streamVersion: (streamId) => store.streamVersion(streamId),
    headPosition: () => store.headPosition(),
    streamIds: (prefix) => store.streamIds(prefix),
    subscribe: (listener) => store.subscribe(listener),
    async saveSnapshot(snapshot) {
      const personal = personalFieldsOfState(snapshot.streamId, snapshot.state);
      if (personal === undefined) return store.saveSnapshot(snapshot);
      const state = await encryptFields(snapshot.state as Data, personal, await keys.keyFor(personal.subject), opened);
      return store.saveSnapshot({ ...snapshot, state });
    },
    ...(store.loadForCommand ? { loadForCommand: loadForCommandOf(store.loadForCommand.bind(store)) } : {}),
    ...(store.commandTransaction ? { commandTransaction: commandTransactionOf(store.commandTransaction.bind(store)) } : {}),
    async loadSnapshot(streamId): Promise<Snapshot | undefined> {
      const snapshot = await store.loadSnapshot(streamId);
      if (snapshot === undefined) return undefined;
      const [state] = (await decryptAll([snapshot.state], keys, opened)) ?? [snapshot.state];
      return { ...snapshot, state };
    },
    clear: () => store.clear(),
    close: () => store.close(),
  };
}

/**
 * The same shape with nothing sealed: personal fields are recorded and read as they are. For a log that other
 * browsers read too (a class's log), where a key only this browser holds would show everyone else [forgotten].
 */
export function createPlainEventStore(store: EventStore, keys: SubjectKeyStore): ShreddingEventStore {
  return {
    recorded: store,
    keys,
    readable: async (events) => [...events],
    seal: async (events) => [...events],
    appendToStream: (streamId, events, options) => store.appendToStream(streamId, events, options),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    eventsOfCommand: (commandId) => store.eventsOfCommand(commandId),
    streamVersion: (streamId) => store.streamVersion(streamId),
    headPosition: () => store.headPosition(),
    streamIds: (prefix) => store.streamIds(prefix),
    subscribe: (listener) => store.subscribe(listener),
    saveSnapshot: (snapshot) => store.saveSnapshot(snapshot),
    loadSnapshot: (streamId) => store.loadSnapshot(streamId),
    clear: () => store.clear(),
    close: () => store.close(),
  };
}
