import type { RequirementResult } from './types';

export const EXERCISE_06_ID = '06-cqrs-event-sourcing';
export type RequirementNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const REQUIREMENT_TITLES: Readonly<Record<RequirementNumber, string>> = {
  1: 'CQRS concepts',
  2: 'CQRS architecture diagram',
  3: 'Benefits and trade-offs',
  4: 'Event sourcing concepts',
  5: 'Event sourcing for the Order Service',
  6: 'When to use CQRS + Event Sourcing',
};

/** Checks one requirement of answers.md. (Body in progress.) */
export function checkRequirement(n: RequirementNumber, markdown: string): RequirementResult {
  return { id: String(n), status: 'fail', message: markdown.trim() === '' ? 'answers.md is empty' : 'not graded yet' };
}

/** Checks all six requirements, ids '1'..'6'. */
export function gradeExercise06(markdown: string): RequirementResult[] {
  return ([1, 2, 3, 4, 5, 6] as const).map((n) => checkRequirement(n, markdown));
}
