import * as v from 'valibot';
import { csvCell, type GradedSubmission } from './classroom';
import { EXERCISE_06_ID, REQUIREMENT_NUMBERS, REQUIREMENT_TITLES } from './exercise06';

/**
 * A whole class graded by `npm run grade -- --class <folder>`: a column per requirement of Exercise 06 and per
 * coding exercise, a row per student, points in each cell. The script writes it as JSON; the Instructor screen
 * loads that file ("Load a class report (JSON)") and shows the same students × requirements table. Pure: no DOM,
 * no node APIs.
 */

export const CLASS_REPORT_FORMAT = 'event-workbook-class-report';

/** What is graded as one unit: `06.3` (a requirement of Exercise 06) or `01` (a coding exercise, all its checks). */
export type ClassColumn = {
  readonly id: string;
  /** The exercise folder, e.g. `06-cqrs-event-sourcing`. */
  readonly exercise: string;
  /** `Requirement 3: Benefits and trade-offs` or `Exercise 01: decide: from a command to events`. */
  readonly title: string;
  readonly points: number;
};

/** `error`: the grader could not judge this cell (the student's grading crashed or ran out of time). */
export type CellStatus = 'pass' | 'fail' | 'error';

export type ClassCell = {
  readonly id: string;
  readonly status: CellStatus;
  /** The column's points on pass, else 0. */
  readonly points: number;
  /** On fail or error: what is missing, in the student's terms; '' on pass. */
  readonly message: string;
};

export type ClassStudent = {
  /** The student's folder name. */
  readonly name: string;
  /** Set when the student's grading as a whole failed (time limit, crash); every cell is then an error. */
  readonly error?: string;
  readonly cells: readonly ClassCell[];
  readonly points: number;
};

export type ClassReport = {
  readonly format: typeof CLASS_REPORT_FORMAT;
  readonly version: 1;
  readonly columns: readonly ClassColumn[];
  readonly maxPoints: number;
  readonly students: readonly ClassStudent[];
};

/** Limits of a report the screen accepts: a class, not a denial of service. */
const MAX_STUDENTS = 5_000;
const MAX_COLUMNS = 100;
const MAX_TEXT = 20_000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const points = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000));

const ClassReportSchema = v.strictObject({
  format: v.literal(CLASS_REPORT_FORMAT),
  version: v.literal(1),
  columns: v.pipe(
    v.array(v.strictObject({ id: text(40), exercise: text(100), title: text(300), points })),
    v.minLength(1),
    v.maxLength(MAX_COLUMNS),
  ),
  maxPoints: points,
  students: v.pipe(
    v.array(
      v.strictObject({
        name: text(300),
        error: v.optional(text(MAX_TEXT)),
        cells: v.array(v.strictObject({ id: text(40), status: v.picklist(['pass', 'fail', 'error']), points, message: text(MAX_TEXT) })),
        points,
      }),
    ),
    v.maxLength(MAX_STUDENTS),
  ),
});

/** Builds the report, totalling each student's points and the columns' maximum. */
export function classReport(columns: readonly ClassColumn[], students: readonly Omit<ClassStudent, 'points'>[]): ClassReport {
  return {
    format: CLASS_REPORT_FORMAT,
    version: 1,
    columns,
    maxPoints: columns.reduce((sum, column) => sum + column.points, 0),
    students: students.map((student) => ({ ...student, points: student.cells.reduce((sum, cell) => sum + cell.points, 0) })),
  };
}

/**
 * A class report from a file's text, or a message saying exactly what is wrong with it. Beyond its shape, every
 * student must have one cell per column, in the columns' order, and the totals must add up: a hand-edited report
 * that does not is refused rather than shown wrong.
 */
export function parseClassReport(json: string): ClassReport | { readonly error: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { error: `This file is not JSON (${(error as Error).message}).` };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== CLASS_REPORT_FORMAT) {
    return { error: `This is not a class report: its "format" should be "${CLASS_REPORT_FORMAT}" (write one with npm run grade -- --class <folder>).` };
  }
  const parsed = v.safeParse(ClassReportSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0]!;
    const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
    return { error: `The class report is not valid at ${path === '' ? 'its top level' : path}: ${issue.message}.` };
  }
  const report = parsed.output as ClassReport;
  const ids = report.columns.map((column) => column.id);
  if (new Set(ids).size !== ids.length) return { error: 'The class report names a column twice.' };
  const max = report.columns.reduce((sum, column) => sum + column.points, 0);
  if (report.maxPoints !== max) return { error: `The class report's maxPoints is ${report.maxPoints}, but its columns add up to ${max}.` };
  for (const student of report.students) {
    const cellIds = student.cells.map((cell) => cell.id);
    if (cellIds.join('\n') !== ids.join('\n')) return { error: `Student "${student.name}" does not have one cell per column, in the columns' order.` };
    const total = student.cells.reduce((sum, cell) => sum + cell.points, 0);
    if (total !== student.points) return { error: `Student "${student.name}" has ${student.points} points, but their cells add up to ${total}.` };
  }
  return report;
}

/** The class as CSV: a row per student, the points of each column, the total, and the error when grading failed. */
export function classReportCsv(report: ClassReport): string {
  const header = ['Student', ...report.columns.map((column) => `${column.id} ${column.title} (${column.points})`), `Total (${report.maxPoints})`, 'Error'];
  const rows = report.students.map((student) => [
    student.name,
    ...student.cells.map((cell) => (cell.status === 'error' ? 'error' : String(cell.points))),
    String(student.points),
    student.error ?? '',
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Exercise 06 graded in the browser (the Instructor screen's folder, zip or files) as a class report on its six
 * requirements, so one table shows both.
 */
export function classReportOfSubmissions(graded: readonly GradedSubmission[]): ClassReport {
  const columns: ClassColumn[] = REQUIREMENT_NUMBERS.map((n) => ({ id: `06.${n}`, exercise: EXERCISE_06_ID, title: `Requirement ${n}: ${REQUIREMENT_TITLES[n]}`, points: 10 }));
  return classReport(
    columns,
    graded.map((submission) => ({
      name: submission.student,
      cells: columns.map((column) => {
        const result = submission.results.find((r) => `06.${r.id}` === column.id);
        return result?.status === 'pass'
          ? { id: column.id, status: 'pass' as const, points: column.points, message: '' }
          : { id: column.id, status: 'fail' as const, points: 0, message: result?.message ?? 'Not graded.' };
      }),
    })),
  );
}
