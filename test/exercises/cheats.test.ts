import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExerciseTests, StudentModule } from '../../exercises/support/checks';
import { codeExercises } from '../../exercises/manifest';
import { loadStudentInRealm, StudentCodeError } from '../../exercises/support/realm/studentRealm';
import { runExerciseTests } from '../../src/workbook/exerciseRunner';

/**
 * Submissions that try to pass without solving, as `npm run grade -- --dir <folder>` meets them: each is a folder
 * laid out like exercises/ (support/ included), built here from the starters and the cheats in
 * test/fixtures/cheats/. Each must fail, and say why in words the student can act on.
 */

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'cheats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const fixture = (name: string): string => readFileSync(join(root, 'test/fixtures/cheats', name), 'utf8');
type Exercise = (typeof codeExercises)[number];

/** A submission folder: every exercise's starter folder with its starter rewritten, and exercises/support. */
function submission(name: string, rewrite: (starter: string, exercise: Exercise, folder: string) => string): string {
  const folder = join(scratch, name);
  cpSync(join(root, 'exercises/support'), join(folder, 'support'), { recursive: true });
  for (const exercise of codeExercises) {
    cpSync(join(root, 'exercises', exercise.id), join(folder, exercise.id), { recursive: true });
    const starter = join(folder, exercise.id, exercise.files.starter);
    writeFileSync(starter, rewrite(readFileSync(starter, 'utf8'), exercise, join(folder, exercise.id)));
  }
  return folder;
}

const load = (folder: string, exercise: Exercise): StudentModule =>
  loadStudentInRealm({ exerciseId: exercise.id, exerciseFolder: join(folder, exercise.id), file: exercise.files.starter, shownRoot: '<solution-dir>', root: folder });
const checksOf = async (exercise: Exercise): Promise<(student: StudentModule) => ExerciseTests> =>
  ((await import(/* @vite-ignore */ join(root, 'exercises', exercise.id, 'checks.ts'))) as { defineExerciseTests: (student: StudentModule) => ExerciseTests }).defineExerciseTests;

const untouched = submission('untouched', (starter) => starter);
const patched = submission('patched-globals', (starter) => `${fixture('patchedGlobals.txt')}\n${starter}`);
const escaping = submission('realm-escape', (starter) => `${fixture('realmEscape.txt')}\n${starter}`);
const reexport = submission('solution-reexport', (_, exercise, folder) =>
  fixture('solutionReexport.txt').replace('__SOLUTION__', relative(folder, join(root, 'exercises/_solutions', exercise.id, exercise.files.starter.replace(/\.ts$/, '')))),
);
const byWorkingDirectory = submission('solution-by-cwd', (_, exercise) =>
  fixture('solutionByWorkingDirectory.txt').replace('__EXERCISE__', exercise.id).replace('__FILE__', exercise.files.starter).replaceAll('__EXPORT__', exercise.exportName),
);

describe.each(codeExercises.map((exercise) => [exercise.id, exercise] as const))('exercise %s: a submission that cheats', (_id, exercise) => {
  it.each([
    ['patches JSON.stringify and Array.prototype at its top', patched],
    ["reaches for the checker's realm through Function", escaping],
  ])('%s fails exactly as the untouched starter does', async (_name, folder) => {
    const defineExerciseTests = await checksOf(exercise);
    const starter = await runExerciseTests(defineExerciseTests(load(untouched, exercise)));
    const cheat = await runExerciseTests(defineExerciseTests(load(folder, exercise)));
    expect(cheat.kind === 'ran' && cheat.total - cheat.passed).toBeGreaterThanOrEqual(1);
    expect(cheat.kind === 'ran' && cheat.goal.matches).toBe(false);
    // The same checks fail with the same words: the starter's messages, which tell the student what to write.
    const verdicts = (report: typeof starter) => (report.kind === 'ran' ? report.outcomes.map((o) => `${o.name}: ${o.status}`) : report.reason);
    expect(verdicts(cheat)).toEqual(verdicts(starter));
    // And the checker's own realm is as it was.
    expect(JSON.stringify({ b: 1 }, null, 2)).toBe('{\n  "b": 1\n}');
    expect([...[1, 2]]).toEqual([1, 2]);
  });

  it("re-exporting the teacher's solution is refused, naming the import", () => {
    expect(() => load(reexport, exercise)).toThrow(StudentCodeError);
    expect(() => load(reexport, exercise)).toThrow(/imports "(\.\.\/)+.*_solutions\/.*", which exercise code may not import: only files of its own folder/);
  });

  it("loading the solution through the grading machine's working directory is refused", () => {
    expect(() => load(byWorkingDirectory, exercise)).toThrow(StudentCodeError);
    expect(() => load(byWorkingDirectory, exercise)).toThrow(new RegExp(`<solution-dir>/${exercise.id}/${exercise.files.starter}.*(await at its top level|process)`));
  });
});
