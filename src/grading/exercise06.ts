import { parseAnswersDocument, requirementSection } from './answersDocument';
import type { RequirementSection } from './answersDocument';
import { checkRequirement1 } from './requirement1';
import { checkRequirement2 } from './requirement2';
import { checkRequirement3 } from './requirement3';
import { checkRequirement4 } from './requirement4';
import { checkRequirement5 } from './requirement5';
import { checkRequirement6 } from './requirement6';
import { fail } from './result';
import type { RequirementResult } from './types';

export const EXERCISE_06_ID = '06-cqrs-event-sourcing';
export type RequirementNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const REQUIREMENT_NUMBERS: readonly RequirementNumber[] = [1, 2, 3, 4, 5, 6];

export const REQUIREMENT_TITLES: Readonly<Record<RequirementNumber, string>> = {
  1: 'CQRS concepts',
  2: 'CQRS architecture diagram',
  3: 'Benefits and trade-offs',
  4: 'Event sourcing concepts',
  5: 'Event sourcing for the Order Service',
  6: 'When to use CQRS + Event Sourcing',
};

const CHECKS: Readonly<Record<RequirementNumber, (section: RequirementSection) => RequirementResult>> = {
  1: checkRequirement1,
  2: checkRequirement2,
  3: checkRequirement3,
  4: checkRequirement4,
  5: checkRequirement5,
  6: checkRequirement6,
};

/** Checks one requirement of a whole answers.md. */
export function checkRequirement(n: RequirementNumber, markdown: string): RequirementResult {
  const document = parseAnswersDocument(markdown);
  const section = requirementSection(document, n);
  const result = 'missing' in section ? fail(n, [section.missing]) : CHECKS[n](section);
  // An unclosed code fence swallows everything after it: say so, it explains the other failures.
  if (result.status === 'fail' && document.problems.length > 0) {
    return { ...result, message: `${result.message} (Also: ${document.problems.join('; ')}.)` };
  }
  return result;
}

/** Checks all six requirements, ids '1'..'6'. */
export function gradeExercise06(markdown: string): RequirementResult[] {
  return REQUIREMENT_NUMBERS.map((n) => checkRequirement(n, markdown));
}
