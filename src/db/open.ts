import type { DexieOptions } from 'dexie';
import { WorkbookDb } from './schema';
import { StorageError, toStorageError } from './errors';

export type OpenWorkbookDbOptions = {
  /**
   * Another tab opened the database at a newer schema version. This connection is closed (so that tab's upgrade
   * is not blocked) and every later call on it fails with this same error; show it and offer a reload.
   */
  readonly onVersionChange?: (error: StorageError) => void;
  /** How long to wait for the open before giving up with a `blocked` StorageError. Defaults to 10 s. */
  readonly timeoutMs?: number;
  /**
   * When given, a blocked or slow open never gives up: it keeps waiting and calls this once a second with how long
   * it has waited. A tab that died while writing holds the database until the browser releases its connection
   * (up to a minute in Chromium), and a tab at an old version may be closed by the person meanwhile: either way
   * the open then completes by itself. Without it, such an open rejects with a `blocked` StorageError.
   */
  readonly onWaiting?: (waiting: OpenWaiting) => void;
  /** Stops waiting: the open rejects with the signal's reason and the pending request is cancelled. */
  readonly signal?: AbortSignal;
  /** Passed to Dexie: another IndexedDB implementation (tests). */
  readonly dexieOptions?: DexieOptions;
};

export const defaultDbName = 'event-workbook';

export type OpenWaiting = {
  /** Since the open was asked for. */
  readonly waitedMs: number;
  /** True once the browser said another connection (another tab) holds the database at an older version. */
  readonly heldByAnotherTab: boolean;
};

/** What a person reads while the open waits: what is going on, for how long, and that it goes on by itself. */
export function describeOpenWaiting({ waitedMs, heldByAnotherTab }: OpenWaiting): string {
  const seconds = Math.round(waitedMs / 1000);
  const why = heldByAnotherTab
    ? 'another workbook tab keeps an older version of the database open: close it, and this tab goes on by itself'
    : 'the browser has not released the database yet (a workbook tab that closed or crashed while writing holds it ' +
      'for up to a minute); this tab goes on by itself as soon as it is free';
  return `Waiting ${seconds} s for the event store: ${why}.`;
}

/** Why a db was closed under us, so later calls report the cause rather than a bare "database closed". */
const closedBecause = new WeakMap<WorkbookDb, StorageError>();

/**
 * Opens the workbook database and wires the three ways storage can fail around an open connection, so each ends
 * in a StorageError with a clear message instead of a hang:
 * - another tab upgrades the schema → close this connection, report `versionchange` through `onVersionChange`;
 * - this open is blocked by a tab holding an older version open (or simply never completes) → reject `blocked`;
 * - IndexedDB missing or failing to open → reject `unavailable`.
 */
export async function openWorkbookDb(
  name: string = defaultDbName,
  options: OpenWorkbookDbOptions = {},
): Promise<WorkbookDb> {
  const db = new WorkbookDb(name, options.dexieOptions);

  db.on('versionchange', () => {
    const error = new StorageError('versionchange');
    closedBecause.set(db, error);
    // No auto-reopen: this tab's code knows only the old schema; a reload loads the code that matches the new one.
    db.close({ disableAutoOpen: true });
    options.onVersionChange?.(error);
    // Returning false stops Dexie's default handler (which would close and silently reopen on the next call).
    return false;
  });

  let giveUp: (error: StorageError) => void = () => {};
  const gaveUp = new Promise<never>((_, reject) => {
    giveUp = reject;
  });
  const { onWaiting } = options;
  const askedAt = Date.now();
  let heldByAnotherTab = false;
  let waitingTimer: ReturnType<typeof setInterval> | undefined;
  const reportWaiting = () => onWaiting?.({ waitedMs: Date.now() - askedAt, heldByAnotherTab });
  const startWaiting = () => {
    if (waitingTimer !== undefined) return;
    reportWaiting();
    waitingTimer = setInterval(reportWaiting, 1000);
  };
  db.on('blocked', () => {
    heldByAnotherTab = true;
    if (onWaiting) startWaiting();
    else giveUp(new StorageError('blocked'));
  });
  options.signal?.addEventListener('abort', () => giveUp(options.signal!.reason as StorageError), { once: true });
  const timer = setTimeout(
    () =>
      onWaiting
        ? startWaiting()
        : giveUp(
            new StorageError(
              'blocked',
              `Opening the workbook database took longer than ${Math.round((options.timeoutMs ?? 10_000) / 1000)} s. ` +
                'Another tab may be holding it open: close the other workbook tabs, then reload this one.',
            ),
          ),
    options.timeoutMs ?? (onWaiting ? 1000 : 10_000),
  );

  try {
    await Promise.race([db.open(), gaveUp]);
    return db;
  } catch (error) {
    // Cancels a pending open, so it cannot complete later behind the caller's back.
    db.close({ disableAutoOpen: true });
    if (options.signal?.aborted) throw options.signal.reason;
    throw toStorageError(error) ?? new StorageError('unavailable', undefined, { cause: error });
  } finally {
    clearTimeout(timer);
    clearInterval(waitingTimer);
  }
}

/**
 * The StorageError behind a failed call on `db`, or undefined when the failure is not about storage.
 * A call on a connection that another tab's upgrade closed reports that upgrade, not "database closed".
 */
export function storageFailure(db: WorkbookDb, error: unknown): StorageError | undefined {
  const closedReason = closedBecause.get(db);
  if (closedReason && isDatabaseClosed(error)) return closedReason;
  if (isDatabaseClosed(error)) return new StorageError('unavailable', 'The workbook database connection is closed.', { cause: error });
  return toStorageError(error);
}

function isDatabaseClosed(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'DatabaseClosedError';
}

/** Set by `openWorkbookDb` when another tab's upgrade closed the connection. */
export function closedReasonOf(db: WorkbookDb): StorageError | undefined {
  return closedBecause.get(db);
}
