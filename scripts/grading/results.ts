import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { GradeReport } from '../../src/grading/types';
import { testCodeOf } from './testCode';
import type { VitestJson } from './vitestRun';

/** One test of one exercise, as the grader reports it. */
export type GradedTest = {
  readonly name: string;
  /** `'1'`..`'6'` for a test named "Requirement N…", else the test's name. */
  readonly requirementId: string;
  readonly status: 'pass' | 'fail' | 'error';
  /** On fail: the check's message (what is missing); '' on pass. */
  readonly message: string;
  /** The source of the test, for Exercism's `test_code`. */
  readonly testCode: string;
};

export type GradedExercise = {
  readonly id: string;
  readonly tests: readonly GradedTest[];
  /** Set when a test file could not run at all (the student's file does not compile, is missing...). */
  readonly error: string | undefined;
};

/**
 * Groups vitest's report by exercise folder, in the order of `exerciseIds`; tests keep their file order. Messages
 * name the folder graded `<solution-dir>` and the grader's files by their path in the repository: a report never
 * shows where things sit on the grading machine.
 */
export function toGradedExercises(repositoryRoot: string, exerciseIds: readonly string[], report: VitestJson, gradeDir?: string): GradedExercise[] {
  const shown = (message: string): string => withoutMachinePaths(message, repositoryRoot, gradeDir);
  return exerciseIds.map((id) => {
    const files = report.testResults.filter((file) => exerciseIdOf(repositoryRoot, file.name) === id);
    const tests: GradedTest[] = [];
    const errors: string[] = [];
    for (const file of files) {
      const source = safeRead(file.name);
      const checksSource = safeRead(join(dirname(file.name), 'checks.ts'));
      if (file.assertionResults.length === 0) errors.push(shown(firstLines(file.message ?? `${relative(repositoryRoot, file.name)} did not run`)));
      for (const assertion of file.assertionResults) {
        const failed = assertion.status === 'failed';
        tests.push({
          name: assertion.title,
          requirementId: /\bRequirement (\d+)\b/.exec(assertion.title)?.[1] ?? assertion.title,
          status: failed ? 'fail' : assertion.status === 'passed' ? 'pass' : 'error',
          message: shown(failed ? cleanMessage(assertion.failureMessages[0] ?? 'failed') : assertion.status === 'passed' ? '' : `test ${assertion.status}`),
          testCode: testCodeOf(source, assertion.title, checksSource),
        });
      }
    }
    if (files.length === 0) errors.push('no test results (the test files did not run)');
    return { id, tests, error: errors.length > 0 ? errors.join('\n') : undefined };
  });
}

/** `/tmp/sub/01-decide/decide.ts` → `<solution-dir>/01-decide/decide.ts`; `<repo>/exercises/x` → `exercises/x`. */
export function withoutMachinePaths(message: string, repositoryRoot: string, gradeDir: string | undefined): string {
  const escape = (path: string): string => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let text = message;
  if (gradeDir !== undefined) text = text.replace(new RegExp(`(?:file://)?${escape(gradeDir.replace(/[\\/]+$/, ''))}(?=[\\/]|\\b|$)`, 'g'), '<solution-dir>');
  return text.replace(new RegExp(`(?:file://)?${escape(repositoryRoot.replace(/[\\/]+$/, ''))}[\\/]`, 'g'), '');
}

