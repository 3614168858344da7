import { assert, describe, it } from 'vitest';
import { checkRequirement, EXERCISE_06_ID, REQUIREMENT_TITLES } from '../../src/grading';
import type { RequirementNumber } from '../../src/grading';
import { readStudentFile } from '../support/studentFile';

/**
 * Grades answers.md (run by `npm run grade`, not by `npm test`: the untouched starter fails every requirement).
 * A failing test's message is the grader's: what is missing, in your terms.
 */
describe('Exercise 06: CQRS and Event Sourcing', () => {
  const requirements = Object.entries(REQUIREMENT_TITLES).map(([n, title]) => [Number(n) as RequirementNumber, title] as const);

  it.each(requirements)('Requirement %i: %s', (n) => {
    const result = checkRequirement(n, readStudentFile(EXERCISE_06_ID, 'answers.md'));
    if (result.status === 'fail') assert.fail(result.message);
  });
});
