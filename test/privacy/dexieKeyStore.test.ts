import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDexieKeyStore } from '../../src/privacy/keyStore';
import { WorkbookDb } from '../../src/db/schema';
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

describe('Dexie key store: keys by id', () => {
  it.each([
    ['a few ids (one key-only request each)', 3],
    ['many ids (the table keys, read once)', 12],
  ])('with %s, never answers a key another tab forgot, though this tab read it before', async (_name, count) => {
    const db = await openDb();
    const here = createDexieKeyStore(db);
    const made = await here.keysFor(subjects(0, count));
    const keyIds = [...made.values()].map((row) => row.keyId);
    expect([...(await here.keysById(keyIds)).keys()].sort()).toEqual([...keyIds].sort());

    // Another tab: its own connection to the same database forgets one subject.
    const otherTab = new WorkbookDb(db.name);
    await otherTab.open();
    try {
      expect(await createDexieKeyStore(otherTab).forget('customer:1')).toBe(1);
    } finally {
      otherTab.close();
    }

    const after = await here.keysById(keyIds);
    expect(after.has(made.get('customer:1')!.keyId)).toBe(false);
    expect(after.size).toBe(count - 1);
    // The others are the very keys read before, and still decrypt what they encrypted.
    expect(after.get(made.get('customer:0')!.keyId)).toEqual(made.get('customer:0'));
    expect(await here.keysById(['no-such-key'])).toEqual(new Map());
  });
});

describe('Dexie key store: the key for one subject', () => {
  it('answers the key read before while it exists, and a new one once another tab forgot it', async () => {
    const db = await openDb();
    const here = createDexieKeyStore(db);
    const first = await here.keyFor('customer:7');
    expect(await here.keyFor('customer:7')).toBe(first);
    const otherTab = new WorkbookDb(db.name);
    await otherTab.open();
    try {
      expect(await createDexieKeyStore(otherTab).forget('customer:7')).toBe(1);
    } finally {
      otherTab.close();
    }
    const next = await here.keyFor('customer:7');
    expect(next.keyId).not.toBe(first.keyId);
    expect([...(await db.subjectKeys.toCollection().primaryKeys())]).toEqual([next.keyId]);
  });
});
