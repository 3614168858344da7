import type { EventStore, RecordedEvent, Unsubscribe } from '../eventStore/types';
import { applyBatch, applyInMemory, commitChanges } from './applyBatch';
import type { ProjectionStore } from './projectionStore';
import type { AnyProjection, Checkpoint, DocumentChange, ProjectionFault } from './types';

/**
 * What a person sees next to a projection:
 * - `idle`: caught up with the log;
 * - `catchingUp`: behind the log (waiting out the delay, or applying batches);
 * - `paused`: someone paused it; it stays behind until resumed or stepped;
 * - `faulted`: evolve threw on an event; it waits on that event until skipped or retried;
 * - `rebuilding`: documents cleared, replaying from position 0.
 */
export type ProjectionActivity = 'idle' | 'catchingUp' | 'paused' | 'faulted' | 'rebuilding';

export type RebuildProgress = { readonly done: number; readonly total: number };

export type ProjectionStatus = {
  readonly name: string;
  readonly version: number;
  readonly status: ProjectionActivity;
  /** Global position of the last event applied. */
  readonly checkpoint: number;
  /**
   * Which clearing of the read model the documents were built after (CheckpointRow.epoch): a rebuild takes a new
   * one, so a screen that keys its reads on (epoch, checkpoint) re-reads after a rebuild that ends where it began.
   */
  readonly epoch: number;
  /** Events in the log that this projection has not applied yet: head − checkpoint. */
  readonly lag: number;
  readonly paused: boolean;
  readonly fault: ProjectionFault | null;
  /** Only while rebuilding. */
  readonly rebuildProgress: RebuildProgress | null;
  /** The last storage error (not an evolve fault), e.g. a failed commit; cleared by the next successful batch. */
  readonly lastError: string | null;
  /** A teaching switch is on: evolve refuses every event it would apply until `clearInjectedFault`. */
  readonly faultInjected: boolean;
};

export type ProjectorStatus = {
  readonly headPosition: number;
  /** Wait before catching up after an append, to make eventual consistency visible. */
  readonly delayMs: number;
  /** Events per transaction while a rebuild replays the log (and while catching up from far behind). */
  readonly rebuildBatchSize: number;
  readonly projections: readonly ProjectionStatus[];
};

export type ProjectorOptions = {
  readonly store: EventStore;
  readonly projectionStore: ProjectionStore;
  readonly projections: readonly AnyProjection[];
  /** Events read and committed per transaction. Defaults to 500. */
  readonly batchSize?: number;
  /**
   * Events per transaction while a rebuild replays the log (its read model built in memory, so a batch costs its
   * commit only), and while catching up from further behind than this (after a seed or an import): fewer, larger
   * commits go faster. Defaults to `batchSize` when that is given, else 5,000.
   */
  readonly rebuildBatchSize?: number;
  /** Initial delay (ms, 0..5000). Defaults to 0. */
  readonly delayMs?: number;
};

export interface Projector {
  /** Loads checkpoints, rebuilds projections whose version changed, subscribes to the store and starts catching up. */
  start(): Promise<void>;
  /** Stops listening; work already under way finishes. */
  stop(): void;
  /** A new object after every change, so a view can compare by identity. */
  getStatus(): ProjectorStatus;
  onChange(listener: (status: ProjectorStatus) => void): Unsubscribe;
  pause(name: string): void;
  resume(name: string): void;
  /** Applies exactly the next event (even when paused; a faulted projection retries its event). */
  step(name: string): Promise<ProjectionStatus>;
  /** Clamped to 0..5000 ms. */
  setDelay(ms: number): void;
  /**
   * Events per transaction for rebuilds from now on (one already running keeps its size): each batch commits its
   * documents with the checkpoint, so smaller batches lose less to a crash or a reload and replay slower. A whole
   * number from 1 to `maxRebuildBatchSize`; anything else throws a RangeError and changes nothing.
   */
  setRebuildBatchSize(events: number): void;
  /** Moves a faulted projection past the event it failed on, without applying it. */
  skip(name: string): Promise<ProjectionStatus>;
  /** Clears the fault and applies the failed event again. */
  retry(name: string): Promise<ProjectionStatus>;
  /**
   * A lesson tool: from now on this projection's evolve throws on every event it would apply, so the projection
   * faults for real (checkpoint stopped before the event, lag growing, Skip / Retry). `hint` is added to the reason,
   * e.g. what to do to recover. Kept in memory only: a reload forgets it.
   */
  injectFault(name: string, hint?: string): void;
  /** Turns the injected fault off; a projection already faulted stays faulted until skipped or retried. */
  clearInjectedFault(name: string): void;
  /** Clears the documents and replays the whole log, reporting progress after every batch. */
  rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<ProjectionStatus>;
  /**
   * Rebuilds every projection in one pass over the log: each batch is read once and applied to all of them in memory,
   * instead of one full read of the log per projection; each commits its documents with its own checkpoint every
   * `rebuildAllCommitBatches` batches and at the end.
   */
  rebuildAll(onProgress?: (progress: RebuildProgress) => void): Promise<void>;
  /** Catches up now, ignoring the delay. */
  catchUp(): Promise<void>;
  /** Resolves once every projection that is neither paused nor faulted has applied the whole log. */
  whenCaughtUp(): Promise<void>;
}

