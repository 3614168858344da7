import { openWorkbookDb, type OpenWaiting } from '../db/open';
import { createDexieEventStore } from '../eventStore/dexieEventStore';
import { handleCommand, type SnapshotPolicy } from '../eventStore/handleCommand';
import type { EventStore } from '../eventStore/types';
import type { Upcasting } from '../eventStore/upcasters';
import { orderDecider } from '../domain/order/decider';
import { orderEventSchemaVersions } from '../domain/order/types';
import { orderUpcasters } from '../domain/order/upcasters';
import { userDecider } from '../domain/user/decider';
import type { CrudUserReader } from '../crud/crudUsers';
import type { CrudReader } from '../crud/types';
import { createCrudTwinFollower, type CrudTwinFollower, type CrudTwinStatus } from './crudTwin/crudTwinFollower';
import { createDexieTwinStorage } from './crudTwin/dexieTwinStorage';
import { createMemoryTwinStorage, type CrudTwinStorage } from './crudTwin/twinStorage';
import { createProjector, type Projector } from '../projections/projector';
import { createDexieProjectionStore } from '../projections/dexieProjectionStore';
import type { ProjectionStore } from '../projections/projectionStore';
import { workbookProjections } from '../projections/allProjections';
import { createReadModelQueries, type ReadModelQueries } from '../projections/queries/readModelQueries';
import { routeCommand } from './commandRouting';
import { failedOutcome } from './outcome';
import type { CommandLifecycle, CommandName, CommandOutcome, ExecuteOptions, Simulator } from './types';
import { createInterfaceBulkStorage, type BulkProgress, type BulkStep, type BulkStorage } from './bulkStorage';
import { createDexieBulkStorage } from './dexieBulkStorage';
import type { RecordedEvent } from '../eventStore/types';
import { createCachedQueries, type ReadCache } from './readCache/queryCache';
import type { SagaCoordinatorOptions, TracedExecute } from '../sagas/orderSaga';
import { lazySagaCoordinator } from '../sagas/lazySagaCoordinator';
import type { SagaCoordinator } from '../sagas/types';
import { createPlainEventStore, createShreddingEventStore, type ShreddingEventStore } from '../privacy/shreddingEventStore';
import { createDexieKeyStore, createMemoryKeyStore, type SubjectKey, type SubjectKeyStore } from '../privacy/keyStore';
import type { SubjectId } from '../privacy/personalData';
import { forgetSubject, type Forgetting } from './privacy/forgetSubject';

/** Orders and users are snapshotted every 50 events: long enough to see replay, short enough to see snapshots. */
export const defaultSnapshotPolicy: SnapshotPolicy = { every: 50, stateVersion: 1 };

export const workbookUpcasting: Upcasting = {
  upcasters: orderUpcasters,
  currentVersions: orderEventSchemaVersions,
};

export type SimulatorParts = {
  /** Where events are recorded: personal fields arrive here encrypted (see src/privacy/). */
  readonly store: EventStore;
  /** The people's keys of crypto-shredding; a fresh in-memory table when missing. */
  readonly keys?: SubjectKeyStore;
  readonly projectionStore: ProjectionStore;
  /** Where the CRUD twin's rows and checkpoint live; in memory, following `projectionStore`'s log generation, if absent. */
  readonly twin?: CrudTwinStorage;
  /** The clock stamped on commands; tests pass a fixed one. */
  readonly now?: () => string;
  /** Mints command ids when the caller gives none. */
  readonly newId?: () => string;
  readonly snapshots?: SnapshotPolicy;
  /** How the Data screen writes many events at once; defaults to one append per step through `store`. */
  readonly bulk?: BulkStorage;
  /** Seed 004's saga: its sleep, random, clock, retry policy, breaker and starting failure injection (tests). */
  readonly sagas?: SagaCoordinatorOptions;
  /**
   * 'plain' for a log shared with other browsers (a class): a key kept in this browser would hide every customer's
   * name from the rest of the class, so personal fields are recorded as they are. Defaults to 'encrypted'.
   */
  readonly personalData?: 'encrypted' | 'plain';
  /**
   * The same log as `store`, read without upcasters: what copy-and-transform shows as the old stream. When missing,
   * `readStreamAsStored` reads through `store` (the memory simulator's store upcasts as it reads).
   */
  readonly storedAsWritten?: EventStore;
};

