import { strFromU8, unzipSync } from 'fflate';
import { gradeExercise06, REQUIREMENT_NUMBERS } from './exercise06';
import type { RequirementResult } from './types';

/**
 * Grading a whole class for the instructor page: students' answers.md files come from a folder upload, a zip or
 * loose files; each becomes one submission named after its folder (or file), and each is graded with the same
 * checks as `npm run grade`. Pure: no DOM, so it is tested in node.
 */

/** A file as loaded: its path inside the upload (`class/alice/06-cqrs-event-sourcing/answers.md`) and its text. */
export type LoadedFile = { readonly path: string; readonly text: string };

export type Submission = { readonly student: string; readonly path: string; readonly answers: string };

export type GradedSubmission = Submission & { readonly results: readonly RequirementResult[] };

/** Folders that are part of the layout, not a student's name. */
const LAYOUT_FOLDERS = new Set(['06-cqrs-event-sourcing', 'exercises', 'submission', 'submissions']);

/**
 * The submissions among the loaded files. From a folder or zip, only files named answers.md count (a README next
 * to them is not a submission); loose files count whatever their name. Names that repeat get " (2)", " (3)".
 */
export function submissionsFrom(files: readonly LoadedFile[], origin: 'folder' | 'files', rootName?: string): Submission[] {
  const answers = files.filter((file) =>
    origin === 'files' ? /\.(md|markdown|txt)$/i.test(file.path) : /(^|\/)answers\.md$/i.test(file.path) && !/(^|\/)(__MACOSX|_solutions)\//.test(file.path),
  );
  const seen = new Map<string, number>();
  return answers
    .map((file) => ({ student: studentNameOf(file.path, origin, rootName), path: file.path, answers: file.text }))
    .sort((a, b) => a.student.localeCompare(b.student) || a.path.localeCompare(b.path))
    .map((submission) => {
      const count = (seen.get(submission.student) ?? 0) + 1;
      seen.set(submission.student, count);
      return count === 1 ? submission : { ...submission, student: `${submission.student} (${count})` };
    });
}

/**
 * `class/alice/06-cqrs-event-sourcing/answers.md` → `alice`; a loose `bob.md` → `bob`; `answers.md` at the top of
 * `carol.zip` → `carol` (the `rootName`).
 */
export function studentNameOf(path: string, origin: 'folder' | 'files', rootName?: string): string {
  const segments = path.split(/[\\/]/).filter((s) => s !== '');
  const file = segments.pop() ?? path;
  const fileName = file.replace(/\.(md|markdown|txt)$/i, '');
  if (origin === 'files') return fileName;
  while (segments.length > 0 && LAYOUT_FOLDERS.has(segments.at(-1)!.toLowerCase())) segments.pop();
  return segments.at(-1) ?? rootName ?? fileName;
}

/** The files of a zip archive, text decoded as UTF-8; folders and binary-looking entries skipped. */
export function filesOfZip(bytes: Uint8Array): LoadedFile[] {
  const entries = unzipSync(bytes, { filter: (entry) => /\.(md|markdown|txt)$/i.test(entry.name) });
  return Object.entries(entries)
    .filter(([path]) => !path.endsWith('/'))
    .map(([path, content]) => ({ path, text: strFromU8(content) }));
}

/**
 * Grades each submission, reporting progress after each one and yielding in between (`pause`), so a page can
 * show a progress bar while a large class is graded.
 */
export async function gradeClass(
  submissions: readonly Submission[],
  onProgress: (done: number, total: number) => void,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<GradedSubmission[]> {
  const graded: GradedSubmission[] = [];
  onProgress(0, submissions.length);
  for (const submission of submissions) {
    graded.push({ ...submission, results: gradeExercise06(submission.answers) });
    onProgress(graded.length, submissions.length);
    await pause();
  }
  return graded;
}

/** The class as CSV: a row per student, status and message per requirement, then how many passed. */
export function classCsv(graded: readonly GradedSubmission[]): string {
  const header = ['Student', ...REQUIREMENT_NUMBERS.flatMap((n) => [`Requirement ${n}`, `Requirement ${n} message`]), 'Passed'];
  const rows = graded.map((submission) => [
    submission.student,
    ...REQUIREMENT_NUMBERS.flatMap((n) => {
      const result = submission.results.find((r) => r.id === String(n));
      return [result?.status ?? '', result?.status === 'fail' ? result.message : ''];
    }),
    `${submission.results.filter((r) => r.status === 'pass').length}/${submission.results.length}`,
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180 quoting, and a leading apostrophe so a spreadsheet never runs a name like `=HYPERLINK(...)` as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
