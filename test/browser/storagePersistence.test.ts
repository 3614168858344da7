import { afterEach, describe, expect, it } from 'vitest';
import { persistenceAnswerKey, readStorageStatus, requestPersistentStorageOnce } from '../../src/db/storagePersistence';

/** The Storage API as Chromium really answers it: numbers for usage and quota, a yes/no for persistence. */

afterEach(() => localStorage.removeItem(persistenceAnswerKey));

describe('browser storage in Chromium', () => {
  it('estimates usage within a quota, and says whether the data is persistent', async () => {
    const status = await readStorageStatus();
    expect(status.quota).toBeGreaterThan(0);
    expect(status.usage).toBeGreaterThanOrEqual(0);
    expect(typeof status.persisted).toBe('boolean');
  });

  it('asks once, remembers the answer in this browser, and later reads the same answer without asking', async () => {
    const first = await requestPersistentStorageOnce();
    expect(typeof first).toBe('boolean');
    expect(localStorage.getItem(persistenceAnswerKey)).toBe(first ? 'granted' : 'denied');
    expect(await requestPersistentStorageOnce()).toBe(await navigator.storage.persisted());
  });
});