function exerciseIdOf(repositoryRoot: string, file: string): string | undefined {
  const parts = relative(join(repositoryRoot, 'exercises'), file).split(sep);
  return parts.length >= 2 ? parts[0] : undefined;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** "AssertionError: Question 2 doesn't say…\n    at …" → "Question 2 doesn't say…". */
export function cleanMessage(failure: string): string {
  const withoutStack = failure.split(/\n\s+at /)[0]!;
  return withoutStack
    .replace(/^(AssertionError|Error|TypeError|CheckFailure|[A-Za-z]*Error): /, '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .trim();
}

function firstLines(text: string): string {
  return cleanMessage(text).split('\n').slice(0, 6).join('\n');
}

export function allPassed(exercises: readonly GradedExercise[]): boolean {
  return exercises.every((e) => e.error === undefined && e.tests.length > 0 && e.tests.every((t) => t.status === 'pass'));
}

/** The `--json` document (DESIGN.md's grading contract). A file that could not run is one failed requirement. */
export function toGradeReport(exercises: readonly GradedExercise[]): GradeReport {
  return {
    exercises: exercises.map((exercise) => ({
      id: exercise.id,
      requirements: [
        ...(exercise.error !== undefined ? [{ id: 'load', status: 'fail' as const, message: exercise.error }] : []),
        ...exercise.tests.map((t) => ({ id: t.requirementId, status: t.status === 'pass' ? ('pass' as const) : ('fail' as const), message: t.message })),
      ],
    })),
  };
}

export function toJUnit(exercises: readonly GradedExercise[]): string {
  // The load testcase of an exercise whose file could not run counts as a test, as it does in its testsuite.
  const total = exercises.reduce((n, e) => n + e.tests.length + (e.error !== undefined ? 1 : 0), 0);
  const failures = exercises.reduce((n, e) => n + e.tests.filter((t) => t.status === 'fail').length, 0);
  const errors = exercises.reduce((n, e) => n + e.tests.filter((t) => t.status === 'error').length + (e.error !== undefined ? 1 : 0), 0);
  const suites = exercises.map((exercise) => {
    const cases = exercise.tests.map((t) => {
      const open = `    <testcase classname="${xml(exercise.id)}" name="${xml(t.name)}">`;
      if (t.status === 'pass') return `${open}</testcase>`;
      const tag = t.status === 'fail' ? 'failure' : 'error';
      return `${open}\n      <${tag} message="${xml(t.message)}">${xml(t.message)}</${tag}>\n    </testcase>`;
    });
    if (exercise.error !== undefined) {
      cases.unshift(`    <testcase classname="${xml(exercise.id)}" name="load">\n      <error message="${xml(exercise.error)}">${xml(exercise.error)}</error>\n    </testcase>`);
    }
    const suiteFailures = exercise.tests.filter((t) => t.status === 'fail').length;
    const suiteErrors = exercise.tests.filter((t) => t.status === 'error').length + (exercise.error !== undefined ? 1 : 0);
    return `  <testsuite name="${xml(exercise.id)}" tests="${exercise.tests.length + (exercise.error !== undefined ? 1 : 0)}" failures="${suiteFailures}" errors="${suiteErrors}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="Event Workbook exercises" tests="${total}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Exercism test-runner interface, version 3: https-free summary of the fields it defines. */
export type ExercismResults = {
  readonly version: 3;
  readonly status: 'pass' | 'fail' | 'error';
  readonly message?: string;
  readonly tests: readonly {
    readonly name: string;
    readonly test_code: string;
    readonly status: 'pass' | 'fail' | 'error';
    readonly message?: string;
    readonly task_id?: number;
  }[];
};

/**
 * `status: "error"` only when no test could run at all (the platform then shows `message`); when some ran, a file
 * that could not load is one more test in error, beside the others, and the run is a `"fail"`.
 */
export function toExercism(exercises: readonly GradedExercise[]): ExercismResults {
  const errors = exercises.filter((e) => e.error !== undefined).map((e) => `${e.id}: ${e.error}`);
  const named = (exercise: GradedExercise, name: string): string => (exercises.length > 1 ? `${exercise.id} > ${name}` : name);
  const tests = exercises.flatMap((exercise) => [
    ...(exercise.error !== undefined ? [{ name: named(exercise, 'load'), test_code: '', status: 'error' as const, message: exercise.error }] : []),
    ...exercise.tests.map((t) => ({
      name: named(exercise, t.name),
      test_code: t.testCode,
      status: t.status,
      ...(t.status !== 'pass' ? { message: t.message } : {}),
      ...(/^\d+$/.test(t.requirementId) ? { task_id: Number(t.requirementId) } : {}),
    })),
  ]);
  const ran = exercises.some((exercise) => exercise.tests.length > 0);
  if (!ran) return { version: 3, status: 'error', message: errors.length > 0 ? errors.join('\n') : 'No test ran.', tests: [] };
  return { version: 3, status: tests.every((t) => t.status === 'pass') ? 'pass' : 'fail', tests };
}

/** The table printed to the terminal. */
export function toTable(exercises: readonly GradedExercise[]): string {
  const lines: string[] = [];
  for (const exercise of exercises) {
    const passed = exercise.tests.filter((t) => t.status === 'pass').length;
    lines.push(`${exercise.id}  ${passed}/${exercise.tests.length} passed`);
    if (exercise.error !== undefined) lines.push(`  ERROR  ${exercise.error.replace(/\n/g, '\n         ')}`);
    const width = Math.max(0, ...exercise.tests.map((t) => label(t).length));
    for (const test of exercise.tests) {
      const mark = test.status === 'pass' ? 'PASS ' : test.status === 'fail' ? 'FAIL ' : 'ERROR';
      lines.push(`  ${mark}  ${test.message === '' ? label(test) : `${label(test).padEnd(width)}  ${test.message}`}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function label(test: GradedTest): string {
  return /^\d+$/.test(test.requirementId) ? `Requirement ${test.requirementId}` : test.name;
}
