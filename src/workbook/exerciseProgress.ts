import type { ProgressRow } from '../db/schema';
import type { ExerciseEntry } from '../../exercises/manifest';

/**
 * How far a student is through the exercise list, from their ProgressDb rows. A coding exercise is done when its
 * `'exercise'` row passed; Exercise 06 (written) when all six of its requirements passed.
 */

export const codeItemId = 'exercise';
const writtenRequirements = ['1', '2', '3', '4', '5', '6'];

export type ExerciseState = 'done' | 'started' | 'new';

export function exerciseState(exercise: ExerciseEntry, rows: readonly ProgressRow[]): ExerciseState {
  const own = rows.filter((row) => row.exerciseId === exercise.id);
  if (exercise.kind === 'code') {
    const row = own.find((candidate) => candidate.itemId === codeItemId);
    if (row?.status === 'pass') return 'done';
    return row === undefined ? 'new' : 'started';
  }
  const passed = writtenRequirements.every((item) => own.some((row) => row.itemId === item && row.status === 'pass'));
  if (passed) return 'done';
  return own.length === 0 ? 'new' : 'started';
}

export type ProgressSummary = { readonly done: number; readonly total: number; readonly text: string };

export function progressSummary(exercises: readonly ExerciseEntry[], rows: readonly ProgressRow[]): ProgressSummary {
  const done = exercises.filter((exercise) => exerciseState(exercise, rows) === 'done').length;
  return { done, total: exercises.length, text: `${done} of ${exercises.length} done` };
}

/**
 * A solution as the student's file would read it: solutions live one folder deeper (`_solutions/<id>/`), so their
 * `../../support/` imports become the starter's `../support/`.
 */
export function solutionAsStudentFile(solutionText: string): string {
  return solutionText.replaceAll("'../../support/", "'../support/").replaceAll('"../../support/', '"../support/');
}

/** The solution is shown only once the tests pass or the student explicitly gave up. */
export function solutionUnlocked(row: ProgressRow | undefined): boolean {
  return row !== undefined && (row.status === 'pass' || row.gaveUp);
}
