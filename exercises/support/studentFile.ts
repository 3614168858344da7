import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where an exercise test finds the student's work. `npm run grade -- --dir <folder>` sets GRADE_DIR to a
 * submission laid out like exercises/ (`<folder>/06-cqrs-event-sourcing/answers.md`); without it, the working copy's
 * exercises/ folder is graded. Every exercise test reads the student's files through these two functions, so the
 * same tests grade any folder without touching the working copy.
 */

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder being graded: GRADE_DIR (absolute, or relative to the current directory), else exercises/. */
export function gradeDir(): string {
  const configured = process.env['GRADE_DIR'];
  if (configured === undefined || configured.trim() === '') return resolve(repositoryRoot, 'exercises');
  return isAbsolute(configured) ? configured : resolve(process.cwd(), configured);
}

/** Absolute path of `file` in the student's copy of exercise `exerciseId` (e.g. `06-cqrs-event-sourcing`). */
export function studentPath(exerciseId: string, file: string): string {
  return resolve(gradeDir(), exerciseId, file);
}

/** The student's file as text; a clear error when it is missing, naming the folder that was graded. */
export function readStudentFile(exerciseId: string, file: string): string {
  const path = studentPath(exerciseId, file);
  if (!existsSync(path)) {
    throw new Error(`${exerciseId}/${file} was not found in ${gradeDir()}: the submission must be laid out like exercises/`);
  }
  return readFileSync(path, 'utf8');
}
