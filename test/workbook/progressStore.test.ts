import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressDb } from '../../src/db/schema';
import {
  exportProgress,
  importProgress,
  loadAllProgress,
  loadAnswer,
  loadProgress,
  progressFileText,
  resetProgress,
  saveAnswer,
  saveProgress,
  updateProgress,
} from '../../src/workbook/progressStore';

let counter = 0;
const opened: ProgressDb[] = [];
function freshDb(): ProgressDb {
  const db = new ProgressDb(`progress-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('progress store', () => {
  it('keeps a student answer and the progress of each exercise apart', async () => {
    const db = freshDb();
    await saveAnswer(db, '01-decide', 'export function decide() {}');
    await updateProgress(db, '01-decide', 'exercise', { status: 'pass', message: '5 of 5 tests pass' });
    await updateProgress(db, '02-evolve', 'exercise', { hintsRevealed: 1 });

    expect((await loadAnswer(db, '01-decide'))?.text).toBe('export function decide() {}');
    expect(await loadAnswer(db, '02-evolve')).toBeUndefined();
    const first = await loadProgress(db, '01-decide');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: 'pass', hintsRevealed: 0, gaveUp: false });
    expect((await loadProgress(db, '02-evolve'))[0]).toMatchObject({ status: 'unchecked', hintsRevealed: 1 });
  });

  it('updating one field keeps the others', async () => {
    const db = freshDb();
    await updateProgress(db, '01-decide', 'exercise', { hintsRevealed: 2 });
    await updateProgress(db, '01-decide', 'exercise', { gaveUp: true });
    expect((await loadProgress(db, '01-decide'))[0]).toMatchObject({ hintsRevealed: 2, gaveUp: true });
  });

  it('resets one exercise without touching the others, or everything', async () => {
    const db = freshDb();
    await saveAnswer(db, 'a', 'A');
    await saveAnswer(db, 'b', 'B');
    await updateProgress(db, 'a', 'exercise', { status: 'pass' });
    await updateProgress(db, 'b', 'exercise', { status: 'pass' });

    await resetProgress(db, 'a');
    expect(await loadAnswer(db, 'a')).toBeUndefined();
    expect(await loadProgress(db, 'a')).toEqual([]);
    expect((await loadAnswer(db, 'b'))?.text).toBe('B');

    await resetProgress(db);
    expect(await loadAllProgress(db)).toEqual([]);
    expect(await loadAnswer(db, 'b')).toBeUndefined();
  });

  it('an exported file imports into another browser as the same work', async () => {
    const source = freshDb();
    await saveAnswer(source, '01-decide', 'my code');
    await saveProgress(source, {
      exerciseId: '06-cqrs-event-sourcing',
      itemId: '3',
      status: 'fail',
      message: 'row missing',
      hintsRevealed: 1,
      gaveUp: false,
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    const text = progressFileText(await exportProgress(source));

    const target = freshDb();
    await saveAnswer(target, 'old', 'replaced by the import');
    const outcome = await importProgress(target, text);

    expect(outcome).toEqual({ ok: true, answers: 1, progress: 1, selfChecks: 0 });
    expect((await loadAnswer(target, '01-decide'))?.text).toBe('my code');
    expect(await loadAnswer(target, 'old')).toBeUndefined();
    expect((await loadProgress(target, '06-cqrs-event-sourcing'))[0]).toMatchObject({ itemId: '3', message: 'row missing' });
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['another kind of file', JSON.stringify({ format: 'something-else', version: 1 }), /not a workbook progress file/],
    ['a newer version', JSON.stringify({ format: 'event-workbook-progress', version: 3, exportedAt: '', answers: [], progress: [] }), /newer workbook/],
    [
      'a bad status',
      JSON.stringify({
        format: 'event-workbook-progress',
        version: 1,
        exportedAt: '',
        answers: [],
        progress: [{ exerciseId: 'x', itemId: 'exercise', status: 'done', message: '', hintsRevealed: 0, gaveUp: false, updatedAt: '' }],
      }),
      /The field "progress\[0\]\.status" of the file must be "pass", "fail" or "unchecked"/,
    ],
    [
      'an answer without text',
      JSON.stringify({ format: 'event-workbook-progress', version: 1, exportedAt: '', answers: [{ exerciseId: 'x', updatedAt: '' }], progress: [] }),
      /The field "answers\[0\]\.text" of the file is missing: is this a file saved with "Export progress"\?/,
    ],
  ])('rejects %s with a reason and changes nothing', async (_name, text, reason) => {
    const db = freshDb();
    await saveAnswer(db, 'kept', 'still here');
    const outcome = await importProgress(db, text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(reason);
    expect((await loadAnswer(db, 'kept'))?.text).toBe('still here');
  });
});