/** Where a long data operation is: writing events (and the CRUD twin), then rebuilding each read model. */
export type DataProgress =
  | { readonly phase: 'writing'; readonly done: number; readonly total: number }
  | { readonly phase: 'projecting'; readonly projection: string; readonly done: number; readonly total: number };

export type AppendGeneratedOptions = {
  /** Called after each batch with the events written so far. */
  readonly onProgress?: (progress: BulkProgress) => void;
  /** Checked between batches: what was written stays (whole steps only), the rest is not written. */
  readonly signal?: AbortSignal;
  /** Events per batch (one transaction on IndexedDB). Defaults to 5000. */
  readonly batchEvents?: number;
};

export type AppendGeneratedResult = { readonly written: number; readonly cancelled: boolean };

/** The simulator plus the parts it wires, for the views that show those parts (projector panel, CRUD twin). */
export type WorkbookSimulator = Simulator & {
  /** The log as everything reads it: personal fields decrypted, or the forgotten marker once their key is gone. */
  readonly store: EventStore;
  /** The log as stored, personal fields as ciphertext: what an export writes. */
  readonly recordedStore: EventStore;
  /** One stream as written, at the schema versions it was stored with (no upcaster), personal fields decrypted. */
  readStreamAsStored(streamId: string): Promise<RecordedEvent[]>;
  readonly keys: SubjectKeyStore;
  /**
   * Crypto-shredding: deletes the customer's keys, then rebuilds every read model and drops cached answers, so each
   * screen shows their personal fields as forgotten. No event is changed.
   */
  forgetCustomer(customerId: string): Promise<Forgetting>;
  readonly projector: Projector;
  readonly projectionStore: ProjectionStore;
  /** The query side: reads only the read models, so it lags the log by the projector's lag. */
  readonly queries: ReadModelQueries;
  /** The cache in front of `queries`, valid while the projections' checkpoints stay where they were (hit ratio). */
  readonly readCache: ReadCache;
  /** The CRUD twin's rows, to read: only its follower writes them, from the log. */
  readonly crud: CrudReader;
  readonly crudUsers: CrudUserReader;
  /** The twin's follower: its checkpoint, lag and last failure; `catchUp` applies the log now. */
  readonly crudTwin: CrudTwinFollower;
  /** Seed 004's order saga (reserve stock → charge payment → confirm, with compensation). */
  readonly sagas: SagaCoordinator;
  /**
   * Writes already-decided steps (a generated history: see seedData.ts) in batches, checking each stream's expected
   * version and updating the CRUD twin with the same commands. The projector catches up on its own afterwards.
   */
  appendGenerated(steps: readonly BulkStep[], options?: AppendGeneratedOptions): Promise<AppendGeneratedResult>;
  /**
   * Replaces the whole store with validated recorded events (an import): events and snapshots cleared, the events
   * written as recorded, the CRUD twin rebuilt from them, every read model rebuilt. Students' progress is untouched.
   */
  replaceAll(events: readonly RecordedEvent[], onProgress?: (progress: DataProgress) => void): Promise<void>;
  /** Empties events, snapshots, read models, checkpoints and the CRUD twin (not the students' ProgressDb). */
  reset(onProgress?: (progress: DataProgress) => void): Promise<void>;
};

/**
 * What a command's answer says when the twin has not applied the command's events: the events stand (the log is
 * the truth), and the twin will catch up by its checkpoint.
 */
export function crudTwinNote(twin: CrudTwinStatus, events: readonly RecordedEvent[]): string | undefined {
  const recordedAt = Math.max(0, ...events.map((event) => event.globalPosition));
  if (twin.checkpoint >= recordedAt) return undefined;
  const why = twin.held
    ? 'the lesson holds it, as if this tab had died between the two writes'
    : twin.lastError !== null
      ? `its write failed: ${twin.lastError}`
      : 'another catch-up is still writing';
  return (
    `Recorded in the event log (position ${recordedAt}). The CRUD twin has not applied it yet (${why}); it catches up ` +
    `from the log by its own checkpoint, now at ${twin.checkpoint} of ${Math.max(twin.headPosition, recordedAt)}.`
  );
}

