import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExerciseTests, StudentModule } from '../../exercises/support/checks';
import { codeExercises } from '../../exercises/manifest';
import { loadStudentInRealm } from '../../exercises/support/realm/studentRealm';
import { runExerciseTests } from '../../src/workbook/exerciseRunner';

/**
 * The maintainer's proof (rustlings' and Exercism's rule): every solution passes all of its exercise's checks and
 * every untouched starter fails at least one. It runs the exercises' own checks, through the same runner as the
 * app, on the modules as `npm run grade` loads them (each in a realm of its own). The app's sandbox gives the same
 * verdicts and messages: test/e2e/exercises.test.ts runs every starter and solution there.
 */

type ChecksModule = { defineExerciseTests: (student: StudentModule) => ExerciseTests };

const exercisesDir = new URL('../../exercises/', import.meta.url);

describe.each(codeExercises.map((exercise) => [exercise.id, exercise] as const))('exercise %s', (id, exercise) => {
  // As `npm run grade` loads a student's file: in a realm of its own (exercises/support/realm/studentRealm.ts).
  const load = async (folder: string): Promise<StudentModule> => {
    const root = fileURLToPath(new URL(folder || '.', exercisesDir));
    return loadStudentInRealm({ exerciseId: id, exerciseFolder: join(root, id), file: exercise.files.starter, shownRoot: '<solution-dir>', root });
  };
  const checksOf = async (): Promise<ChecksModule> =>
    (await import(/* @vite-ignore */ new URL(`${id}/checks.ts`, exercisesDir).href)) as ChecksModule;

  it('the solution passes every check', async () => {
    const { defineExerciseTests } = await checksOf();
    const report = await runExerciseTests(defineExerciseTests(await load('_solutions/')));
    expect(report.kind === 'ran' ? report.outcomes.filter((outcome) => outcome.status === 'fail') : report).toEqual([]);
    expect(report.kind === 'ran' && report.goal.matches).toBe(true);
  });

  it('the untouched starter fails at least one check, and its goal differs', async () => {
    const { defineExerciseTests } = await checksOf();
    const report = await runExerciseTests(defineExerciseTests(await load('')));
    expect(report.kind).toBe('ran');
    if (report.kind !== 'ran') return;
    expect(report.total - report.passed).toBeGreaterThanOrEqual(1);
    expect(report.goal.matches).toBe(false);
  });

  it.each([
    ['returns the goal\'s expected value whatever it is given', (expected: unknown) => () => structuredClone(expected)],
    ['returns its first argument', () => (first: unknown) => first],
    ['throws', () => () => {
      throw new Error('not done');
    }],
  ])('an implementation that %s fails at least one check', async (_name, cheat) => {
    const { defineExerciseTests } = await checksOf();
    const expected = defineExerciseTests({}).goal.expected;
    const report = await runExerciseTests(defineExerciseTests({ [exercise.exportName]: cheat(expected) }));
    expect(report.kind === 'ran' && report.total - report.passed).toBeGreaterThanOrEqual(1);
  });
});
