import { canonicalJson, CheckFailure, type Check, type ExerciseTests, type Goal, type StudentModule } from '../../exercises/support/checks';

/**
 * Runs a coding exercise's checks against a student's module, in the app's sandbox (src/workbook/sandbox/) and in
 * node (`npm run grade`'s realm, the proof tests). The checks are the exercise's own `defineExerciseTests`, the same
 * code vitest runs; this file runs each check and turns failures into messages a student can act on.
 */

export type CheckOutcome = {
  readonly name: string;
  readonly status: 'pass' | 'fail';
  /** On fail: what to do next, then the expected and received values when the check compared two. */
  readonly message: string;
};

/** The goal view's data: the expected result beside the student's, both as canonical JSON text. */
export type GoalOutcome = {
  readonly title: string;
  readonly given: string;
  readonly rule: string;
  readonly expectedText: string;
  readonly actualText: string;
  readonly matches: boolean;
};

export type RunReport =
  | {
      readonly kind: 'ran';
      readonly outcomes: readonly CheckOutcome[];
      readonly goal: GoalOutcome;
      readonly passed: number;
      readonly total: number;
    }
  /** The code never ran: it does not compile, throws while loading, or ran too long. */
  | { readonly kind: 'broken'; readonly reason: string };

export const allPassed = (report: RunReport): boolean =>
  report.kind === 'ran' && report.total > 0 && report.passed === report.total;

/** Thrown when the student's file cannot be turned into a module; its message is shown as is. */
export class StudentCodeError extends Error {
  override readonly name = 'StudentCodeError';
}

/** Runs each check in turn; one failing or throwing check never stops the others. */
export async function runChecks(checks: readonly Check[], options: { readonly timeoutMs?: number } = {}): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) {
    try {
      await withTimeout(Promise.resolve().then(check.run), options.timeoutMs ?? 10_000);
      outcomes.push({ name: check.name, status: 'pass', message: 'passes' });
    } catch (error) {
      outcomes.push({ name: check.name, status: 'fail', message: failureMessage(error) });
    }
  }
  return outcomes;
}

/** What a failed check tells the student: the check's own words, or what their code threw. */
export function failureMessage(error: unknown): string {
  if (error instanceof CheckFailure) {
    const values =
      error.expected === undefined && error.actual === undefined
        ? ''
        : `\nExpected: ${oneLine(error.expected)}\nReceived: ${oneLine(error.actual)}`;
    return `${error.message}${values}`;
  }
  if (error instanceof TimeoutError) return error.message;
  return `Your code threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

function oneLine(value: unknown): string {
  if (value === undefined) return 'undefined (nothing)';
  const text = JSON.stringify(JSON.parse(canonicalJson(value)));
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export async function runGoal(goal: Goal): Promise<GoalOutcome> {
  const expectedText = canonicalJson(goal.expected);
  let actualText: string;
  try {
    actualText = canonicalJson(await goal.actual());
  } catch (error) {
    actualText = `Your code threw: ${error instanceof CheckFailure ? error.message : messageOf(error)}`;
  }
  return { title: goal.title, given: goal.given, rule: goal.rule, expectedText, actualText, matches: expectedText === actualText };
}

/** Everything a Run tests press does, once the student's code is a module. */
export async function runExerciseTests(tests: ExerciseTests, options: { readonly timeoutMs?: number } = {}): Promise<RunReport> {
  const outcomes = await runChecks(tests.checks, options);
  const goal = await runGoal(tests.goal);
  return { kind: 'ran', outcomes, goal, passed: outcomes.filter((outcome) => outcome.status === 'pass').length, total: outcomes.length };
}

/** The one-line summary shown and stored as the exercise's progress message. */
export function reportSummary(report: RunReport): string {
  if (report.kind === 'broken') return report.reason;
  if (allPassed(report)) return `All ${report.total} tests pass.`;
  return `${report.passed} of ${report.total} tests pass.`;
}

class TimeoutError extends Error {}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TimeoutError(`This test waited more than ${timeoutMs / 1000} s for your code: is a promise never resolved?`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
