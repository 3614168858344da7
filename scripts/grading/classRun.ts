import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { classReport, classReportCsv, type ClassColumn, type ClassStudent } from '../../src/grading/classReport';
import { gradeStudentsInPool, type GradedStudent } from './classPool';
import { classJUnit, classTable } from './classReports';
import { gradingColumns, selectColumns, writtenColumns } from './columns';
import type { GradeOptions } from './options';
import { progressLine } from './progressLine';
import { locateStudentWork, studentFoldersOf } from './studentFolder';

/**
 * `npm run grade -- --class <folder>` and `npm run grade -- --only <id>`: grading on the pool of grading
 * processes. Returns the exit code: for a class, 0 once the reports are written whatever the verdicts; for
 * --only, 0 on pass and 1 otherwise; 2 on bad arguments.
 */

type Io = { readonly out: (text: string) => void; readonly err: (text: string) => void; readonly stderr: NodeJS.WriteStream };

export async function runClass(options: GradeOptions & { readonly class: string }, io: Io): Promise<number> {
  const classFolder = resolve(options.class);
  let students: { name: string; folder: string }[];
  try {
    students = studentFoldersOf(classFolder);
  } catch (error) {
    io.err(`--class needs a folder of student folders; ${classFolder} cannot be read as one (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    return 2;
  }
  if (students.length === 0) {
    io.err(`No student folders in ${classFolder}: put each student's work in a folder of its own (e.g. ${join(classFolder, 'ada', '06-cqrs-event-sourcing', 'answers.md')}).`);
    return 2;
  }
  const columns = chosenColumns(options, () => students.some((student) => locateStudentWork(student.folder).exercisesRoot !== undefined));
  if (typeof columns === 'string') {
    io.err(columns);
    return 2;
  }

  const named = options.json !== undefined || options.junit !== undefined || options.csv !== undefined;
  const paths = named ? [options.csv, options.json, options.junit] : DEFAULT_REPORTS;
  for (const path of paths) {
    const problem = path === undefined ? undefined : unwritable(path);
    if (problem !== undefined) {
      io.err(problem);
      return 2;
    }
  }

  io.out(`Grading ${students.length} students on ${columns.map((c) => c.id).join(', ')} with ${Math.min(options.jobs, students.length)} processes (time limit ${options.timeLimitSeconds} s a student)\n`);
  const progress = progressLine(io.stderr, students.length);
  let errors = 0;
  const graded = await gradeStudentsInPool(students, columns, {
    jobs: options.jobs,
    timeLimitMs: options.timeLimitSeconds * 1000,
    onGraded: (student, done) => {
      if ('error' in student) errors += 1;
      progress.update(done, errors);
    },
  });
  progress.finish();
  const report = classReport(columns, graded.map((student) => asClassStudent(student, columns)));
  io.out(`${classTable(report)}\n`);

  const outputs: [string | undefined, string][] = [
    [paths[0], classReportCsv(report)],
    [paths[1], `${JSON.stringify(report, null, 2)}\n`],
    [paths[2], classJUnit(report)],
  ];
  for (const [path, text] of outputs) {
    if (path === undefined) continue;
    try {
      mkdirSync(dirname(resolve(path)), { recursive: true });
      writeFileSync(path, text);
    } catch (error) {
      io.err(`Could not write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): name a file in a folder you can write to.`);
      return 2;
    }
    io.out(`Wrote ${path}\n`);
  }
  return 0;
}

/** Grades the working copy's exercises/ (or --dir) on one requirement or exercise: exit 0 on pass, 1 otherwise. */
export async function runOnly(options: GradeOptions & { readonly only: string }, folder: string, io: Io): Promise<number> {
  const columns = selectColumns(gradingColumns(), options.only);
  if (typeof columns === 'string') {
    io.err(columns);
    return 2;
  }
  const [graded] = await gradeStudentsInPool([{ name: folder, folder }], columns, { jobs: 1, timeLimitMs: options.timeLimitSeconds * 1000 });
  const student = asClassStudent(graded!, columns);
  for (const [index, cell] of student.cells.entries()) {
    const column = columns[index]!;
    const mark = cell.status === 'pass' ? 'PASS ' : cell.status === 'fail' ? 'FAIL ' : 'ERROR';
    io.out(`${mark}  ${column.id} ${column.title}${cell.message === '' ? '' : `\n       ${cell.message.replace(/\n/g, '\n       ')}`}\n`);
  }
  return student.cells.every((cell) => cell.status === 'pass') ? 0 : 1;
}

const DEFAULT_REPORTS = ['grades/class-report.csv', 'grades/class-report.json', 'grades/class-report.xml'];

/** Why a report cannot be written at `path`, said before any student is graded; undefined when it can. */
function unwritable(path: string): string | undefined {
  const target = resolve(path);
  if (existsSync(target) && statSync(target).isDirectory()) return `Cannot write a report to ${path}: it is a folder. Name a file.`;
  let folder = dirname(target);
  while (!existsSync(folder)) folder = dirname(folder);
  if (!statSync(folder).isDirectory()) return `Cannot write a report to ${path}: ${folder} is a file, not a folder.`;
  return undefined;
}

function chosenColumns(options: GradeOptions, anyCode: () => boolean): ClassColumn[] | string {
  const all = gradingColumns();
  const wanted = options.only ?? options.exercise;
  if (wanted !== undefined) return selectColumns(all, wanted);
  // A class that handed in answers.md alone is graded on Exercise 06, not failed on six missing exercises.
  return anyCode() ? all : writtenColumns(all);
}

function asClassStudent(student: GradedStudent, columns: readonly ClassColumn[]): Omit<ClassStudent, 'points'> {
  if ('cells' in student) return { name: student.name, cells: student.cells };
  return { name: student.name, error: student.error, cells: columns.map((column) => ({ id: column.id, status: 'error', points: 0, message: student.error })) };
}
