import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDexieKeyStore } from '../../src/privacy/keyStore';
import { tempWorkbookDbs } from '../support/tempWorkbookDb';

/**
 * `keysFor` reads a batch's keys one of two ways (the whole key table when it is small next to the batch, point
 * lookups otherwise); both must answer each subject's current key, make keys only for subjects without one, and
 * never answer a forgotten key.
 */

const openDb = tempWorkbookDbs('keys');

const subjects = (from: number, count: number) => Array.from({ length: count }, (_, index) => `customer:${from + index}`);

describe('Dexie key store: keys for a batch of subjects', () => {
  it.each([
    ['a table small next to the batch (read whole)', 8, 6],
    ['a table large next to the batch (point lookups)', 60, 3],
  ])('with %s, answers existing keys, makes the missing ones once, and skips forgotten keys', async (_name, stored, asked) => {
    const db = await openDb();
    const keys = createDexieKeyStore(db);
    const existing = await keys.keysFor(subjects(0, stored));
    expect(existing.size).toBe(stored);
    await keys.forget('customer:1');

    // Known subjects 0 and 1 (1 forgotten), then subjects no key was made for.
    const wanted = ['customer:0', 'customer:1', ...subjects(1000, asked)];
    const answered = await keys.keysFor(wanted);
    expect([...answered.keys()].sort()).toEqual([...wanted].sort());
    expect(answered.get('customer:0')!.keyId).toBe(existing.get('customer:0')!.keyId);
    expect(answered.get('customer:1')!.keyId).not.toBe(existing.get('customer:1')!.keyId);
    expect(await db.subjectKeys.count()).toBe(stored - 1 + 1 + asked);

    // Asked again: the same keys, nothing new made.
    const again = await keys.keysFor(wanted);
    for (const subject of wanted) expect(again.get(subject)!.keyId).toBe(answered.get(subject)!.keyId);
    expect(await db.subjectKeys.count()).toBe(stored + asked);
  });
});
