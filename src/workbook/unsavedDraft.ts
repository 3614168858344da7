/**
 * The words a student typed just before a reload or a closed tab. The autosave waits for a pause in typing and
 * writes to IndexedDB, and a write started while the page goes away (pagehide) never reaches the disk: the page is
 * torn down first. So each edit is also kept here, synchronously, in localStorage, until the autosave reports the
 * text saved; the next load takes back a draft newer than the saved text.
 */

/** The part of `localStorage` a draft needs (a Map-backed fake in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type UnsavedDraft = {
  readonly text: string;
  /** When it was typed (ISO), to compare with the saved text's `updatedAt`. */
  readonly at: string;
};

/** localStorage, or undefined where there is none or site data is disabled (then it throws on access). */
export function browserDraftStorage(): DraftStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Keeps `text` as the unsaved draft under `key`. A full or refused storage keeps nothing: autosave still runs. */
export function keepUnsavedDraft(storage: DraftStorage | undefined, key: string, text: string, at: Date = new Date()): void {
  try {
    storage?.setItem(key, JSON.stringify({ text, at: at.toISOString() } satisfies UnsavedDraft));
  } catch {
    // Quota exceeded or storage disabled: the draft is a safety net, not the save.
  }
}

export function forgetUnsavedDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a draft that stays is ignored once the saved text is newer.
  }
}

/**
 * The draft under `key` when it is newer than the saved text (`savedAt`, ISO; undefined when nothing was saved),
 * else undefined. A draft that cannot be read is treated as none.
 */
export function unsavedDraftNewerThan(storage: DraftStorage | undefined, key: string, savedAt: string | undefined): string | undefined {
  let draft: unknown;
  try {
    draft = JSON.parse(storage?.getItem(key) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof draft !== 'object' || draft === null) return undefined;
  const { text, at } = draft as Partial<Record<keyof UnsavedDraft, unknown>>;
  if (typeof text !== 'string' || typeof at !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
  return savedAt === undefined || Date.parse(at) > Date.parse(savedAt) ? text : undefined;
}
