import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** An exercise the grader can run: its folder under exercises/ and its test files (relative to the repository). */
export type GradableExercise = { readonly id: string; readonly testFiles: readonly string[] };

/** Exercise folders (`NN-topic/`) that have tests, in order. */
export function gradableExercises(repositoryRoot: string): GradableExercise[] {
  const folder = join(repositoryRoot, 'exercises');
  return readdirSync(folder)
    .filter((name) => /^\d{2}-/.test(name) && statSync(join(folder, name)).isDirectory())
    .sort()
    .map((id) => ({
      id,
      testFiles: readdirSync(join(folder, id))
        .filter((file) => file.endsWith('.test.ts'))
        .sort()
        .map((file) => `exercises/${id}/${file}`),
    }))
    .filter((exercise) => exercise.testFiles.length > 0);
}

/** `06`, `6` or `06-cqrs-event-sourcing` → the exercise, or a message listing the ones that exist. */
export function selectExercise(all: readonly GradableExercise[], wanted: string): GradableExercise | string {
  const normalized = /^\d$/.test(wanted) ? `0${wanted}` : wanted;
  const found = all.find((e) => e.id === normalized || e.id.startsWith(`${normalized}-`));
  return found ?? `There is no exercise '${wanted}'. Exercises: ${all.map((e) => e.id).join(', ')}.`;
}

export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