export const maxDelayMs = 5000;
/** The default batch of a rebuild: large, since a rebuild builds its read model in memory and pays per commit. */
export const defaultRebuildBatchSize = 5000;
export const maxRebuildBatchSize = 50_000;

type Entry = {
  readonly projection: AnyProjection;
  checkpoint: Checkpoint;
  paused: boolean;
  rebuildProgress: RebuildProgress | null;
  lastError: string | null;
  /** Set by `injectFault`: the hint its reason carries ('' for none); null when no fault is injected. */
  injectedFault: { readonly hint: string } | null;
};

/** A rebuild's read model as committed so far; null once it is read from the store again instead. */
type RebuildMemory = { documents: Map<string, unknown> | null };

/**
 * "Rebuild all": each read model as applied in memory since the reset (null once it is read from the store again),
 * the changes applied since its last commit (net per document), where they leave it, and how many batches they hold.
 */
type AllRebuild = {
  documents: Map<string, unknown> | null;
  changes: Map<string, DocumentChange>;
  applied: Checkpoint;
  batches: number;
};

/** "Rebuild all" commits each read model every this many batches of `rebuildBatchSize` events, and at the end. */
export const rebuildAllCommitBatches = 10;

/** Documents a rebuild keeps in memory at most (orders of 100,000 events: 25,000). */
const maxRebuildDocuments = 250_000;

