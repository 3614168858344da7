import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressDb } from '../../../src/db/schema';
import { exportProgress, importProgress, loadAnswer, progressFileText, saveAnswer } from '../../../src/workbook/progressStore';
import { loadLessonSelfCheckAnswers, loadSelfCheckAnswers, saveSelfCheckAnswer } from '../../../src/workbook/selfCheck/selfCheckStore';

let counter = 0;
const opened: Dexie[] = [];
function fresh(name = `self-check-test-${++counter}`): ProgressDb {
  const db = new ProgressDb(name);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const fileWith = (selfChecks: unknown, version = 2): string =>
  JSON.stringify({ format: 'event-workbook-progress', version, exportedAt: '', answers: [], progress: [], selfChecks });

describe('self-check answers in the student\'s progress', () => {
  it('keeps the latest checked answer per question', async () => {
    const db = fresh();
    await saveSelfCheckAnswer(db, 'sagas', 'circuit-breaker', { kind: 'choice', chosen: ['queued'] });
    await saveSelfCheckAnswer(db, 'sagas', 'circuit-breaker', { kind: 'choice', chosen: ['fails-fast'] });
    await saveSelfCheckAnswer(db, 'snapshots', 'events-folded', { kind: 'choice', chosen: ['ten'] });
    const rows = await loadSelfCheckAnswers(db);
    expect(rows.map((row) => [row.lessonId, row.questionId, row.answer])).toEqual([
      ['sagas', 'circuit-breaker', { kind: 'choice', chosen: ['fails-fast'] }],
      ['snapshots', 'events-folded', { kind: 'choice', chosen: ['ten'] }],
    ]);
    expect((await loadLessonSelfCheckAnswers(db, 'snapshots')).map((row) => row.questionId)).toEqual(['events-folded']);
    expect(await loadLessonSelfCheckAnswers(db, 'projections')).toEqual([]);
  });

  it('travels in the exported progress file and replaces the other browser\'s answers on import', async () => {
    const source = fresh();
    await saveAnswer(source, '01-decide', 'code');
    await saveSelfCheckAnswer(source, 'event-sourcing', 'handling-a-command', { kind: 'order', order: ['load', 'fold', 'decide', 'append'] });
    await saveSelfCheckAnswer(source, 'commands-and-queries', 'summary-query', { kind: 'read-model', chosen: 'orderSummary' });
    const file = await exportProgress(source);
    expect(file.version).toBe(2);

    const target = fresh();
    await saveSelfCheckAnswer(target, 'sagas', 'circuit-breaker', { kind: 'choice', chosen: ['queued'] });
    expect(await importProgress(target, progressFileText(file))).toEqual({ ok: true, answers: 1, progress: 0, selfChecks: 2 });
    expect((await loadSelfCheckAnswers(target)).map((row) => row.questionId).sort()).toEqual(['handling-a-command', 'summary-query']);
  });

  it('imports a version 1 file (written before self-checks) as work with no self-check answers', async () => {
    const db = fresh();
    await saveSelfCheckAnswer(db, 'sagas', 'circuit-breaker', { kind: 'choice', chosen: ['queued'] });
    const v1 = JSON.stringify({ format: 'event-workbook-progress', version: 1, exportedAt: '', answers: [{ exerciseId: 'a', text: 'A', updatedAt: '' }], progress: [] });
    expect(await importProgress(db, v1)).toEqual({ ok: true, answers: 1, progress: 0, selfChecks: 0 });
    expect(await loadSelfCheckAnswers(db)).toEqual([]);
  });

  it.each([
    [
      'an answer of an unknown kind',
      fileWith([{ lessonId: 'sagas', questionId: 'q', answer: { kind: 'essay', text: 'x' }, updatedAt: '' }]),
      /The field "selfChecks\[0\]\.answer\.kind" of the file must be "choice", "order" or "read-model"/,
    ],
    [
      'a read model the workbook does not have',
      fileWith([{ lessonId: 'sagas', questionId: 'q', answer: { kind: 'read-model', chosen: 'ordersByProduct' }, updatedAt: '' }]),
      /The field "selfChecks\[0\]\.answer\.chosen" of the file must be one of orders, orderSummary, topCustomers, users, or null/,
    ],
    [
      'a choice list that is not text',
      fileWith([{ lessonId: 'sagas', questionId: 'q', answer: { kind: 'choice', chosen: [{ '<img src=x onerror=alert(1)>': 1 }] }, updatedAt: '' }]),
      /The field "selfChecks\[0\]\.answer\.chosen\[0\]" of the file must be text/,
    ],
    [
      'two answers to one question',
      fileWith([
        { lessonId: 'sagas', questionId: 'q', answer: { kind: 'choice', chosen: ['a'] }, updatedAt: '' },
        { lessonId: 'sagas', questionId: 'q', answer: { kind: 'choice', chosen: ['b'] }, updatedAt: '' },
      ]),
      /two self-check answers to question "q" of lesson "sagas"\. Nothing was imported\./,
    ],
  ])('refuses %s with a reason and changes nothing', async (_name, text, reason) => {
    const db = fresh();
    await saveAnswer(db, 'kept', 'still here');
    await saveSelfCheckAnswer(db, 'sagas', 'circuit-breaker', { kind: 'choice', chosen: ['fails-fast'] });
    const outcome = await importProgress(db, text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(reason);
    expect((await loadAnswer(db, 'kept'))?.text).toBe('still here');
    expect((await loadSelfCheckAnswers(db)).map((row) => row.questionId)).toEqual(['circuit-breaker']);
  });

  it('a browser with version 1 of the progress database upgrades to version 2 and keeps the student\'s work', async () => {
    const name = `self-check-upgrade-${++counter}`;
    // Version 1 exactly as it shipped.
    const old = new Dexie(name);
    old.version(1).stores({ answers: 'exerciseId', progress: '[exerciseId+itemId], exerciseId' });
    await old.table('answers').put({ exerciseId: '06-cqrs-event-sourcing', text: '## Requirement 1', updatedAt: '' });
    await old.table('progress').put({ exerciseId: '01-decide', itemId: 'exercise', status: 'pass', message: 'ok', hintsRevealed: 0, gaveUp: false, updatedAt: '' });
    old.close();

    const db = fresh(name);
    await saveSelfCheckAnswer(db, 'snapshots', 'events-folded', { kind: 'choice', chosen: ['ten'] });
    expect(db.verno).toBe(2);
    expect((await loadAnswer(db, '06-cqrs-event-sourcing'))?.text).toBe('## Requirement 1');
    expect(await db.progress.get(['01-decide', 'exercise'])).toMatchObject({ status: 'pass' });
    expect(await loadSelfCheckAnswers(db)).toHaveLength(1);
  });
});
