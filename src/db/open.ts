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
  /** Passed to Dexie: another IndexedDB implementation (tests). */
  readonly dexieOptions?: DexieOptions;
};

export const defaultDbName = 'event-workbook';

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
  db.on('blocked', () => giveUp(new StorageError('blocked')));
  const timer = setTimeout(
    () =>
      giveUp(
        new StorageError(
          'blocked',
          `Opening the workbook database took longer than ${Math.round((options.timeoutMs ?? 10_000) / 1000)} s. ` +
            'Another tab may be holding it open: close the other workbook tabs, then reload this one.',
        ),
      ),
    options.timeoutMs ?? 10_000,
  );

  try {
    await Promise.race([db.open(), gaveUp]);
    return db;
  } catch (error) {
    // Cancels a pending open, so it cannot complete later behind the caller's back.
    db.close({ disableAutoOpen: true });
    throw toStorageError(error) ?? new StorageError('unavailable', undefined, { cause: error });
  } finally {
    clearTimeout(timer);
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
