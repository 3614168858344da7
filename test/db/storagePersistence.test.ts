import { describe, expect, it } from 'vitest';
import {
  describePersistence,
  describeUsage,
  formatBytes,
  persistenceAnswerKey,
  readStorageStatus,
  requestPersistentStorageOnce,
  type AnswerMemory,
  type StorageManagerLike,
} from '../../src/db/storagePersistence';

/** What the Data screen says about the browser's storage, and the one request for persistence at start. */

/** A browser's StorageManager as far as the app uses it: `persist()` grants or refuses, and counts its calls. */
function browserStorage(grants: boolean): StorageManagerLike & { persistCalls: number } {
  let persisted = false;
  const storage = {
    persistCalls: 0,
    async persist() {
      storage.persistCalls += 1;
      persisted = grants;
      return grants;
    },
    async persisted() {
      return persisted;
    },
    async estimate() {
      return { usage: 2_345_678, quota: 10_000_000_000 };
    },
  };
  return storage;
}

function memory(): AnswerMemory & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('asking for persistent storage', () => {
  it('asks on the first start and remembers the answer', async () => {
    const storage = browserStorage(true);
    const answers = memory();
    expect(await requestPersistentStorageOnce(storage, answers)).toBe(true);
    expect(answers.values.get(persistenceAnswerKey)).toBe('granted');
  });

  it('does not ask again on later starts, and reports what the browser decided', async () => {
    const storage = browserStorage(false);
    const answers = memory();
    expect(await requestPersistentStorageOnce(storage, answers)).toBe(false);
    expect(await requestPersistentStorageOnce(storage, answers)).toBe(false);
    expect(await requestPersistentStorageOnce(storage, answers)).toBe(false);
    expect(storage.persistCalls).toBe(1);
    expect(answers.values.get(persistenceAnswerKey)).toBe('denied');
  });

  it('says nothing (undefined) in a browser without the Storage API, and never throws', async () => {
    expect(await requestPersistentStorageOnce(undefined, memory())).toBeUndefined();
    expect(await requestPersistentStorageOnce({}, memory())).toBeUndefined();
    expect(await readStorageStatus(undefined)).toEqual({ usage: undefined, quota: undefined, persisted: undefined });
  });
});

describe('describing the storage', () => {
  it('formats sizes the way the browser settings do', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1_234)).toBe('1.2 KB');
    expect(formatBytes(2_345_678)).toBe('2.3 MB');
    expect(formatBytes(456_000_000)).toBe('456 MB');
    expect(formatBytes(10_000_000_000)).toBe('10 GB');
  });

  it('gives usage of quota with its share', async () => {
    expect(describeUsage(await readStorageStatus(browserStorage(true)))).toBe('2.3 MB of 10 GB used (less than 0.1 %).');
    expect(describeUsage({ usage: 250_000_000, quota: 1_000_000_000, persisted: true })).toBe('250 MB of 1 GB used (25 %).');
    expect(describeUsage({ usage: 1_000, quota: undefined, persisted: undefined })).toBe('1 KB used.');
    expect(describeUsage({ usage: undefined, quota: undefined, persisted: undefined })).toMatch(/does not say/);
  });

  it('says whether the browser may clear the data, and what to do when it may', () => {
    expect(describePersistence(true)).toMatch(/^Stored in this browser, persistent: yes/);
    expect(describePersistence(false)).toMatch(/^Stored in this browser, persistent: no .*export your data/);
    expect(describePersistence(undefined)).toMatch(/does not say whether/);
  });
});
