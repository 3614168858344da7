import { checkRequirement } from '../grading/exercise06';
import type { RequirementResult } from '../grading/types';
import { requirementNumbers, type RequirementNumber } from './exercise06Document';

/**
 * "Check all" on Exercise 06: the six requirements graded one after another with the grader of `npm run grade`,
 * giving the page back between them. Grading reads every sentence with compromise (tens of milliseconds each), so
 * six in one go would freeze the tab for the better part of a second with nothing said; one at a time, the page
 * can say which requirement is being read.
 */

export type CheckAllProgress = {
  /** Requirements graded so far. */
  readonly done: number;
  readonly total: number;
  /** The requirement being graded now; undefined once all are done. */
  readonly current: RequirementNumber | undefined;
};

export type CheckedRequirement = { readonly number: RequirementNumber; readonly result: RequirementResult };

export type CheckAllOptions = {
  readonly onProgress?: (progress: CheckAllProgress) => void;
  /** Lets the page paint between two requirements; the browser default is a macrotask. */
  readonly yieldToPage?: () => Promise<void>;
};

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Grades all six requirements of one answers.md, in order; each result is exactly `checkRequirement(n, text)`. */
export async function checkAllRequirements(markdown: string, options: CheckAllOptions = {}): Promise<CheckedRequirement[]> {
  const yieldToPage = options.yieldToPage ?? nextMacrotask;
  const total = requirementNumbers.length;
  const checked: CheckedRequirement[] = [];
  for (const number of requirementNumbers) {
    options.onProgress?.({ done: checked.length, total, current: number });
    await yieldToPage();
    checked.push({ number, result: checkRequirement(number, markdown) });
  }
  options.onProgress?.({ done: total, total, current: undefined });
  return checked;
}

/** One line of the summary: "3 of 6 pass". */
export function checkAllHeadline(checked: readonly CheckedRequirement[]): string {
  const passed = checked.filter(({ result }) => result.status === 'pass').length;
  if (passed === checked.length) return `All ${checked.length} requirements pass.`;
  return `${passed} of ${checked.length} requirements pass; ${checked.length - passed} still to fix.`;
}
