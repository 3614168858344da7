import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { gradeStudentsInPool, type GradedStudent } from '../../scripts/grading/classPool';
import { gradingColumns } from '../../scripts/grading/columns';

/**
 * The pool of grading processes (what `npm run grade -- --class` and `--only` grade on) with a student whose code
 * never returns: their process is killed at the time limit, they are reported as an error, and the next student is
 * graded on a fresh process. In this process with a short limit: the class run end to end
 * (test/scripts/gradeClass.test.ts) needs a limit far above a real student's time, which a loop would wait out.
 */

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'class-pool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The limit only ever stops the looping student: the one after it hands in nothing, graded in microseconds. */
const TIME_LIMIT_MS = 1500;

it('stops a student whose code loops forever at the time limit, reports an error, and grades the next one on a fresh process', { timeout: 60_000 }, async () => {
  const looping = join(scratch, 'looping');
  mkdirSync(join(looping, '02-evolve'), { recursive: true });
  const evolve = readFileSync(join(root, 'exercises/_solutions/02-evolve/evolve.ts'), 'utf8');
  const signature = 'export function evolve(state: OrderState, event: OrderEvent): OrderState {';
  expect(evolve).toContain(signature);
  writeFileSync(join(looping, '02-evolve', 'evolve.ts'), evolve.replace(signature, `${signature}\n  while (state !== null) {}`));
  const empty = join(scratch, 'empty');
  mkdirSync(empty);
  const columns = gradingColumns();

  const finished: string[] = [];
  const graded = await gradeStudentsInPool(
    [
      { name: 'looping', folder: looping },
      { name: 'empty', folder: empty },
    ],
    columns,
    { jobs: 1, timeLimitMs: TIME_LIMIT_MS, onGraded: (student) => finished.push(student.name) },
  );

  expect(finished).toEqual(['looping', 'empty']);
  const [stopped, next] = graded as [GradedStudent, GradedStudent];
  expect(stopped).toEqual({
    name: 'looping',
    error: `Grading this folder took longer than the time limit of ${TIME_LIMIT_MS / 1000} s, so it was stopped: does some code loop forever (a while loop whose condition never changes, a recursion without an end)?`,
  });
  // The process that looped was killed: had the next student been sent to it, they would never have been graded.
  expect(next).toMatchObject({ name: 'empty' });
  expect('cells' in next && next.cells.map((cell) => cell.status)).toEqual(columns.map(() => 'fail'));
});
