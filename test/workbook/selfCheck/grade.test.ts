import { describe, expect, it } from 'vitest';
import { gradeAnswer, moveItem, startingOrder } from '../../../src/workbook/selfCheck/grade';
import { lessonCheckState } from '../../../src/workbook/selfCheck/lessonProgress';
import type { ChoiceQuestion, OrderQuestion, ReadModelQuestion, SelfCheck } from '../../../src/workbook/selfCheck/types';

const explained = (id: string, correct: boolean) => ({ id, text: `choice ${id}`, correct, explanation: `why ${id} is ${correct ? 'right' : 'wrong'}` });

const single: ChoiceQuestion = Object.freeze<ChoiceQuestion>({
  kind: 'choice', id: 'single', prompt: 'Pick one', multiple: false,
  choices: [explained('a', false), explained('b', true), explained('c', false)],
});
const multiple: ChoiceQuestion = Object.freeze<ChoiceQuestion>({
  kind: 'choice', id: 'multiple', prompt: 'Pick all', multiple: true,
  choices: [explained('a', true), explained('b', true), explained('c', false), explained('d', true)],
});
const order: OrderQuestion = Object.freeze<OrderQuestion>({
  kind: 'order', id: 'lifecycle', prompt: 'Order them',
  items: ['placed', 'confirmed', 'shipped', 'delivered'].map((id) => ({ id, text: id, explanation: `${id} explained` })),
});
const readModel: ReadModelQuestion = Object.freeze<ReadModelQuestion>({
  kind: 'read-model', id: 'summary', prompt: 'Counts per status',
  choices: [
    { readModel: 'orders', correct: false, explanation: 'one per order' },
    { readModel: 'orderSummary', correct: true, explanation: 'the counts' },
  ],
});

