/**
 * Storage failures a person must be told about in words: the browser's disk is full, another tab holds the
 * database at an old version, another tab upgraded it, or IndexedDB is not there at all. Each ends in a
 * `StorageError` with a message that says what happened and what to do, never in a silent hang.
 */

export type StorageFailureReason = 'quota' | 'blocked' | 'versionchange' | 'unavailable';

const messages: Readonly<Record<StorageFailureReason, string>> = {
  quota:
    'The browser refused to store more data: the storage quota for this site is used up. Nothing was written, ' +
    'and everything stored before is kept. Export your data (Data screen) to keep a copy, free disk space or ' +
    "clear other sites' data, then try again.",
  blocked:
    'The workbook database could not be opened because another tab keeps an older version of it open. ' +
    'Close the other workbook tabs, then reload this one.',
  versionchange:
    'Another tab upgraded the workbook database to a newer version, so this tab closed its connection. ' +
    'Reload this tab to continue with the new version.',
  unavailable:
    'The browser offers no usable IndexedDB storage here (private browsing or disabled site data can cause this). ' +
    'The workbook cannot save events until storage is available.',
};

export class StorageError extends Error {
  readonly kind = 'storage' as const;
  constructor(
    readonly reason: StorageFailureReason,
    message: string = messages[reason],
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export function storageErrorMessage(reason: StorageFailureReason): string {
  return messages[reason];
}

/** Every error nested in an error: Dexie wraps the DOMException in `inner`, a BulkError lists `failures`. */
function* nestedErrors(error: unknown, depth = 0): Generator<unknown> {
  if (error === null || typeof error !== 'object' || depth > 5) return;
  yield error;
  const { inner, cause, failures } = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  if (inner) yield* nestedErrors(inner, depth + 1);
  if (cause) yield* nestedErrors(cause, depth + 1);
  if (Array.isArray(failures)) for (const failure of failures) yield* nestedErrors(failure, depth + 1);
}

function hasNestedName(error: unknown, names: readonly string[]): boolean {
  for (const nested of nestedErrors(error)) {
    const name = (nested as { name?: unknown }).name;
    if (typeof name === 'string' && names.includes(name)) return true;
  }
  return false;
}

/** A full disk. Browsers report it as a QuotaExceededError, often as the `inner` of an AbortError. */
export function isQuotaError(error: unknown): boolean {
  return hasNestedName(error, ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
}

/** A unique index refused a row (in the events table: a stream position or event id taken by another writer). */
export function isConstraintError(error: unknown): boolean {
  return hasNestedName(error, ['ConstraintError']);
}

/**
 * The StorageError an IndexedDB/Dexie failure means, or undefined when it is not a storage failure (a bug, a
 * constraint, a validation error) and should propagate unchanged.
 */
export function toStorageError(error: unknown): StorageError | undefined {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageError('quota', undefined, { cause: error });
  if (hasNestedName(error, ['VersionChangeError', 'VersionError']))
    return new StorageError('versionchange', undefined, { cause: error });
  if (hasNestedName(error, ['MissingAPIError', 'OpenFailedError', 'InvalidStateError', 'UnknownError']))
    return new StorageError('unavailable', undefined, { cause: error });
  return undefined;
}
