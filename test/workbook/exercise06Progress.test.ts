import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressDb } from '../../src/db/schema';
import {
  createAutosaver,
  loadExercise06,
  passedCount,
  progressDb,
  recordCheck,
  recordHintsRevealed,
  saveExercise06Text,
  type SaveStatus,
} from '../../src/workbook/exercise06Progress';
import { sharedProgressDb } from '../../src/workbook/progressStore';

/** A student's Exercise 06 work outlives the page: text, verdicts and opened hints come back after a reload. */

let counter = 0;
const opened: ProgressDb[] = [];
function freshDb(name = `exercise06-test-${++counter}`): ProgressDb {
  const db = new ProgressDb(name);
  opened.push(db);
  return db;
}
afterEach(() => {
  vi.useRealTimers();
  for (const db of opened.splice(0)) db.close();
});

describe('Exercise 06 progress', () => {
  it('starts with no text and six unchecked requirements', async () => {
    const saved = await loadExercise06(freshDb());
    expect(saved.text).toBeUndefined();
    expect([...saved.progress.keys()]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...saved.progress.values()].every((row) => row.status === 'unchecked')).toBe(true);
    expect(passedCount(saved.progress)).toBe(0);
  });

  it('brings back the text, each check and the hints opened, in a new connection (a reload)', async () => {
    const name = `exercise06-reload-${++counter}`;
    const first = freshDb(name);
    await saveExercise06Text(first, '## Requirement 1\n\nmy answer');
    await recordCheck(first, 1, { id: '1', status: 'pass', message: 'All five answers hold.' });
    await recordCheck(first, 2, { id: '2', status: 'fail', message: 'your diagram has no path from the Query Handler to the Read DB' });
    await recordHintsRevealed(first, 2, 2);
    first.close();

    const saved = await loadExercise06(freshDb(name));
    expect(saved.text).toBe('## Requirement 1\n\nmy answer');
    expect(saved.progress.get(1)).toMatchObject({ status: 'pass', message: 'All five answers hold.' });
    expect(saved.progress.get(2)).toMatchObject({ status: 'fail', hintsRevealed: 2 });
    expect(passedCount(saved.progress)).toBe(1);
  });
});

describe('autosave', () => {
  it('writes only the latest text once typing pauses, and says Saved', async () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const statuses: SaveStatus['kind'][] = [];
    const saver = createAutosaver(
      async (text) => {
        writes.push(text);
      },
      (status) => statuses.push(status.kind),
      300,
    );
    saver.schedule('a');
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule('abc');
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(writes).toEqual(['abc']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flush saves at once; a failed write reports why and is retried with the next save', async () => {
    let fail = true;
    const writes: string[] = [];
    const statuses: SaveStatus[] = [];
    const saver = createAutosaver(
      async (text) => {
        if (fail) throw new Error('The disk is full');
        writes.push(text);
      },
      (status) => statuses.push(status),
      10_000,
    );
    saver.schedule('draft');
    await saver.flush();
    expect(statuses.at(-1)).toEqual({ kind: 'error', message: 'The disk is full' });
    fail = false;
    await saver.flush();
    expect(writes).toEqual(['draft']);
    expect(statuses.at(-1)?.kind).toBe('saved');
    saver.dispose();
  });

  it('a full disk is said in words, not as the name of the exception', async () => {
    const statuses: SaveStatus[] = [];
    // What IndexedDB hands Dexie on a full disk: a DOMException with no message, wrapped in an AbortError.
    const full = Object.assign(new Error('QuotaExceededError '), {
      name: 'AbortError',
      inner: new DOMException('', 'QuotaExceededError'),
    });
    const saver = createAutosaver(
      async () => {
        throw full;
      },
      (status) => statuses.push(status),
      10_000,
    );
    saver.schedule('draft');
    await saver.flush();
    const message = (statuses.at(-1) as { message: string }).message;
    expect(message).not.toMatch(/QuotaExceededError/);
    expect(`Not saved: ${message}.`).toMatch(/^Not saved: the browser's storage for this site is full\. .*free disk space.*\.$/);
    saver.dispose();
  });
});

describe('the connection Exercise 06 saves through', () => {
  it('is the one the exercises page imports and resets through', () => {
    expect(progressDb()).toBe(sharedProgressDb());
    expect(progressDb()).toBe(progressDb());
  });
});
