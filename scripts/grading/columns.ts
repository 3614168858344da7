import { exercises } from '../../exercises/manifest';
import type { ClassColumn } from '../../src/grading/classReport';
import { EXERCISE_06_ID, REQUIREMENT_NUMBERS, REQUIREMENT_TITLES } from '../../src/grading/exercise06';

/**
 * What a class is graded on, one column each: every coding exercise as a whole (all its checks must pass) and
 * every requirement of Exercise 06, in the workbook's order. The same list gives the reports' columns, the
 * `--only` ids and the GitHub Classroom tests (.github/classroom/autograding.json), so the three never disagree.
 */

/** Points per column: a requirement of Exercise 06 and a coding exercise weigh the same. */
export const POINTS_PER_COLUMN = 10;

export function gradingColumns(): ClassColumn[] {
  return exercises.flatMap((exercise): ClassColumn[] =>
    exercise.kind === 'code'
      ? [{ id: exercise.number, exercise: exercise.id, title: `Exercise ${exercise.number}: ${exercise.title}`, points: POINTS_PER_COLUMN }]
      : REQUIREMENT_NUMBERS.map((n) => ({ id: `${exercise.number}.${n}`, exercise: exercise.id, title: `Requirement ${n}: ${REQUIREMENT_TITLES[n]}`, points: POINTS_PER_COLUMN })),
  );
}

/** Only Exercise 06's requirements: a class that handed in answers.md alone. */
export const writtenColumns = (columns: readonly ClassColumn[]): ClassColumn[] => columns.filter((column) => column.exercise === EXERCISE_06_ID);

/**
 * `--only 06.3`, `--only 01`, `--only 1` or `--only 01-decide` → the columns it names (a whole exercise: all of its
 * columns), or a message listing the ids that exist.
 */
export function selectColumns(columns: readonly ClassColumn[], wanted: string): ClassColumn[] | string {
  const id = wanted.trim().replace(/^(\d)(?=$|\.)/, '0$1');
  const exact = columns.filter((column) => column.id === id);
  if (exact.length > 0) return exact;
  const ofExercise = columns.filter((column) => column.exercise === id || (/^\d{2}$/.test(id) && column.exercise.startsWith(`${id}-`)));
  if (ofExercise.length > 0) return ofExercise;
  return `There is nothing to grade named '${wanted}'. Use one of: ${columns.map((column) => column.id).join(', ')} (or an exercise number such as 06).`;
}
