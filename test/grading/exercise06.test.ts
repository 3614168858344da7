import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRequirement, gradeExercise06, parseAnswersDocument } from '../../src/grading';

/** The whole answers.md: the reference solution and other correct answers pass, the starter and wrong answers fail. */

const root = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(resolve(root, path), 'utf8');

describe('grading a whole answers.md', () => {
  it('passes every requirement of the reference solution', () => {
    const results = gradeExercise06(read('exercises/_solutions/06-cqrs-event-sourcing/answers.md'));
    expect(results.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
  });

  it('passes every requirement of a correct answers.md written in other words and layouts', () => {
    expect(gradeExercise06(read('test/grading/answers/full-correct.md')).filter((r) => r.status === 'fail')).toEqual([]);
  });

  it('fails every requirement of the untouched starter, saying each is not answered yet', () => {
    const results = gradeExercise06(read('exercises/06-cqrs-event-sourcing/answers.md'));
    expect(results.map((r) => r.status)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'fail']);
    expect(results[0]!.message).toContain('is answered yet');
    expect(results[1]!.message).toContain('no diagram');
    expect(results[2]!.message).toContain('table is still empty');
    expect(results[5]!.message).toContain('has no verdict');
  });

  it('fails every requirement of an answers.md full of misconceptions, naming them', () => {
    const results = gradeExercise06(read('test/grading/answers/full-wrong.md'));
    expect(results.map((r) => r.status)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'fail']);
    expect(results[0]!.message).toContain('share one model');
    expect(results[1]!.message).toContain('no Event Bus');
    expect(results[3]!.message).toContain('never updated or deleted');
    expect(results[4]!.message).toContain('chronological order');
    expect(results[5]!.message).toContain('not a good fit');
  });

  it('says which heading is missing when the structure is broken', () => {
    const solution = read('exercises/_solutions/06-cqrs-event-sourcing/answers.md');
    const result = checkRequirement(3, solution.replace(/## Requirement 3.*/, '## Notes'));
    expect(result).toEqual({ id: '3', status: 'fail', message: expect.stringContaining("No '## Requirement 3' heading found") });
  });

  it('says when a code block is never closed, since it swallows the answers after it', () => {
    const solution = read('exercises/_solutions/06-cqrs-event-sourcing/answers.md');
    const unclosed = solution.replace(/\]\n```\n/, ']\n');
    expect(parseAnswersDocument(unclosed).problems[0]).toMatch(/code block opened on line \d+ is never closed/);
    expect(checkRequirement(6, unclosed).message).toContain('never closed');
  });
});
