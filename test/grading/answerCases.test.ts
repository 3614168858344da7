import { describe, expect, it } from 'vitest';
import { checkRequirement } from '../../src/grading';
import type { RequirementNumber } from '../../src/grading';
import type { GradedCase } from './answers/case';
import { REQUIREMENT_1_CASES } from './answers/requirement1.cases';
import { REQUIREMENT_2_CASES } from './answers/requirement2.cases';
import { REQUIREMENT_3_CASES } from './answers/requirement3.cases';
import { REQUIREMENT_4_CASES } from './answers/requirement4.cases';
import { REQUIREMENT_5_CASES } from './answers/requirement5.cases';
import { REQUIREMENT_6_CASES } from './answers/requirement6.cases';

/**
 * The grader judges meaning: for every requirement, correct answers in different words pass and wrong or
 * incomplete ones fail with a message that names what is wrong.
 */
const CASES: readonly (readonly [RequirementNumber, readonly GradedCase[]])[] = [
  [1, REQUIREMENT_1_CASES],
  [2, REQUIREMENT_2_CASES],
  [3, REQUIREMENT_3_CASES],
  [4, REQUIREMENT_4_CASES],
  [5, REQUIREMENT_5_CASES],
  [6, REQUIREMENT_6_CASES],
];

describe.each(CASES)('Requirement %i', (n, cases) => {
  it('has at least five correct and five wrong answers to judge', () => {
    expect(cases.filter((c) => c.verdict === 'pass').length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.verdict === 'fail').length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.map((c) => [c.verdict, c.name, c] as const))('%s: %s', (_verdict, _name, graded) => {
    const result = checkRequirement(n, `# Answers\n\n## Requirement ${n}\n\n${graded.section}\n`);
    expect(result.id).toBe(String(n));
    expect(result.status, `the grader said: ${result.message}`).toBe(graded.verdict);
    if (graded.verdict === 'fail') expect(result.message).toContain(graded.mentions ?? '');
  });
});