/**
 * Wires one event store, the projector over every read model, and the CRUD twin. A command goes to the event store,
 * where the domain decides; the twin then follows the log by its own checkpoint (crudTwin/), so both sides of the
 * comparison saw the same accepted commands, and the answer to a command is what the log recorded, whatever
 * happened to the twin's write.
 */
export async function createSimulator(parts: SimulatorParts): Promise<WorkbookSimulator> {
  const { projectionStore } = parts;
  const recordedStore = parts.store;
  const keys = parts.keys ?? createMemoryKeyStore();
  // Everything above the store (commands, projector, sagas, queries, the CRUD twin, screens) sees plain values or
  // the forgotten marker; only bulk writes and an export see the stored ciphertext.
  const readable = (recorded: EventStore): ShreddingEventStore =>
    parts.personalData === 'plain' ? createPlainEventStore(recorded, keys) : createShreddingEventStore(recorded, keys);
  const store = readable(recordedStore);
  const storedAsWritten = parts.storedAsWritten ? readable(parts.storedAsWritten) : store;
  const twin = parts.twin ?? createMemoryTwinStorage(() => projectionStore.logGeneration());
  const crudTwin = createCrudTwinFollower({ store, storage: twin, upcasting: workbookUpcasting });
  const now = parts.now ?? (() => new Date().toISOString());
  const newId = parts.newId ?? (() => crypto.randomUUID());
  const snapshots = parts.snapshots ?? defaultSnapshotPolicy;
  const projector = createProjector({ store, projectionStore, projections: workbookProjections });
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const commandListeners = new Set<(step: CommandLifecycle) => void>();
  const report = (step: CommandLifecycle) => {
    for (const listener of commandListeners) listener(step);
  };
  const bulk =
    parts.bulk ?? createInterfaceBulkStorage({ store: recordedStore, projectionStore, upcasting: workbookUpcasting });
  const unsubscribeStore = store.subscribe(notify);
  const unsubscribeProjector = projector.onChange(notify);
  // Views hear the twin when it falls behind, catches up, or fails (not on every batch: appends already tell them).
  let twinShown = { behind: false, lastError: null as string | null };
  const unsubscribeTwin = crudTwin.onChange(({ lag, lastError }) => {
    if ((lag > 0) === twinShown.behind && lastError === twinShown.lastError) return;
    twinShown = { behind: lag > 0, lastError };
    notify();
  });
  await projector.start();
  // In the background: a twin that fell behind (a tab that died between the two writes) catches up on start.
  crudTwin.start();

  async function execute(name: CommandName, input: unknown, options: ExecuteOptions = {}): Promise<CommandOutcome> {
    return executeTraced(name, input, { ...options, commandId: options.commandId ?? newId() });
  }

  /** `execute` with the trace of a command that something else caused (a saga step): its correlation and cause. */
  const executeTraced = async (
    name: CommandName,
    input: unknown,
    trace: Parameters<TracedExecute>[2] & { readonly expectedVersion?: number },
  ): Promise<CommandOutcome> => {
    const { commandId } = trace;
    report({ phase: 'received', commandId, command: name, at: performance.now() });
    const outcome = await run(name, input, commandId, trace.at ?? now(), trace);
    report(
      outcome.ok
        ? { phase: 'appended', commandId, command: name, streamId: outcome.streamId, events: outcome.events, at: performance.now() }
        : { phase: 'rejected', commandId, command: name, kind: outcome.kind, message: outcome.message, at: performance.now() },
    );
    return outcome;
  };

  async function run(
    name: CommandName,
    input: unknown,
    commandId: string,
    at: string,
    trace: { readonly correlationId?: string; readonly causationId?: string; readonly expectedVersion?: number } = {},
  ): Promise<CommandOutcome> {
    try {
      const routed = routeCommand(name, input, at);
      report({ phase: 'validated', commandId, command: name, streamId: routed.streamId, at: performance.now() });
      if (routed.aggregate === 'order') {
        const result = await handleCommand({
          store,
          decider: orderDecider,
          streamId: routed.streamId,
          command: routed.command,
          commandId,
          ...(trace.correlationId === undefined ? {} : { correlationId: trace.correlationId }),
          ...(trace.causationId === undefined ? {} : { causationId: trace.causationId }),
          ...(trace.expectedVersion === undefined ? {} : { expectedVersion: trace.expectedVersion }),
          schemaVersions: orderEventSchemaVersions,
          snapshots,
          now,
        });
        return recorded(routed.streamId, result);
      }
      const result = await handleCommand({
        store,
        decider: userDecider,
        streamId: routed.streamId,
        command: routed.command,
        commandId,
        ...(trace.expectedVersion === undefined ? {} : { expectedVersion: trace.expectedVersion }),
        snapshots,
        now,
      });
      return recorded(routed.streamId, result);
    } catch (error) {
      return failedOutcome(error);
    }
  }

  /**
   * The answer to an accepted command: the events the log recorded. The twin catches up first (a retry catches up
   * too, so a twin a crash left behind is written by the retry); whatever happens to its write, the answer stays the
   * log's, with a note when the twin has not applied these events yet.
   */
  async function recorded(
    streamId: string,
    result: { readonly events: readonly RecordedEvent[]; readonly idempotentReplay: boolean },
  ): Promise<CommandOutcome> {
    const note = crudTwinNote(await crudTwin.catchUp(), result.events);
    return {
      ok: true,
      streamId,
      events: result.events,
      idempotentReplay: result.idempotentReplay,
      ...(note === undefined ? {} : { crudTwinNote: note }),
    };
  }

  async function appendGenerated(
    steps: readonly BulkStep[],
    { onProgress, signal, batchEvents = 5000 }: AppendGeneratedOptions = {},
  ): Promise<AppendGeneratedResult> {
    const total = steps.reduce((sum, step) => sum + step.events.length, 0);
    let written = 0;
    let index = 0;
    onProgress?.({ done: 0, total });
    const nextBatch = (): BulkStep[] => {
      const batch: BulkStep[] = [];
      let events = 0;
      while (index < steps.length && (batch.length === 0 || events + steps[index]!.events.length <= batchEvents)) {
        const step = steps[index++]!;
        batch.push(step);
        events += step.events.length;
      }
      return batch;
    };
    // A generated history is personal data like any other: sealed with its customers' keys before it is written.
    // Each customer's key is looked up once for the whole write, not once per batch.
    const keysInUse = new Map<SubjectId, SubjectKey>();
    const seal = async (batch: BulkStep[]): Promise<BulkStep[]> => {
      const sealedEvents = await store.seal(batch.flatMap((step) => step.events), keysInUse);
      let next = 0;
      return batch.map((step) => ({ ...step, events: sealedEvents.slice(next, (next += step.events.length)) }));
    };
    // The next batch is sealed (WebCrypto, in this page) while the current one is written (IndexedDB, in the
    // browser's storage process). A sealed batch left unwritten by a cancel or a failure only made keys.
    const sealNext = (): Promise<BulkStep[]> | undefined => {
      if (index >= steps.length) return undefined;
      const sealing = seal(nextBatch());
      // Its failure reaches the caller when the loop awaits it; until then it is not an unhandled rejection.
      sealing.catch(() => undefined);
      return sealing;
    };
    let sealing = sealNext();
    try {
      while (sealing) {
        if (signal?.aborted) return { written, cancelled: true };
        const sealed = await sealing;
        sealing = sealNext();
        await bulk.appendSteps(sealed, { quiet: true });
        written += sealed.reduce((sum, step) => sum + step.events.length, 0);
        onProgress?.({ done: written, total });
        // Lets the page paint the progress bar and handle a Cancel click between two batches.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return { written, cancelled: false };
    } finally {
      // A sealing left behind by a cancel or a failure is awaited, so that no key is made after this returns.
      await sealing?.catch(() => undefined);
      // The twin catches up first (it has applied the batches in their own transactions, so this only checks), then
      // the log's growth is announced once, at the end (or on cancel or failure): the projector catches up after
      // the writes, not between them, and not while the twin checks.
      if (written > 0) {
        await crudTwin.catchUp();
        await bulk.announce();
      }
    }
  }

  async function replaceAll(events: readonly RecordedEvent[], onProgress?: (progress: DataProgress) => void) {
    // The log gets the events as recorded (ciphertext stays ciphertext). A store that rebuilds the twin in the same
    // write (IndexedDB) is given them as the twin reads them, decrypted; otherwise the twin's follower catches up
    // from the new log through the decrypting store.
    const twinEvents = await store.readable(events);
    await bulk.replaceAll(events, (progress) => onProgress?.({ phase: 'writing', ...progress }), twinEvents);
    await crudTwin.catchUp();
    // Rebuild = clear the documents and checkpoint, replay the new log: read models of the old log cannot survive.
    for (const projection of workbookProjections) {
      await projector.rebuild(projection.name, (progress) =>
        onProgress?.({ phase: 'projecting', projection: projection.name, ...progress }),
      );
    }
    notify();
  }

  const sagas = lazySagaCoordinator({ ...parts.sagas, store, execute: executeTraced, now, newId });
  const { queries, cache: readCache } = createCachedQueries(createReadModelQueries(projectionStore), { projectionStore });

  return {
    store,
    recordedStore,
    readStreamAsStored: (streamId) => (parts.storedAsWritten ? storedAsWritten.readStream(streamId) : store.readStream(streamId)),
    keys,
    forgetCustomer: async (customerId) => {
      const forgetting = await forgetSubject({ keys, projector, projections: workbookProjections, readCache }, customerId);
      // A CRUD system forgets by overwriting the person's rows. The twin's rows are its commands' results, so it
      // overwrites them by applying the log again, which now reads the customer's email as forgotten: their rows,
      // and the losses that quoted their old email, say [forgotten] like every other reader.
      await crudTwin.hold();
      try {
        await twin.reset();
      } finally {
        await crudTwin.release();
      }
      notify();
      return forgetting;
    },
    projector,
    projectionStore,
    sagas,
    queries,
    readCache,
    crud: twin.crud,
    crudUsers: twin.crudUsers,
    crudTwin,
    execute,
    appendGenerated,
    replaceAll,
    reset: (onProgress) => replaceAll([], onProgress),
    async latestEvents(limit) {
      const head = await store.headPosition();
      const events = await store.readAll({ after: Math.max(0, head - limit), limit });
      return events.reverse();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
    close() {
      sagas.close();
      crudTwin.stop();
      unsubscribeTwin();
      unsubscribeStore();
      unsubscribeProjector();
      projector.stop();
      store.close();
    },
  };
}

/** The app's simulator: events, read models and the CRUD twin in this browser's IndexedDB, shared by its tabs. */
export async function createBrowserSimulator(
  options: {
    readonly dbName?: string;
    /** The people's keys; this database's `subjectKeys` table when missing (tests share one between two databases). */
    readonly keys?: SubjectKeyStore;
    readonly onVersionChange?: (error: Error) => void;
    /** The database is held (a dead tab, an old one): called once a second while the open waits; see openWorkbookDb. */
    readonly onWaiting?: (waiting: OpenWaiting) => void;
  } = {},
): Promise<WorkbookSimulator> {
  const db = await openWorkbookDb(options.dbName, {
    ...(options.onVersionChange ? { onVersionChange: options.onVersionChange } : {}),
    ...(options.onWaiting ? { onWaiting: options.onWaiting } : {}),
  });
  const simulator = await createSimulator({
    store: createDexieEventStore(db, { upcasting: workbookUpcasting }),
    // Reads only: a store nobody appends to or subscribes to opens no channel.
    storedAsWritten: createDexieEventStore(db),
    keys: options.keys ?? createDexieKeyStore(db),
    projectionStore: createDexieProjectionStore(db),
    twin: createDexieTwinStorage(db),
    bulk: createDexieBulkStorage(db, { upcasting: workbookUpcasting }),
  });
  // Sagas a reload left halfway continue in the background; the first render does not wait for them.
  void simulator.sagas.resumeUnfinished().catch((error: unknown) => console.error('Resuming sagas failed', error));
  return {
    ...simulator,
    close() {
      simulator.close();
      db.close();
    },
  };
}