describe('grading one self-check answer', () => {
  it('single choice: right, wrong, unanswered; every choice comes back with its explanation', () => {
    const right = gradeAnswer(single, { kind: 'choice', chosen: ['b'] });
    expect(right.verdict).toBe('right');
    expect(right.feedback.map((choice) => [choice.id, choice.picked, choice.correct, choice.explanation])).toEqual([
      ['a', false, false, 'why a is wrong'],
      ['b', true, true, 'why b is right'],
      ['c', false, false, 'why c is wrong'],
    ]);
    expect(gradeAnswer(single, { kind: 'choice', chosen: ['a'] })).toMatchObject({ verdict: 'wrong', message: 'Not right.' });
    expect(gradeAnswer(single, { kind: 'choice', chosen: [] }).verdict).toBe('unanswered');
    expect(gradeAnswer(single, undefined).verdict).toBe('unanswered');
  });

  it('multiple choice: all right ones and no wrong one is right; some right ones is partial; only wrong ones is wrong', () => {
    expect(gradeAnswer(multiple, { kind: 'choice', chosen: ['d', 'a', 'b'] }).verdict).toBe('right');
    expect(gradeAnswer(multiple, { kind: 'choice', chosen: ['a', 'b'] })).toMatchObject({
      verdict: 'partial',
      message: 'Partly right: 2 of 3 right choices checked, 1 right one left unchecked.',
    });
    expect(gradeAnswer(multiple, { kind: 'choice', chosen: ['a', 'b', 'c', 'd'] })).toMatchObject({
      verdict: 'partial',
      message: 'Partly right: 3 of 3 right choices checked, 1 checked that is not right.',
    });
    expect(gradeAnswer(multiple, { kind: 'choice', chosen: ['c'] }).verdict).toBe('wrong');
    expect(gradeAnswer(multiple, { kind: 'choice', chosen: [] }).verdict).toBe('unanswered');
  });

  it('an answer of another kind, or naming choices that do not exist, counts as no answer', () => {
    expect(gradeAnswer(single, { kind: 'order', order: ['b'] }).verdict).toBe('unanswered');
    expect(gradeAnswer(single, { kind: 'choice', chosen: ['zzz'] }).verdict).toBe('unanswered');
  });

  it('which read model: the chosen one is right or wrong, with each read model described', () => {
    const right = gradeAnswer(readModel, { kind: 'read-model', chosen: 'orderSummary' });
    expect(right.verdict).toBe('right');
    expect(right.feedback[1]).toMatchObject({ id: 'orderSummary', picked: true, correct: true, explanation: 'the counts' });
    expect(right.feedback[1]?.text).toMatch(/^orderSummary \(one document for the shop/);
    expect(gradeAnswer(readModel, { kind: 'read-model', chosen: 'orders' }).verdict).toBe('wrong');
    expect(gradeAnswer(readModel, { kind: 'read-model', chosen: null }).verdict).toBe('unanswered');
  });

  it('order: right only in the exact order; otherwise how many stand in place, and where each belongs', () => {
    expect(gradeAnswer(order, { kind: 'order', order: ['placed', 'confirmed', 'shipped', 'delivered'] }).verdict).toBe('right');
    const swapped = gradeAnswer(order, { kind: 'order', order: ['placed', 'shipped', 'confirmed', 'delivered'] });
    expect(swapped).toMatchObject({ verdict: 'wrong', message: 'Not right: 2 of 4 in the right place.' });
    expect(swapped.feedback.map((item) => [item.id, item.picked, item.rightPosition])).toEqual([
      ['placed', true, 1],
      ['shipped', false, 3],
      ['confirmed', false, 2],
      ['delivered', true, 4],
    ]);
    // Not a permutation of the items (one missing, one repeated): not an answer.
    expect(gradeAnswer(order, { kind: 'order', order: ['placed', 'placed', 'shipped', 'delivered'] }).verdict).toBe('unanswered');
    expect(gradeAnswer(order, undefined).verdict).toBe('unanswered');
  });

  it('the starting order is a fixed scramble, and moving items up and down reaches the answer', () => {
    const start = startingOrder(order);
    expect(start).toEqual(startingOrder(order));
    expect(start).not.toEqual(['placed', 'confirmed', 'shipped', 'delivered']);
    // Bubble the items into place with the same moves a student's buttons make.
    let current = start;
    for (const [index, id] of ['placed', 'confirmed', 'shipped', 'delivered'].entries()) {
      while (current.indexOf(id) > index) current = moveItem(current, id, -1);
    }
    expect(gradeAnswer(order, { kind: 'order', order: current }).verdict).toBe('right');
    expect(moveItem(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 'b', 1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 'a', 1)).toEqual(['b', 'a']);
  });
});

describe('a lesson in the lesson list', () => {
  const check: SelfCheck = { lessonId: 'l', questions: [single, multiple, order] };
  const saved = (questionId: string, answer: Parameters<typeof gradeAnswer>[1]) => ({ lessonId: 'l', questionId, answer: answer! });

  it('is not tried, then N of M right, then understood', () => {
    expect(lessonCheckState(check, [])).toMatchObject({ state: 'not-tried', text: 'not tried', total: 3 });
    const partly = [saved('single', { kind: 'choice', chosen: ['b'] }), saved('multiple', { kind: 'choice', chosen: ['a'] })];
    expect(lessonCheckState(check, partly)).toMatchObject({ state: 'started', right: 1, text: '1 of 3 right' });
    const all = [
      saved('single', { kind: 'choice', chosen: ['b'] }),
      saved('multiple', { kind: 'choice', chosen: ['a', 'b', 'd'] }),
      saved('lifecycle', { kind: 'order', order: ['placed', 'confirmed', 'shipped', 'delivered'] }),
    ];
    expect(lessonCheckState(check, all)).toMatchObject({ state: 'understood', right: 3, text: 'understood' });
  });

  it('ignores answers of other lessons and of questions that no longer exist', () => {
    const rows = [
      { lessonId: 'other', questionId: 'single', answer: { kind: 'choice' as const, chosen: ['b'] } },
      saved('gone', { kind: 'choice', chosen: ['b'] }),
    ];
    expect(lessonCheckState(check, rows).state).toBe('not-tried');
  });
});
