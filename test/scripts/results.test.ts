import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ExercismV3 } from './exercismSchema';
import { parseOptions } from '../../scripts/grading/options';
import { selectExercise } from '../../scripts/grading/exercisesList';
import { cleanMessage, toExercism, toGradedExercises, toGradeReport, toJUnit, toTable } from '../../scripts/grading/results';
import { testCodeOf } from '../../scripts/grading/testCode';
import type { VitestJson } from '../../scripts/grading/vitestRun';
import type { GradedExercise } from '../../scripts/grading/results';

/** The reports `npm run grade` writes, from one graded run (no process spawned here). */

const graded: GradedExercise[] = [
  {
    id: '06-cqrs-event-sourcing',
    error: undefined,
    tests: [
      { name: 'Requirement 1: CQRS concepts', requirementId: '1', status: 'pass', message: '', testCode: "it.each(requirements)('Requirement %i'…)" },
      { name: 'Requirement 2: CQRS architecture diagram', requirementId: '2', status: 'fail', message: 'Your diagram has no path from the Query Handler to the Read DB <&> "x"', testCode: 'it(…)' },
    ],
  },
];

describe('grade reports', () => {
  it('--json: exercises with requirement ids, statuses and messages', () => {
    expect(toGradeReport(graded)).toEqual({
      exercises: [
        {
          id: '06-cqrs-event-sourcing',
          requirements: [
            { id: '1', status: 'pass', message: '' },
            { id: '2', status: 'fail', message: 'Your diagram has no path from the Query Handler to the Read DB <&> "x"' },
          ],
        },
      ],
    });
  });

  it('--exercism: version 3, fail overall, tests in order with task ids and messages only on failures', () => {
    const results = toExercism(graded);
    expect(v.safeParse(ExercismV3, results).success).toBe(true);
    expect(results.status).toBe('fail');
    expect(results.tests.map((t) => [t.name, t.status, t.task_id, t.message])).toEqual([
      ['Requirement 1: CQRS concepts', 'pass', 1, undefined],
      ['Requirement 2: CQRS architecture diagram', 'fail', 2, graded[0]!.tests[1]!.message],
    ]);
  });

  it('--exercism: a test file that could not run is an error with its message', () => {
    const results = toExercism([{ id: '01-decide', tests: [], error: 'SyntaxError in decide.ts' }]);
    expect(results).toEqual({ version: 3, status: 'error', message: '01-decide: SyntaxError in decide.ts', tests: [] });
  });

  it('--exercism: some tests ran and one file could not load is a fail, the load as a test in error', () => {
    const results = toExercism([graded[0]!, { id: '01-decide', tests: [], error: 'decide.ts does not compile' }]);
    expect(v.safeParse(ExercismV3, results).success).toBe(true);
    expect(results.status).toBe('fail');
    expect(results.message).toBeUndefined();
    expect(results.tests.map((t) => [t.name, t.status])).toEqual([
      ['06-cqrs-event-sourcing > Requirement 1: CQRS concepts', 'pass'],
      ['06-cqrs-event-sourcing > Requirement 2: CQRS architecture diagram', 'fail'],
      ['01-decide > load', 'error'],
    ]);
  });

  it('--junit: the top-level tests count includes the load testcase of a file that could not run', () => {
    const xml = toJUnit([graded[0]!, { id: '01-decide', tests: [], error: 'decide.ts does not compile' }]);
    expect(xml).toMatch(/<testsuites [^>]*tests="3" failures="1" errors="1">/);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
  });

  it('--junit: one testcase per requirement, the failure message escaped', () => {
    const xml = toJUnit(graded);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites [^>]*tests="2" failures="1" errors="0">/);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('<failure message="Your diagram has no path from the Query Handler to the Read DB &lt;&amp;&gt; &quot;x&quot;">');
    expect(xml).not.toMatch(/<&>/);
    // Every opened element is closed.
    const opened = [...xml.matchAll(/<(testsuites|testsuite|testcase|failure)[\s>]/g)].length;
    const closed = [...xml.matchAll(/<\/(testsuites|testsuite|testcase|failure)>/g)].length;
    expect(closed).toBe(opened);
  });

  it('prints a table with each failing requirement and its message', () => {
    const table = toTable(graded);
    expect(table).toContain('06-cqrs-event-sourcing  1/2 passed');
    expect(table).toMatch(/FAIL +Requirement 2 +Your diagram has no path/);
  });

  it('names the folder graded <solution-dir> and the grader\'s files by their repository path, never a path of this machine', () => {
    const report: VitestJson = {
      testResults: [
        { name: '/repo/exercises/01-decide/decide.test.ts', status: 'failed', message: 'Failed to load file:///tmp/student-42/01-decide/decide.ts', assertionResults: [] },
        {
          name: '/repo/exercises/02-evolve/evolve.test.ts',
          status: 'failed',
          assertionResults: [{ title: 'x', fullName: 'x', status: 'failed', failureMessages: ['Error: /tmp/student-42/02-evolve/evolve.ts threw (see /repo/exercises/support/checks.ts)\n    at /repo/x.ts:1:1'] }],
        },
      ],
    };
    const [decide, evolve] = toGradedExercises('/repo', ['01-decide', '02-evolve'], report, '/tmp/student-42');
    expect(decide!.error).toBe('Failed to load <solution-dir>/01-decide/decide.ts');
    expect(evolve!.tests[0]!.message).toBe('<solution-dir>/02-evolve/evolve.ts threw (see exercises/support/checks.ts)');
  });

  it('keeps only the message of an assertion failure', () => {
    expect(cleanMessage("AssertionError: Question 2 doesn't say x.\n    at file.ts:1:1")).toBe("Question 2 doesn't say x.");
  });
});

