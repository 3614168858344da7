import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'sucrase';
import { describe, expect, it } from 'vitest';
import * as events from '../../exercises/support/events';
import * as order from '../../exercises/support/order';
import type { ExerciseTests, StudentModule } from '../../exercises/support/checks';
import { codeExercises } from '../../exercises/manifest';
import { loadStudentInRealm } from '../../exercises/support/realm/studentRealm';
import { runExerciseTests, runStudentSource, type Transpile } from '../../src/workbook/exerciseRunner';

/**
 * The maintainer's proof (rustlings' and Exercism's rule): every solution passes all of its exercise's checks and
 * every untouched starter fails at least one. It runs the exercises' own checks, through the same runner as the
 * browser, both on the modules as `npm run grade` loads them (each in a realm of its own) and on the source text as
 * the browser compiles it.
 */

type ChecksModule = { defineExerciseTests: (student: StudentModule) => ExerciseTests };

const transpile: Transpile = (source, fileName) =>
  transform(source, { transforms: ['typescript', 'imports'], filePath: fileName }).code;
const supportModules = new Map<string, unknown>([
  ['order', order],
  ['events', events],
]);
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

  it('compiled from source as the browser does, the solution passes and the starter fails', async () => {
    const { defineExerciseTests } = await checksOf();
    const run = (folder: string) =>
      runStudentSource({
        source: readFileSync(new URL(`${folder}${id}/${exercise.files.starter}`, exercisesDir), 'utf8'),
        fileName: exercise.files.starter,
        transpile,
        modules: supportModules,
        defineExerciseTests,
      });
    const solved = await run('_solutions/');
    expect(solved.kind === 'ran' && solved.passed === solved.total).toBe(true);
    const starter = await run('');
    expect(starter.kind === 'ran' && starter.passed < starter.total).toBe(true);
  });
});
