/**
 * How safe the workbook's data is in this browser: how much it uses of the site's quota, and whether the browser
 * promised to keep it (persistent storage) or may clear it to free disk space. Everything a student does lives
 * only here, so the Data screen says so, and the app asks once for persistence at start.
 */

export type StorageStatus = {
  /** Bytes this site stores (IndexedDB, caches of the offline copy…); undefined when the browser does not say. */
  readonly usage: number | undefined;
  /** Bytes the browser lets this site store. */
  readonly quota: number | undefined;
  /** true: the browser will not evict it; false: it may; undefined: this browser cannot tell. */
  readonly persisted: boolean | undefined;
};

/** The part of `navigator.storage` used here, so a browser without some of it is handled. */
export type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

/** Where the answer to the one request is remembered, so reloads do not ask again (Firefox asks the person). */
export type AnswerMemory = Pick<Storage, 'getItem' | 'setItem'>;

export const persistenceAnswerKey = 'event-workbook:persistent-storage-asked';

function defaultStorage(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

function defaultMemory(): AnswerMemory | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Site data disabled: localStorage throws on access.
    return undefined;
  }
}

/**
 * Asks the browser for persistent storage the first time the app starts, and afterwards only reads the state
 * (`persisted()` never prompts). Returns whether storage is persistent, undefined when the browser cannot say.
 */
export async function requestPersistentStorageOnce(
  storage: StorageManagerLike | undefined = defaultStorage(),
  memory: AnswerMemory | undefined = defaultMemory(),
): Promise<boolean | undefined> {
  if (storage?.persist === undefined) return undefined;
  let askedBefore = false;
  try {
    askedBefore = memory?.getItem(persistenceAnswerKey) != null;
  } catch {
    askedBefore = false;
  }
  if (askedBefore) return storage.persisted?.();
  const granted = await storage.persist();
  try {
    memory?.setItem(persistenceAnswerKey, granted ? 'granted' : 'denied');
  } catch {
    // Nowhere to remember it: the next start asks again, which is harmless.
  }
  return granted;
}

/** Usage, quota and persistence as the browser reports them now. */
export async function readStorageStatus(storage: StorageManagerLike | undefined = defaultStorage()): Promise<StorageStatus> {
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    storage?.persisted?.().catch(() => undefined),
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

const units = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** "512 bytes", "1.2 MB", "10 GB": decimal units, as the browsers' own site-data settings show them. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const shown = Number(value.toFixed(digits)).toLocaleString('en');
  return `${shown} ${units[unit]}`;
}

/** "1.2 MB of 10 GB used (less than 0.1 %)", or what is known when the browser does not estimate. */
export function describeUsage(status: StorageStatus): string {
  const { usage, quota } = status;
  if (usage === undefined) return 'This browser does not say how much space the workbook uses.';
  if (quota === undefined || quota <= 0) return `${formatBytes(usage)} used.`;
  const percent = (usage / quota) * 100;
  const share = percent < 0.1 ? 'less than 0.1 %' : `${Number(percent.toFixed(1)).toLocaleString('en')} %`;
  return `${formatBytes(usage)} of ${formatBytes(quota)} used (${share}).`;
}

/** Whether the browser may clear the data, in words that say what to do about it. */
export function describePersistence(persisted: boolean | undefined): string {
  if (persisted === true) return 'Stored in this browser, persistent: yes (the browser keeps it even when disk space runs low).';
  if (persisted === false)
    return 'Stored in this browser, persistent: no (the browser may clear it when disk space runs low: export your data to keep a copy).';
  return 'Stored in this browser; this browser does not say whether it may clear the data.';
}