describe('grade options', () => {
  it('reads every flag, with = or a separate value', () => {
    expect(parseOptions(['--exercise', '06', '--dir=/tmp/s', '--json', 'r.json', '--junit', 'r.xml', '--exercism', 'out'])).toEqual({
      exercise: '06',
      dir: '/tmp/s',
      json: 'r.json',
      junit: 'r.xml',
      exercism: 'out',
      class: undefined,
      csv: undefined,
      jobs: availableParallelism(),
      timeLimitSeconds: 120,
      only: undefined,
      help: false,
    });
  });

  it('refuses unknown flags and flags without a value', () => {
    expect(parseOptions(['--exercize', '06'])).toBe("Unknown option '--exercize'.");
    expect(parseOptions(['--dir'])).toBe('Option --dir needs a value.');
  });

  it('finds an exercise by number or folder, and lists the others when it does not exist', () => {
    const all = [{ id: '01-decide', testFiles: [] }, { id: '06-cqrs-event-sourcing', testFiles: [] }];
    expect(selectExercise(all, '6')).toEqual(all[1]);
    expect(selectExercise(all, '06-cqrs-event-sourcing')).toEqual(all[1]);
    expect(selectExercise(all, '42')).toBe("There is no exercise '42'. Exercises: 01-decide, 06-cqrs-event-sourcing.");
  });
});

describe('test_code', () => {
  it('a coding exercise test is the code of its check in checks.ts, not the loop that registers it', () => {
    const test = "for (const check of defineExerciseTests(student).checks) it(check.name, check.run);";
    const checks = "checks: [\n      {\n        name: 'the total is computed to the cent',\n        run: () => expectEqual(total(), 0.3, 'use orderTotal'),\n      },\n      {\n        name: 'another',\n        run: () => {},\n      },\n    ]";
    expect(testCodeOf(test, 'the total is computed to the cent', checks)).toBe("{\n  name: 'the total is computed to the cent',\n  run: () => expectEqual(total(), 0.3, 'use orderTotal'),\n}");
  });

  it('a test of it.each is its callback with the row in place of the parameter, not the it.each wrapper', () => {
    const source = "describe('x', () => {\n  it.each(requirements)('Requirement %i: %s', (n) => {\n    const result = checkRequirement(n, read());\n    if (result.status === 'fail') assert.fail(result.message);\n  });\n});";
    expect(testCodeOf(source, 'Requirement 2: CQRS architecture diagram')).toBe("const result = checkRequirement(2, read());\nif (result.status === 'fail') assert.fail(result.message);");
  });
});