function checkedRebuildBatchSize(events: number): number {
  if (!Number.isInteger(events) || events < 1 || events > maxRebuildBatchSize) {
    throw new RangeError(`A rebuild batch is a whole number of events from 1 to ${maxRebuildBatchSize}, not ${events}.`);
  }
  return events;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const clampDelay = (ms: number): number => Math.min(maxDelayMs, Math.max(0, Number.isFinite(ms) ? Math.round(ms) : 0));

export function createProjector(options: ProjectorOptions): Projector {
  const { store, projectionStore, projections, batchSize = 500 } = options;
  let rebuildBatchSize = checkedRebuildBatchSize(options.rebuildBatchSize ?? options.batchSize ?? defaultRebuildBatchSize);
  const names = new Set<string>();
  for (const projection of projections) {
    if (names.has(projection.name)) throw new Error(`Two projections are named "${projection.name}".`);
    names.add(projection.name);
  }

  const entries = new Map<string, Entry>(
    projections.map((projection) => [
      projection.name,
      {
        projection,
        checkpoint: { projection: projection.name, position: 0, projectionVersion: projection.version, logGeneration: 0, fault: null },
        paused: false,
        rebuildProgress: null,
        lastError: null,
        injectedFault: null,
      },
    ]),
  );
  let headPosition = 0;
  let delayMs = clampDelay(options.delayMs ?? 0);
  let stopped = false;
  let unsubscribe: Unsubscribe | null = null;
  const listeners = new Set<(status: ProjectorStatus) => void>();

  // ---------- status ----------

  const statusOf = (entry: Entry): ProjectionStatus => {
    const { projection, checkpoint, paused, rebuildProgress, lastError, injectedFault } = entry;
    const lag = Math.max(0, headPosition - checkpoint.position);
    const status: ProjectionActivity = rebuildProgress
      ? 'rebuilding'
      : checkpoint.fault
        ? 'faulted'
        : paused
          ? 'paused'
          : lag > 0
            ? 'catchingUp'
            : 'idle';
    return {
      name: projection.name,
      version: projection.version,
      status,
      checkpoint: checkpoint.position,
      epoch: checkpoint.epoch ?? 0,
      lag,
      paused,
      fault: checkpoint.fault,
      rebuildProgress,
      lastError,
      faultInjected: injectedFault !== null,
    };
  };
  let snapshot: ProjectorStatus = buildSnapshot();
  function buildSnapshot(): ProjectorStatus {
    return { headPosition, delayMs, rebuildBatchSize, projections: [...entries.values()].map(statusOf) };
  }
  function changed(): void {
    snapshot = buildSnapshot();
    for (const listener of listeners) listener(snapshot);
  }
  const raiseHead = (position: number): void => {
    if (position > headPosition) headPosition = position;
  };

  const entryOf = (name: string): Entry => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`No projection named "${name}". Known: ${[...entries.keys()].join(', ')}.`);
    return entry;
  };

  // ---------- injected faults (a lesson tool) ----------

  /**
   * The projection as batches apply it: itself, or, while a fault is injected, the same projection whose evolve
   * throws. The throw happens inside applyBatch like any bug in evolve would, so everything after it (the fault on
   * the checkpoint, the events before it committed, Skip and Retry) is the real path, not a simulation of it.
   */
  function appliedProjection(entry: Entry): AnyProjection {
    const { projection, injectedFault } = entry;
    if (injectedFault === null) return projection;
    return {
      name: projection.name,
      version: projection.version,
      handles: projection.handles,
      documentIds: (event) => projection.documentIds(event),
      evolve: (_docs, event) => {
        const hint = injectedFault.hint === '' ? '' : ` (${injectedFault.hint})`;
        throw new Error(
          `Injected fault: the ${projection.name} projection refused ${event.type} at position ${event.globalPosition}${hint}`,
        );
      },
    };
  }

  // ---------- one task at a time ----------

  // Every read-model write goes through this queue, so a step, a rebuild and a catch-up never interleave batches.
  let tail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies batches until the log has nothing newer, the projection faults, or it is paused.
   *
   * `rebuilt` is a rebuild's read model in memory: every document committed since the reset, so no batch reads a
   * document back from the store. The batches are then `rebuildBatchSize` long, and the next one is read while the
   * current one is applied and committed (the read and the commit are transactions on different tables). Each batch
   * still commits its documents with its checkpoint in one transaction.
   */
  async function catchUpOne(entry: Entry, ignorePause = false, rebuilt?: RebuildMemory): Promise<void> {
    const limit = rebuilt ? rebuildBatchSize : batchSize;
    let readAhead: Promise<readonly RecordedEvent[]> | null = null;
    for (;;) {
      if ((entry.paused && !ignorePause) || entry.checkpoint.fault) return;
      const events = await (readAhead ?? store.readAll({ after: entry.checkpoint.position, limit }));
      readAhead = null;
      const last = events.at(-1);
      if (!last) return;
      if (rebuilt) {
        readAhead = store.readAll({ after: last.globalPosition, limit });
        // Awaited (or dropped) on the next turn; a failure there must not also surface as an unhandled rejection.
        readAhead.catch(() => undefined);
      }
      raiseHead(last.globalPosition);
      let result: Awaited<ReturnType<typeof applyBatch>>;
      try {
        result = await applyBatch(appliedProjection(entry), projectionStore, events, entry.checkpoint, rebuilt?.documents ?? undefined);
      } catch (error) {
        if (rebuilt) rebuilt.documents = null;
        throw error;
      }
      if (rebuilt && (!result.committed || (rebuilt.documents?.size ?? 0) > maxRebuildDocuments)) {
        // Another writer got there first (the memory no longer matches the store), or the read model outgrew what
        // is sensible to hold: the rest of the rebuild reads its documents from the store like any catch-up.
        rebuilt.documents = null;
      }
      // The batch read ahead starts after `last`: only of use when the checkpoint got there.
      if (result.checkpoint.position !== last.globalPosition) readAhead = null;
      entry.checkpoint = result.checkpoint;
      entry.lastError = null;
      // Another tab moved this projection, or replaced the log: the next catch-up sorts it out, not this loop.
      if (!result.committed) return;
      if (entry.rebuildProgress) {
        entry.rebuildProgress = {
          done: entry.checkpoint.position,
          total: Math.max(entry.rebuildProgress.total, headPosition),
        };
      }
      changed();
      if (entry.rebuildProgress) rebuildListener?.(entry.rebuildProgress);
    }
  }
  let rebuildListener: ((progress: RebuildProgress) => void) | undefined;

  async function catchUpAll(): Promise<void> {
    // The store's head is the truth: after another tab cleared or replaced the log it can be below what we knew.
    headPosition = await store.headPosition();
    await followLogGeneration();
    changed();
    // Projections at the same checkpoint (the usual case: all of them, after a seed or an import) share each read
    // of the log: one readAll per batch instead of one per projection. The furthest behind go first and the others
    // wait for them, so every read serves as many projections as possible.
    const leftOut = new Set<Entry>();
    for (;;) {
      const behind = [...entries.values()].filter(
        (entry) => !entry.paused && !entry.checkpoint.fault && !leftOut.has(entry) && entry.checkpoint.position < headPosition,
      );
      if (behind.length === 0) return;
      const from = Math.min(...behind.map((entry) => entry.checkpoint.position));
      const events = await store.readAll({ after: from, limit: headPosition - from > rebuildBatchSize ? rebuildBatchSize : batchSize });
      const last = events.at(-1);
      if (!last) return;
      raiseHead(last.globalPosition);
      for (const entry of behind.filter((each) => each.checkpoint.position === from)) {
        try {
          const result = await applyBatch(appliedProjection(entry), projectionStore, events, entry.checkpoint);
          entry.checkpoint = result.checkpoint;
          entry.lastError = null;
          // Another tab moved this projection meanwhile; it is where the store says now, and is left for this round.
          if (!result.committed) leftOut.add(entry);
        } catch (error) {
          // A storage failure, not an evolve fault: nothing of the batch was committed; the next notice tries again.
          entry.lastError = reasonOf(error);
          leftOut.add(entry);
        }
      }
      changed();
    }
  }

  // ---------- the delay before catching up ----------

  let scheduled: Promise<void> | null = null;
  function requestCatchUp(): void {
    if (scheduled || stopped) return;
    scheduled = new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(() => {
      scheduled = null;
      if (stopped) return;
      return exclusive(catchUpAll);
    });
    // A failing head read must not surface as an unhandled rejection; the next notice or whenCaughtUp tries again.
    scheduled.catch(() => undefined);
  }

  /** Waits until no delayed catch-up is pending and the queue is empty. */
  async function idle(): Promise<void> {
    for (;;) {
      const pending = scheduled;
      const queued = tail;
      await pending;
      await queued;
      if (pending === scheduled && queued === tail) return;
    }
  }

  // ---------- rebuild ----------

  async function rebuildNow(entry: Entry, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const { projection } = entry;
    const total = await store.headPosition();
    // Set, not raised: a rebuild after the log was replaced (import, reset) may find it shorter than before.
    headPosition = total;
    entry.checkpoint = await projectionStore.reset(projection.name, projection.version);
    entry.rebuildProgress = { done: 0, total };
    entry.lastError = null;
    changed();
    onProgress?.(entry.rebuildProgress);
    rebuildListener = onProgress;
    try {
      // The reset left no document: the read model is built in memory from nothing, and only written.
      await catchUpOne(entry, true, { documents: new Map() });
    } finally {
      rebuildListener = undefined;
      entry.rebuildProgress = null;
      changed();
    }
  }

  /**
   * One pass over the log for every projection. The log is read `rebuildBatchSize` events at a time (the next batch
   * read while the current one is applied), each batch applied in memory to every read model, and each read model
   * committed with its checkpoint every `rebuildAllCommitBatches` batches and at the end: a customer, a bucket or an
   * order that changes in many batches is then written once per commit instead of once per batch (15,940 events
   * seeded from the Data screen: 12,923 rows committed in 5,000-event batches, 7,256 in one commit, for read models
   * that hold 7,093).
   */
  async function rebuildAllNow(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const total = await store.headPosition();
    headPosition = total;
    const all = [...entries.values()];
    const rebuilds = new Map<Entry, AllRebuild>();
    for (const entry of all) {
      const { projection } = entry;
      // The reset's checkpoint carries the current log generation, which every commit of the rebuild must match.
      entry.checkpoint = await projectionStore.reset(projection.name, projection.version);
      entry.rebuildProgress = { done: 0, total };
      entry.lastError = null;
      rebuilds.set(entry, { documents: new Map(), changes: new Map(), applied: entry.checkpoint, batches: 0 });
    }
    changed();
    onProgress?.({ done: 0, total });

    /** Commits what the entry applied since its last commit; a refused commit leaves the rest to a catch-up. */
    const commitApplied = async (entry: Entry, rebuild: AllRebuild): Promise<void> => {
      if (rebuild.applied === entry.checkpoint) return;
      let result: Awaited<ReturnType<typeof commitChanges>>;
      try {
        result = await commitChanges(projectionStore, entry.projection.name, rebuild.changes, rebuild.applied, entry.checkpoint);
      } catch (error) {
        rebuild.documents = null;
        throw error;
      }
      entry.checkpoint = result.checkpoint;
      rebuild.applied = result.checkpoint;
      rebuild.changes = new Map();
      rebuild.batches = 0;
      // Another writer got there first (the memory no longer matches the store), or the read model outgrew what is
      // sensible to hold: the rest of the rebuild reads its documents from the store like any catch-up.
      if (!result.committed || (rebuild.documents?.size ?? 0) > maxRebuildDocuments) rebuild.documents = null;
    };

    try {
      let after = 0;
      let readAhead: Promise<readonly RecordedEvent[]> | null = null;
      const limit = rebuildBatchSize;
      for (;;) {
        const events = await (readAhead ?? store.readAll({ after, limit }));
        const last = events.at(-1);
        if (!last) break;
        readAhead = store.readAll({ after: last.globalPosition, limit });
        readAhead.catch(() => undefined);
        raiseHead(last.globalPosition);
        for (const entry of all) {
          const rebuild = rebuilds.get(entry)!;
          // A faulted projection stops where it failed; one another writer moved is finished below, on its own.
          if (rebuild.applied.fault || rebuild.applied.position !== after || rebuild.documents === null) continue;
          rebuild.applied = applyInMemory(appliedProjection(entry), events, rebuild.applied, rebuild.documents, rebuild.changes).checkpoint;
          rebuild.batches += 1;
          if (rebuild.applied.fault || rebuild.batches >= rebuildAllCommitBatches) await commitApplied(entry, rebuild);
          entry.rebuildProgress = { done: rebuild.applied.position, total: Math.max(total, headPosition) };
        }
        after = last.globalPosition;
        changed();
        onProgress?.({ done: after, total: Math.max(total, headPosition) });
      }
      for (const [entry, rebuild] of rebuilds) await commitApplied(entry, rebuild);
      changed();
      for (const entry of all) if (!entry.checkpoint.fault && entry.checkpoint.position < after) await catchUpOne(entry, true);
    } finally {
      for (const entry of all) entry.rebuildProgress = null;
      changed();
    }
  }

  /**
   * The log was replaced (here or in another tab) since these checkpoints were read: their positions mean nothing
   * in the new log, and the store would refuse their commits anyway. Each projection starts over in the new
   * generation: from the stored checkpoint when another tab already began there, from 0 (reset) otherwise.
   */
  async function followLogGeneration(): Promise<void> {
    const generation = await projectionStore.logGeneration();
    for (const entry of entries.values()) {
      if ((entry.checkpoint.logGeneration ?? 0) === generation) continue;
      const { name, version } = entry.projection;
      const stored = await projectionStore.readCheckpoint(name);
      entry.checkpoint =
        stored && (stored.logGeneration ?? 0) === generation && stored.projectionVersion === version
          ? stored
          : await projectionStore.reset(name, version);
      entry.lastError = null;
    }
  }

  // ---------- start ----------

  let started: Promise<void> | null = null;
  async function startNow(): Promise<void> {
    stopped = false;
    raiseHead(await store.headPosition());
    const generation = await projectionStore.logGeneration();
    const needRebuild: Entry[] = [];
    for (const entry of entries.values()) {
      const stored = await projectionStore.readCheckpoint(entry.projection.name);
      if (!stored) {
        // Never ran on this log: a new database, or a log replaced by a tab that died before rebuilding (the
        // replacement cleared every checkpoint). The catch-up below replays it all, with its progress.
        entry.checkpoint = await projectionStore.reset(entry.projection.name, entry.projection.version);
      } else if ((stored.logGeneration ?? 0) !== generation || stored.projectionVersion !== entry.projection.version) {
        // Built on another log, or by another version of evolve: the documents cannot be trusted, replay everything.
        needRebuild.push(entry);
        entry.checkpoint = stored;
      } else {
        entry.checkpoint = stored;
      }
    }
    changed();
    unsubscribe = store.subscribe((notice) => {
      // A head that went back means the log was cleared or replaced; the catch-up below sorts out the checkpoints.
      if (notice.headPosition < headPosition) headPosition = notice.headPosition;
      else raiseHead(notice.headPosition);
      changed();
      requestCatchUp();
    });
    for (const entry of needRebuild) {
      void exclusive(() => rebuildNow(entry)).catch((error: unknown) => {
        entry.lastError = reasonOf(error);
        changed();
      });
    }
    requestCatchUp();
  }

  // ---------- public ----------

  return {
    start() {
      // Starting twice would subscribe twice; a second call shares the first.
      started ??= startNow();
      return started;
    },

    stop() {
      stopped = true;
      started = null;
      unsubscribe?.();
      unsubscribe = null;
    },

    getStatus: () => snapshot,

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    pause(name) {
      entryOf(name).paused = true;
      changed();
    },

    resume(name) {
      entryOf(name).paused = false;
      changed();
      requestCatchUp();
    },

    step(name) {
      const entry = entryOf(name);
      return exclusive(async () => {
        const events = await store.readAll({ after: entry.checkpoint.position, limit: 1 });
        const next = events[0];
        if (next) {
          raiseHead(next.globalPosition);
          const from = { ...entry.checkpoint, fault: null };
          entry.checkpoint = (await applyBatch(appliedProjection(entry), projectionStore, [next], from)).checkpoint;
          changed();
        }
        return statusOf(entry);
      });
    },

    setDelay(ms) {
      delayMs = clampDelay(ms);
      changed();
    },

    setRebuildBatchSize(events) {
      rebuildBatchSize = checkedRebuildBatchSize(events);
      changed();
    },

    skip(name) {
      const entry = entryOf(name);
      return exclusive(async () => {
        const { fault, position } = entry.checkpoint;
        if (fault) {
          const next: Checkpoint = { ...entry.checkpoint, position: fault.globalPosition, fault: null };
          if (await projectionStore.commit(name, [], next, { expectedPosition: position })) entry.checkpoint = next;
          else entry.checkpoint = (await projectionStore.readCheckpoint(name)) ?? entry.checkpoint;
          changed();
          if (!entry.paused) await catchUpOne(entry);
        }
        return statusOf(entry);
      });
    },

    retry(name) {
      const entry = entryOf(name);
      return exclusive(async () => {
        if (entry.checkpoint.fault) {
          const next: Checkpoint = { ...entry.checkpoint, fault: null };
          await projectionStore.commit(name, [], next, { expectedPosition: entry.checkpoint.position });
          entry.checkpoint = (await projectionStore.readCheckpoint(name)) ?? next;
          changed();
          // A paused projection only retries the one event it failed on.
          if (entry.paused) {
            const events = await store.readAll({ after: entry.checkpoint.position, limit: 1 });
            entry.checkpoint = (await applyBatch(appliedProjection(entry), projectionStore, events, entry.checkpoint)).checkpoint;
            changed();
          } else {
            await catchUpOne(entry);
          }
        }
        return statusOf(entry);
      });
    },

    injectFault(name, hint = '') {
      entryOf(name).injectedFault = { hint };
      changed();
    },

    clearInjectedFault(name) {
      entryOf(name).injectedFault = null;
      changed();
    },

    rebuild(name, onProgress) {
      const entry = entryOf(name);
      return exclusive(async () => {
        await rebuildNow(entry, onProgress);
        return statusOf(entry);
      });
    },

    rebuildAll(onProgress) {
      return exclusive(() => rebuildAllNow(onProgress));
    },

    catchUp() {
      return exclusive(catchUpAll);
    },

    async whenCaughtUp() {
      for (;;) {
        await idle();
        const head = await store.headPosition();
        raiseHead(head);
        const behind = [...entries.values()].filter(
          (entry) => !entry.paused && !entry.checkpoint.fault && entry.checkpoint.position < head,
        );
        if (behind.length === 0) return;
        const before = behind.map((entry) => entry.checkpoint.position);
        await exclusive(catchUpAll);
        const stuck = behind.filter((entry, index) => entry.checkpoint.position === before[index]);
        const failing = stuck.find((entry) => entry.lastError !== null);
        if (failing) throw new Error(`Projection ${failing.projection.name} cannot catch up: ${failing.lastError}`);
      }
    },
  };
}
