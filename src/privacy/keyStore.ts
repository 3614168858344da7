import type { WorkbookDb } from '../db/schema';
import { generateSubjectKey } from './cipher';
import type { SubjectId } from './personalData';

/**
 * The subjects' keys, kept apart from the events: the log holds only key ids. Deleting a subject's keys is the one
 * destructive write of crypto-shredding; the events are never touched.
 */
export type SubjectKey = { readonly keyId: string; readonly subjectId: SubjectId; readonly key: CryptoKey; readonly createdAt: string };

export interface SubjectKeyStore {
  /** The subject's current key, created on first use (a subject forgotten earlier gets a new one: old events stay forgotten). */
  keyFor(subjectId: SubjectId): Promise<SubjectKey>;
  /** `keyFor` for many subjects at once (a generated history): one read and one write for the whole batch. */
  keysFor(subjectIds: readonly SubjectId[]): Promise<ReadonlyMap<SubjectId, SubjectKey>>;
  /**
   * `keysFor` with IndexedDB requests only, so a command's transaction can ask it inside (the key table is in the
   * event store's database): the subjects' current keys, and for a subject without one a new key made from one
   * generated ahead of time (WebCrypto would commit the transaction). A subject left out gets its key from `keysFor`.
   */
  keysInTransaction(subjectIds: readonly SubjectId[], ahead?: ReadonlyMap<SubjectId, SubjectKey>): Promise<Map<SubjectId, SubjectKey>>;
  /**
   * A key to seal a subject's new fields with BEFORE a command's transaction, without waiting: the subject's newest
   * key as this tab last saw it, or a new one made from a key generated ahead of time (stored only if
   * `keysInTransaction`, given it in `ahead`, finds the subject still without a key); undefined when neither is at
   * hand. Only a guess: what `keysInTransaction` answers is the subject's key, and fields sealed with another one
   * must be sealed again. A key once forgotten is never stored again.
   */
  keyAhead(subjectId: SubjectId): SubjectKey | undefined;
  /** The keys with these ids that still exist; a missing id means forgotten (or never known in this browser). */
  keysById(keyIds: readonly string[]): Promise<ReadonlyMap<string, SubjectKey>>;
  /** Deletes every key of the subject; returns how many were deleted. */
  forget(subjectId: SubjectId): Promise<number>;
  /** Whether the subject had keys and has none now is for the caller to know; this says whether any key exists. */
  hasKey(subjectId: SubjectId): Promise<boolean>;
}

const newKey = async (subjectId: SubjectId): Promise<SubjectKey> => ({
  keyId: crypto.randomUUID(),
  subjectId,
  key: await generateSubjectKey(),
  createdAt: new Date().toISOString(),
});

export function createMemoryKeyStore(): SubjectKeyStore {
  const keys = new Map<string, SubjectKey>();
  const pending = new Map<SubjectId, Promise<SubjectKey>>();
  const current = (subjectId: SubjectId) => [...keys.values()].findLast((row) => row.subjectId === subjectId);
  return {
    async keysFor(subjectIds) {
      const rows = await Promise.all([...new Set(subjectIds)].map((subjectId) => this.keyFor(subjectId)));
      return new Map(rows.map((row) => [row.subjectId, row]));
    },
    keyFor(subjectId) {
      const found = current(subjectId);
      if (found !== undefined) return Promise.resolve(found);
      // Two appends for a new subject at once share one key.
      const making =
        pending.get(subjectId) ??
        newKey(subjectId).then((row) => {
          keys.set(row.keyId, row);
          pending.delete(subjectId);
          return row;
        });
      pending.set(subjectId, making);
      return making;
    },
    keyAhead: current,
    async keysInTransaction(subjectIds) {
      // No transaction to keep open here: only the keys there are (keysFor makes the others).
      return new Map(subjectIds.flatMap((subjectId) => {
        const row = current(subjectId);
        return row === undefined ? [] : [[subjectId, row] as const];
      }));
    },
    async keysById(keyIds) {
      return new Map(keyIds.flatMap((id) => (keys.has(id) ? [[id, keys.get(id)!] as const] : [])));
    },
    async forget(subjectId) {
      let deleted = 0;
      for (const [id, row] of keys) if (row.subjectId === subjectId && keys.delete(id)) deleted += 1;
      return deleted;
    },
    async hasKey(subjectId) {
      return current(subjectId) !== undefined;
    },
  };
}

