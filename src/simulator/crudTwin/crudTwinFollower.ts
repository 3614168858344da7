import { toStorageError } from '../../db/errors';
import type { EventStore, Unsubscribe } from '../../eventStore/types';
import type { Upcasting } from '../../eventStore/upcasters';
import { twinCommandOfRecorded } from '../bulkStorage';
import type { CrudTwinStorage, TwinCheckpoint } from './twinStorage';

/**
 * Keeps the CRUD twin following the event log. It catches up on start, after every command this tab runs, whenever
 * the store announces an append (another tab, a bulk write), and again a little later after a failed write, until
 * the write succeeds. Catching up never throws: a failure is kept in the status (its StorageError message) and the
 * twin simply stays behind its checkpoint, which is what the answers to commands report.
 */

export type CrudTwinStatus = {
  /** Global position of the last event the twin applied. */
  readonly checkpoint: number;
  /** The log's head when the twin last looked. */
  readonly headPosition: number;
  /** Events the twin has not applied yet. */
  readonly lag: number;
  /** Held by a lesson (the dual-writes lab plays the tab that died): no catch-up runs until released. */
  readonly held: boolean;
  /** The last failure of a catch-up, in words (a StorageError's message); null once a catch-up succeeds. */
  readonly lastError: string | null;
  /** Commands in the log that the twin's rules refused (always 0 for a log the deciders wrote). */
  readonly refused: number;
};

export type CrudTwinFollower = {
  /** Subscribes to the store and starts catching up in the background. */
  start(): void;
  stop(): void;
  /** Applies the whole log (as it is when the catch-up starts, and anything appended meanwhile); never rejects. */
  catchUp(): Promise<CrudTwinStatus>;
  getStatus(): CrudTwinStatus;
  onChange(listener: (status: CrudTwinStatus) => void): Unsubscribe;
  /**
   * Stops the twin from following until `release` (a lesson's crash between the two writes); resolves once no
   * catch-up is under way, so nothing appended afterwards reaches the twin.
   */
  hold(): Promise<void>;
  release(): Promise<CrudTwinStatus>;
};

export type CrudTwinFollowerOptions = {
  readonly store: EventStore;
  readonly storage: CrudTwinStorage;
  readonly upcasting: Upcasting;
  /** Events per transaction. */
  readonly batchSize?: number;
  /** Waits before retrying after a failure: the first, doubled each time up to the last. */
  readonly retryDelaysMs?: { readonly first: number; readonly max: number };
};

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createCrudTwinFollower(options: CrudTwinFollowerOptions): CrudTwinFollower {
  const { store, storage, upcasting, batchSize = 1000 } = options;
  const retryDelays = options.retryDelaysMs ?? { first: 1000, max: 30_000 };
  let status: CrudTwinStatus = { checkpoint: 0, headPosition: 0, lag: 0, held: false, lastError: null, refused: 0 };
  const listeners = new Set<(status: CrudTwinStatus) => void>();
  let unsubscribe: Unsubscribe | null = null;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = retryDelays.first;

  const update = (changes: Partial<CrudTwinStatus>): void => {
    const next = { ...status, ...changes };
    status = { ...next, lag: Math.max(0, next.headPosition - next.checkpoint) };
    for (const listener of listeners) listener(status);
  };

  /** The checkpoint to continue from: the stored one, or a twin rebuilt from 0 when it follows no log or another. */
  async function startingPoint(): Promise<TwinCheckpoint> {
    const { checkpoint, logGeneration } = await storage.position();
    if (checkpoint !== undefined && checkpoint.logGeneration === logGeneration) return checkpoint;
    // Never followed this log (a database from before the twin had a checkpoint, or a replaced log whose writer
    // died before it wrote the new twin): the rows cannot be trusted, so the twin is rebuilt from the log's start.
    return storage.reset();
  }

  async function applyLog(): Promise<void> {
    let from = await startingPoint();
    update({ checkpoint: from.position, headPosition: await store.headPosition() });
    for (;;) {
      if (status.held) return;
      const events = await store.readAll({ after: from.position, limit: batchSize });
      const last = events.at(-1);
      if (last === undefined) return;
      const to = { position: last.globalPosition, logGeneration: from.logGeneration };
      const commands = events.flatMap((event) => twinCommandOfRecorded(event, upcasting) ?? []);
      const { committed, refused } = await storage.commit({ from, to, commands });
      // Not committed: another tab moved the checkpoint, or the log was replaced; start again from what is stored.
      from = committed ? to : await startingPoint();
      update({
        checkpoint: from.position,
        headPosition: Math.max(status.headPosition, last.globalPosition),
        refused: status.refused + refused,
      });
    }
  }

  let running: Promise<void> | null = null;
  let again = false;

  /** One catch-up at a time; a request made during one runs once more after it (it may have missed an append). */
  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await applyLog();
          retryDelay = retryDelays.first;
          clearTimeout(retryTimer);
          retryTimer = undefined;
          if (status.lastError !== null) update({ lastError: null });
        } catch (error) {
          const storageError = toStorageError(error);
          if (!storageError) console.error('The CRUD twin could not follow the log', error);
          update({ lastError: reasonOf(storageError ?? error), headPosition: await store.headPosition().catch(() => status.headPosition) });
          scheduleRetry();
          return;
        }
      } while (again && !status.held);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void catchUp();
    }, retryDelay);
    retryDelay = Math.min(retryDelays.max, retryDelay * 2);
  }

  async function catchUp(): Promise<CrudTwinStatus> {
    if (!status.held) {
      // A command that follows another waits for the run in flight and then for one that sees its own append.
      if (running) {
        again = true;
        await running;
      }
      if (!status.held) await run();
    } else {
      update({ headPosition: await store.headPosition().catch(() => status.headPosition) });
    }
    return status;
  }

  return {
    start() {
      stopped = false;
      unsubscribe ??= store.subscribe(() => void catchUp());
      void catchUp();
    },
    stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
      clearTimeout(retryTimer);
      retryTimer = undefined;
    },
    catchUp,
    getStatus: () => status,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async hold() {
      update({ held: true });
      await running?.catch(() => undefined);
    },
    async release() {
      update({ held: false });
      return catchUp();
    },
  };
}
