import { describe, expect, it } from 'vitest';
import { lessons } from '../../../content/index';
import { selfChecks } from '../../../content/self-checks/index';
import { workbookProjections } from '../../../src/projections/allProjections';
import { gradeAnswer, startingOrder } from '../../../src/workbook/selfCheck/grade';
import { readModelDescriptions } from '../../../src/workbook/selfCheck/readModels';
import type { SelfCheckQuestion } from '../../../src/workbook/selfCheck/types';

/** The self-check content as a teacher would check it before handing it out. */

const projectionNames = workbookProjections.map((projection) => projection.name);
const everyQuestion = selfChecks.flatMap((check) => check.questions.map((question) => ({ lessonId: check.lessonId, question })));
const label = ({ lessonId, question }: { lessonId: string; question: SelfCheckQuestion }): string => `${lessonId} / ${question.id}`;

describe('the self-check questions', () => {
  it('cover every lesson, in lesson order, once', () => {
    expect(selfChecks.map((check) => check.lessonId)).toEqual(lessons.map((lesson) => lesson.id));
  });

  it.each(selfChecks.map((check) => [check.lessonId, check] as const))('%s has 3 to 5 questions with distinct ids', (_, check) => {
    expect(check.questions.length).toBeGreaterThanOrEqual(3);
    expect(check.questions.length).toBeLessThanOrEqual(5);
    const ids = check.questions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use the three kinds of question across the lessons', () => {
    expect(new Set(everyQuestion.map(({ question }) => question.kind))).toEqual(new Set(['choice', 'order', 'read-model']));
  });

  it.each(everyQuestion.map((entry) => [label(entry), entry.question] as const))('%s: every choice explained, the right number right', (_, question) => {
    expect(question.prompt.trim().length).toBeGreaterThan(10);
    switch (question.kind) {
      case 'choice': {
        expect(question.choices.length).toBeGreaterThanOrEqual(3);
        expect(new Set(question.choices.map((choice) => choice.id)).size).toBe(question.choices.length);
        for (const choice of question.choices) {
          expect(choice.text.trim(), choice.id).not.toBe('');
          expect(choice.explanation.trim().length, `${choice.id} has no real explanation`).toBeGreaterThan(20);
        }
        const right = question.choices.filter((choice) => choice.correct).length;
        if (question.multiple) {
          // At least one right and one wrong, or "check every one" is not a question.
          expect(right).toBeGreaterThanOrEqual(1);
          expect(right).toBeLessThan(question.choices.length);
        } else {
          expect(right).toBe(1);
        }
        return;
      }
      case 'read-model': {
        expect(question.choices.length).toBeGreaterThanOrEqual(3);
        expect(question.choices.filter((choice) => choice.correct)).toHaveLength(1);
        for (const choice of question.choices) {
          expect(projectionNames, `${choice.readModel} is not a read model in src/projections`).toContain(choice.readModel);
          expect(choice.explanation.trim().length).toBeGreaterThan(20);
        }
        expect(new Set(question.choices.map((choice) => choice.readModel)).size).toBe(question.choices.length);
        return;
      }
      case 'order': {
        expect(question.items.length).toBeGreaterThanOrEqual(3);
        const ids = question.items.map((item) => item.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(question.items.map((item) => item.text)).size, 'two items read the same: the order would be ambiguous').toBe(ids.length);
        for (const item of question.items) expect(item.explanation.trim().length).toBeGreaterThan(20);
        // Solvable: the student starts from a scramble of the same items, not from the answer, and the answer grades right.
        const start = startingOrder(question);
        expect([...start].sort()).toEqual([...ids].sort());
        expect(start).not.toEqual(ids);
        expect(gradeAnswer(question, { kind: 'order', order: ids }).verdict).toBe('right');
        expect(gradeAnswer(question, { kind: 'order', order: start }).verdict).toBe('wrong');
        return;
      }
    }
  });

  it('describe exactly the read models of src/projections', () => {
    expect(Object.keys(readModelDescriptions).sort()).toEqual([...projectionNames].sort());
  });
});