/** Up to this many stored keys per subject asked for, `keysFor` reads the whole key table in one request. */
const wholeTableReadPerSubject = 4;

/** Keys in the workbook database's `subjectKeys` table (CryptoKey objects are stored as they are, unextractable). */
export function createDexieKeyStore(db: WorkbookDb): SubjectKeyStore {
  /**
   * Keys this store has read whole, by key id. A key never changes once made, so a key read once is the same object
   * the next time; whether it still EXISTS is always asked of IndexedDB (`existingKeyIds`), never of this map.
   */
  const seen = new Map<string, SubjectKey>();
  /**
   * The rows of these key ids, known to exist as of a read just made: from `seen`, reading whole (one request) only
   * those not met before. An id whose row is gone by then is left out.
   */
  const rowsOf = async (keyIds: readonly string[]): Promise<Map<string, SubjectKey>> => {
    const unseen = keyIds.filter((keyId) => !seen.has(keyId));
    if (unseen.length > 0) for (const row of await db.subjectKeys.bulkGet(unseen)) if (row !== undefined) seen.set(row.keyId, row);
    return new Map(keyIds.flatMap((keyId) => (seen.has(keyId) ? [[keyId, seen.get(keyId)!] as const] : [])));
  };
  /**
   * A key generated ahead of time for `keysInTransaction`, which cannot wait on WebCrypto: taken (undefined until the
   * first one is ready), and the next one generated at once.
   */
  let spare: CryptoKey | undefined;
  let generating = false;
  const spareKey = (): CryptoKey | undefined => {
    const taken = spare;
    spare = undefined;
    if (!generating) {
      generating = true;
      generateSubjectKey().then(
        (key) => ((spare = key), (generating = false)),
        () => (generating = false),
      );
    }
    return taken;
  };
  /** Keys `keyAhead` made and nobody stored yet, by key id: only these may be stored by `keysInTransaction`. */
  const minted = new Map<string, SubjectKey>();
  /** Each subject's newest key as this tab last read or made it (a guess for `keyAhead`; checked in the transaction). */
  const newestSeen = new Map<SubjectId, SubjectKey>();
  const mint = (subjectId: SubjectId): SubjectKey | undefined => {
    const key = spareKey();
    if (key === undefined) return undefined;
    const made: SubjectKey = { keyId: crypto.randomUUID(), subjectId, key, createdAt: new Date().toISOString() };
    // A guess that missed leaves its key unstored: only the last few are kept.
    if (minted.size >= 16) minted.delete(minted.keys().next().value!);
    minted.set(made.keyId, made);
    return made;
  };
  /**
   * The subject's newest key. Its key ids are asked of IndexedDB (key only); only rows not read before are read
   * whole (`seen`): a row's CryptoKey costs about half a millisecond to deserialize, on every order placed.
   */
  const current = async (subjectId: SubjectId) => {
    const keyIds = (await db.subjectKeys.where('subjectId').equals(subjectId).primaryKeys()) as string[];
    const rows = await rowsOf(keyIds);
    const newest = [...rows.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
    if (newest === undefined) newestSeen.delete(subjectId);
    else newestSeen.set(subjectId, newest);
    return newest;
  };
  /**
   * Every key of these subjects. A seed's batch names thousands: when the table holds no more than a few keys per
   * subject asked for, one read of the whole table costs less than a request per subject (and an empty table, a
   * first seed's, costs one count); otherwise point lookups, issued all at once (`anyOf` walks one cursor that
   * waits for a round trip per subject).
   */
  const keysOf = async (subjectIds: readonly SubjectId[]): Promise<SubjectKey[]> => {
    const stored = await db.subjectKeys.count();
    if (stored === 0) return [];
    if (stored <= wholeTableReadPerSubject * subjectIds.length) {
      const wanted = new Set(subjectIds);
      return (await db.subjectKeys.toArray()).filter((row) => wanted.has(row.subjectId));
    }
    return (await Promise.all(subjectIds.map((subjectId) => db.subjectKeys.where('subjectId').equals(subjectId).toArray()))).flat();
  };
  /** The ids among these that are still in the table: one key-only request for a few, the table's keys for many. */
  const existingKeyIds = async (keyIds: readonly string[]): Promise<string[]> => {
    if (keyIds.length === 0) return [];
    if (keyIds.length <= 8) {
      const found = await Promise.all(keyIds.map((keyId) => db.subjectKeys.where(':id').equals(keyId).primaryKeys()));
      return found.flat();
    }
    const stored = new Set(await db.subjectKeys.toCollection().primaryKeys());
    return keyIds.filter((keyId) => stored.has(keyId));
  };
  return {
    async keyFor(subjectId) {
      const found = await current(subjectId);
      if (found !== undefined) return found;
      // Generated outside the transaction (WebCrypto is not an IndexedDB request and would let it commit early),
      // then kept only if no other tab stored one meanwhile: one key per subject across tabs.
      const made = await newKey(subjectId);
      const kept = await db.transaction('rw', db.subjectKeys, async () => {
        const raced = await current(subjectId);
        if (raced !== undefined) return raced;
        await db.subjectKeys.add(made);
        return made;
      });
      // This tab's own key is the row it would read back: never deserialized again.
      seen.set(kept.keyId, kept);
      newestSeen.set(subjectId, kept);
      return kept;
    },
    async keysFor(subjectIds) {
      const wanted = [...new Set(subjectIds)];
      const latest = (rows: readonly SubjectKey[]) => {
        const bySubject = new Map<SubjectId, SubjectKey>();
        for (const row of [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) bySubject.set(row.subjectId, row);
        return bySubject;
      };
      const seenNewest = (rows: Map<SubjectId, SubjectKey>) => {
        for (const [subjectId, row] of rows) newestSeen.set(subjectId, row);
        return rows;
      };
      const found = latest(await keysOf(wanted));
      const missing = wanted.filter((subjectId) => !found.has(subjectId));
      if (missing.length === 0) return seenNewest(found);
      const made = await Promise.all(missing.map(newKey));
      return db.transaction('rw', db.subjectKeys, async () => {
        const raced = latest(await keysOf(missing));
        const added = made.filter((row) => !raced.has(row.subjectId));
        await db.subjectKeys.bulkAdd(added);
        return seenNewest(new Map([...found, ...raced, ...added.map((row) => [row.subjectId, row] as const)]));
      });
    },
    keyAhead(subjectId) {
      return newestSeen.get(subjectId) ?? mint(subjectId);
    },
    keysInTransaction(subjectIds, ahead) {
      const wanted = [...new Set(subjectIds)];
      // Joins the caller's read-write transaction when it covers the key table (a command's), so no other tab adds
      // a key between this read and this write; its own otherwise.
      return db.transaction('rw', db.subjectKeys, async () => {
        const rows = await Promise.all(wanted.map(current));
        const found = new Map(rows.flatMap((row) => (row === undefined ? [] : [[row.subjectId, row] as const])));
        for (const subjectId of wanted) {
          if (found.has(subjectId)) continue;
          // A key minted ahead for this subject, else one from the spare: never a key that was stored before.
          const guess = ahead?.get(subjectId);
          const made = guess !== undefined && minted.get(guess.keyId) === guess ? guess : mint(subjectId);
          if (made === undefined) break;
          minted.delete(made.keyId);
          await db.subjectKeys.add(made);
          seen.set(made.keyId, made);
          newestSeen.set(subjectId, made);
          found.set(subjectId, made);
        }
        return found;
      });
    },
    async keysById(keyIds) {
      const wanted = [...new Set(keyIds)];
      // Which of them still exist, asked of IndexedDB every time (another tab may have forgotten a subject): the
      // row's key only, which costs next to nothing. Only keys not met before are read whole: reading a row whose
      // CryptoKey must be deserialized costs about half a millisecond each in Chromium, a whole rebuild's worth.
      return rowsOf(await existingKeyIds(wanted));
    },
    async forget(subjectId) {
      for (const [keyId, row] of seen) if (row.subjectId === subjectId) seen.delete(keyId);
      newestSeen.delete(subjectId);
      return db.subjectKeys.where('subjectId').equals(subjectId).delete();
    },
    async hasKey(subjectId) {
      return (await db.subjectKeys.where('subjectId').equals(subjectId).count()) > 0;
    },
  };
}
