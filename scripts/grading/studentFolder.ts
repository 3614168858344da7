import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { submissionsFrom } from '../../src/grading/classroom';
import { EXERCISE_06_ID } from '../../src/grading/exercise06';

/**
 * Where a student's work sits in their folder of a class. Either laid out like exercises/ (`01-decide/decide.ts`,
 * `06-cqrs-event-sourcing/answers.md`), at the top of the folder or inside `exercises/` (a clone of their
 * repository); or only an answers.md somewhere inside, found as the Instructor screen finds it.
 */
export type StudentWork = {
  /** The folder laid out like exercises/, when there is one. */
  readonly exercisesRoot: string | undefined;
  /** The student's answers.md for Exercise 06, when there is one. */
  readonly answersPath: string | undefined;
};

const LAYOUT_FOLDERS = ['.', 'exercises', 'submission', 'submissions'];
const SKIPPED = new Set(['node_modules', '.git', '__MACOSX', '_solutions']);

export function locateStudentWork(studentFolder: string): StudentWork {
  const exercisesRoot = LAYOUT_FOLDERS.map((name) => join(studentFolder, name)).find(hasExerciseFolders);
  const inLayout = exercisesRoot === undefined ? undefined : join(exercisesRoot, EXERCISE_06_ID, 'answers.md');
  if (inLayout !== undefined && existsSync(inLayout)) return { exercisesRoot, answersPath: inLayout };
  const found = answersFilesIn(studentFolder, 4).map((path) => ({ path: relative(studentFolder, path), text: '' }));
  const [first] = submissionsFrom(found, 'folder');
  return { exercisesRoot, answersPath: first === undefined ? undefined : join(studentFolder, first.path) };
}

/** True when the folder holds at least one exercise folder (`NN-topic/`). */
export function hasExerciseFolders(folder: string): boolean {
  return isFolder(folder) && readdirSync(folder).some((name) => /^\d{2}-/.test(name) && isFolder(join(folder, name)));
}

/** The student folders of a class: its sub-folders, by name, without hidden ones. */
export function studentFoldersOf(classFolder: string): { readonly name: string; readonly folder: string }[] {
  return readdirSync(classFolder)
    .filter((name) => !name.startsWith('.') && !SKIPPED.has(name) && isFolder(join(classFolder, name)))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, folder: join(classFolder, name) }));
}

export function readAnswers(path: string): string {
  return readFileSync(path, 'utf8');
}

function answersFilesIn(folder: string, depth: number): string[] {
  if (depth < 0 || !isFolder(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return answersFilesIn(path, depth - 1);
    return /^answers\.md$/i.test(entry.name) ? [path] : [];
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
