import type { RequirementResult } from './types';

export function pass(id: number, message: string): RequirementResult {
  return { id: String(id), status: 'pass', message };
}

export function fail(id: number, problems: readonly string[]): RequirementResult {
  return { id: String(id), status: 'fail', message: problems.map(sentence).join(' ') };
}

/** "question 2 doesn't say x" → "Question 2 doesn't say x." */
function sentence(problem: string): string {
  const trimmed = problem.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
