import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ExerciseTests, StudentModule } from '../../exercises/support/checks';
import { codeExercises, exerciseById, type CodeExercise } from '../../exercises/manifest';
import { loadStudentInRealm } from '../../exercises/support/realm/studentRealm';
import type { ClassCell, ClassColumn } from '../../src/grading/classReport';
import { EXERCISE_06_ID, gradeExercise06 } from '../../src/grading/exercise06';
import { runChecks } from '../../src/workbook/exerciseRunner';
import { locateStudentWork, readAnswers } from './studentFolder';

/**
 * Grades one student's folder on the given columns, in this process: Exercise 06 with the grader of the Check
 * button, each coding exercise with its own checks (checks.ts) run on the student's file loaded in a realm of its
 * own (node:vm), as the maintainers' proof does. No vitest here: a class of hundreds is graded in one process per
 * core, a student at a time (scripts/grading/classPool.ts), and a student that never finishes is killed there.
 *
 * Property checks use one fixed seed, so grading the same folder twice gives the same cells, messages included.
 * An I/O error (a file that cannot be read) is thrown: the whole student is then an error, not a verdict.
 */

const SHOWN_ROOT = '<solution-dir>';
const PROPERTY_SEED = 20_240_619;
/** A check that waits on a promise longer than this fails (a loop that never ends is the pool's time limit). */
const CHECK_TIMEOUT_MS = 10_000;

type ChecksModule = { readonly defineExerciseTests: (student: StudentModule) => ExerciseTests };

export async function gradeStudentFolder(studentFolder: string, columns: readonly ClassColumn[]): Promise<ClassCell[]> {
  fc.configureGlobal({ seed: PROPERTY_SEED });
  const work = locateStudentWork(studentFolder);
  const cells = new Map<string, ClassCell>();
  const written = columns.filter((column) => column.exercise === EXERCISE_06_ID);
  if (written.length > 0) for (const cell of gradeWritten(work.answersPath, written)) cells.set(cell.id, cell);
  for (const column of columns) {
    if (column.exercise === EXERCISE_06_ID) continue;
    const exercise = exerciseById(column.exercise);
    if (exercise?.kind !== 'code') throw new Error(`${column.exercise} is not a coding exercise of the workbook.`);
    cells.set(column.id, await gradeCode(work.exercisesRoot, exercise, column));
  }
  return columns.map((column) => cells.get(column.id)!);
}

/** Loads what grading needs (every exercise's checks, Exercise 06's language model) before any student is timed. */
export async function warmUpGrader(): Promise<void> {
  gradeExercise06('## Requirement 1\n### What is CQRS?\nCommands change state and queries read it.\n');
  for (const exercise of codeExercises) await import(`../../exercises/${exercise.id}/checks.ts`);
}

function gradeWritten(answersPath: string | undefined, columns: readonly ClassColumn[]): ClassCell[] {
  if (answersPath === undefined) {
    const message = `${EXERCISE_06_ID}/answers.md was not found in ${SHOWN_ROOT}: hand it in laid out like exercises/ (or an answers.md in your folder).`;
    return columns.map((column) => ({ id: column.id, status: 'fail', points: 0, message }));
  }
  const results = gradeExercise06(readAnswers(answersPath));
  return columns.map((column) => {
    const result = results.find((r) => `${column.id.split('.')[0]}.${r.id}` === column.id);
    if (result === undefined) throw new Error(`Exercise 06 has no requirement for column ${column.id}.`);
    return result.status === 'pass'
      ? { id: column.id, status: 'pass', points: column.points, message: '' }
      : { id: column.id, status: 'fail', points: 0, message: result.message };
  });
}

async function gradeCode(exercisesRoot: string | undefined, exercise: CodeExercise, column: ClassColumn): Promise<ClassCell> {
  const failed = (message: string): ClassCell => ({ id: column.id, status: 'fail', points: 0, message });
  const file = `${exercise.id}/${exercise.files.starter}`;
  if (exercisesRoot === undefined || !existsSync(join(exercisesRoot, file))) {
    return failed(`${file} was not found in ${SHOWN_ROOT}: the submission must be laid out like exercises/.`);
  }
  let student: StudentModule;
  try {
    student = loadStudentInRealm({ exerciseId: exercise.id, exerciseFolder: join(exercisesRoot, exercise.id), file: exercise.files.starter, shownRoot: SHOWN_ROOT, root: exercisesRoot });
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  const { defineExerciseTests } = (await import(`../../exercises/${exercise.id}/checks.ts`)) as ChecksModule;
  const outcomes = await runChecks(defineExerciseTests(student).checks, { timeoutMs: CHECK_TIMEOUT_MS });
  const failing = outcomes.filter((outcome) => outcome.status === 'fail');
  if (failing.length === 0) return { id: column.id, status: 'pass', points: column.points, message: '' };
  const passed = outcomes.length - failing.length;
  return failed([`${passed} of ${outcomes.length} checks pass.`, ...failing.map((outcome) => `✗ ${outcome.name}: ${outcome.message}`)].join('\n'));
}
