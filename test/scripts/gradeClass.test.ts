import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClass } from '../../scripts/grading/classRun';
import { gradingColumns } from '../../scripts/grading/columns';
import { gradeStudentFolder } from '../../scripts/grading/gradeStudent';
import { parseOptions, type GradeOptions } from '../../scripts/grading/options';
import { toGradedExercises, toGradeReport } from '../../scripts/grading/results';
import { runExerciseTests } from '../../scripts/grading/vitestRun';
import { parseClassReport, type ClassReport } from '../../src/grading/classReport';

/**
 * `npm run grade -- --class` end to end: a generated class of eleven students (right, wrong, empty, missing files,
 * unreadable, a clone of their repository...) graded with --jobs 2 in one run; every cell of the three reports is
 * checked against grading that student alone, and one student against the vitest runner of `--dir`, the grader of a
 * single submission. Bad arguments are checked in this process (no grading starts). A student whose code loops
 * forever is in test/scripts/classPool.test.ts, on the same pool with a short time limit: here it would hold a
 * grading process for the whole limit, which must stay far above what a real student takes.
 */

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'grade-class-'));
const classFolder = join(scratch, 'class');
const out = join(scratch, 'out');
const solutions = join(root, 'exercises/_solutions');
const starters = join(root, 'exercises');
// Far above what a student takes (under a second of CPU), so a busy machine never stops a student that would finish.
const TIME_LIMIT_SECONDS = 60;

type Run = { code: number; stdout: string; stderr: string };

async function grade(args: readonly string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/grade.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as Run;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A student laid out like exercises/: every exercise from `from` (solutions or starters), then `changes` applied. */
function student(name: string, from: string | undefined, changes: Record<string, string> = {}, under = '.'): string {
  const folder = join(classFolder, name, under);
  mkdirSync(folder, { recursive: true });
  if (from !== undefined) {
    for (const id of ['01-decide', '02-evolve', '03-projection', '04-snapshots', '05-concurrency', '06-cqrs-event-sourcing', '07-upcaster']) {
      cpSync(join(from, id), join(folder, id), { recursive: true, filter: (path) => !path.endsWith('.test.ts') && !path.endsWith('checks.ts') && !path.endsWith('README.md') });
    }
  }
  for (const [file, text] of Object.entries(changes)) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  return join(classFolder, name);
}

const solution = (file: string): string => readFileSync(join(solutions, file), 'utf8');
const starter = (file: string): string => readFileSync(join(starters, file), 'utf8');

/** Names and what each student's row must show. */
const expectations = {
  right: 'every cell passes',
  wrong: 'every cell fails',
  empty: 'every cell fails: nothing handed in',
  'answers only': 'graded on what is there: Exercise 06 right, the coding exercises missing',
  'throws at load': '01 fails with the error its file threw, the rest right',
  'does not compile': '02 fails, saying the file does not compile',
  unreadable: 'error: answers.md cannot be read',
  cheat: '01 returns the same cancellation whatever it is given, and fails',
  'repository clone': 'every cell passes, found under exercises/',
  'mixed <b>"x" & co': 'right code, the starter answers',
  'half done': '01 right, 02 the starter, requirement 2 missing from the answers',
} as const;

let run: Run;
let report: ClassReport;

beforeAll(async () => {
  student('right', solutions);
  student('wrong', starters);
  mkdirSync(join(classFolder, 'empty'), { recursive: true });
  student('answers only', undefined, { 'answers.md': solution('06-cqrs-event-sourcing/answers.md') });
  student('throws at load', solutions, { '01-decide/decide.ts': `throw new Error('not ready yet');\n${solution('01-decide/decide.ts')}` });
  student('does not compile', solutions, { '02-evolve/evolve.ts': 'export function evolve(state, event {\n' });
  rmSync(join(student('unreadable', solutions), '06-cqrs-event-sourcing', 'answers.md'));
  // A folder where the file should be: reading it fails with EISDIR, as an unreadable file would.
  mkdirSync(join(classFolder, 'unreadable', '06-cqrs-event-sourcing', 'answers.md'));
  student('cheat', solutions, { '01-decide/decide.ts': "export function decide() {\n  return [{ type: 'OrderCancelled', data: { orderId: '1001', reason: 'out of stock', previousStatus: 'processing', cancelledAt: '2025-01-01T10:00:00.000Z' } }];\n}\n" });
  student('repository clone', solutions, { 'README.md': '# My workbook\n' }, 'exercises');
  student('mixed <b>"x" & co', solutions, { '06-cqrs-event-sourcing/answers.md': starter('06-cqrs-event-sourcing/answers.md') });
  const answers = solution('06-cqrs-event-sourcing/answers.md');
  student('half done', solutions, {
    '02-evolve/evolve.ts': starter('02-evolve/evolve.ts'),
    '06-cqrs-event-sourcing/answers.md': answers.replace(/## Requirement 2[\s\S]*?(?=## Requirement 3)/, ''),
  });
  // Sanity of the fixture itself: eleven students, each with a name above.
  expect(Object.keys(expectations)).toHaveLength(11);

  run = await grade(['--class', classFolder, '--jobs', '2', '--time-limit', String(TIME_LIMIT_SECONDS), '--json', join(out, 'class.json'), '--csv', join(out, 'class.csv'), '--junit', join(out, 'class.xml')]);
  const parsed = parseClassReport(readFileSync(join(out, 'class.json'), 'utf8'));
  if ('error' in parsed) throw new Error(parsed.error);
  report = parsed;
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const row = (name: string) => {
  const found = report.students.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no row for ${name}`);
  return found;
};
const statuses = (name: string): Record<string, string> => Object.fromEntries(row(name).cells.map((c) => [c.id, c.status]));

describe('npm run grade -- --class', { timeout: 120_000 }, () => {
  it('completes with exit code 0, a row per student in name order, a progress line per student on stderr', () => {
    expect(run.code).toBe(0);
    expect(report.students.map((s) => s.name)).toEqual(Object.keys(expectations).sort((a, b) => a.localeCompare(b)));
    expect(report.columns.map((c) => c.id)).toEqual(gradingColumns().map((c) => c.id));
    // Not a terminal here: plain lines, one per student done, the last counting the one that could not be graded.
    const lines = run.stderr.trim().split('\n').filter((l) => l.startsWith('Graded '));
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toMatch(/^Graded 11\/11 students, 1 failure so far \(could not be graded\)/);
    expect(run.stderr).not.toMatch(/\r|\u001b/);
  });

  it('each student gets the verdicts their work deserves', () => {
    const all = (status: string) => Object.fromEntries(gradingColumns().map((c) => [c.id, status]));
    expect(statuses('right')).toEqual(all('pass'));
    expect(statuses('repository clone')).toEqual(all('pass'));
    expect(statuses('wrong')).toEqual(all('fail'));
    expect(statuses('empty')).toEqual(all('fail'));
    expect(row('empty').cells[0]!.message).toBe('01-decide/decide.ts was not found in <solution-dir>: the submission must be laid out like exercises/.');
    expect(statuses('answers only')).toEqual({ ...all('fail'), '06.1': 'pass', '06.2': 'pass', '06.3': 'pass', '06.4': 'pass', '06.5': 'pass', '06.6': 'pass' });
    expect(statuses('throws at load')).toEqual({ ...all('pass'), '01': 'fail' });
    expect(row('throws at load').cells[0]!.message).toBe('<solution-dir>/01-decide/decide.ts threw while loading, before any test ran: Error: not ready yet');
    expect(statuses('does not compile')).toEqual({ ...all('pass'), '02': 'fail' });
    expect(row('does not compile').cells[1]!.message).toMatch(/^<solution-dir>\/02-evolve\/evolve\.ts does not compile/);
    expect(statuses('cheat')).toEqual({ ...all('pass'), '01': 'fail' });
    expect(statuses('mixed <b>"x" & co')).toEqual({ ...all('pass'), '06.1': 'fail', '06.2': 'fail', '06.3': 'fail', '06.4': 'fail', '06.5': 'fail', '06.6': 'fail' });
    expect(statuses('half done')).toEqual({ ...all('pass'), '02': 'fail', '06.2': 'fail' });
    expect(row('half done').points).toBe(100);
    expect(row('right').points).toBe(120);
    expect(row('right').cells.every((c) => c.points === 10 && c.message === '')).toBe(true);
    expect(report.maxPoints).toBe(120);
  });

  it('a student whose folder cannot be read is reported as an error, every cell of their row too', () => {
    const unreadable = row('unreadable');
    expect(unreadable.error).toMatch(/^The grader could not grade this folder: EISDIR/);
    expect(unreadable.error).not.toContain(scratch);
    expect(unreadable.cells.every((c) => c.status === 'error' && c.points === 0 && c.message === unreadable.error)).toBe(true);
  });

  it('every kind of cell in the JSON report is what grading that student alone gives, messages included', async () => {
    // Each way a cell is made, once: every check's and requirement's failure message (wrong), passes beside failures
    // (half done), nothing handed in (empty), and the cell of a file that throws and of one that does not compile.
    // The other cells are made the same ways; grading them again (seconds of CPU a right answers.md) proves no more.
    const aloneAgain: [string, string[] | 'all'][] = [['wrong', 'all'], ['half done', 'all'], ['empty', 'all'], ['throws at load', ['01']], ['does not compile', ['02']]];
    for (const [name, ids] of aloneAgain) {
      const columns = ids === 'all' ? report.columns : report.columns.filter((c) => ids.includes(c.id));
      const cells = row(name).cells.filter((c) => columns.some((column) => column.id === c.id));
      expect({ name, cells: await gradeStudentFolder(join(classFolder, name), columns) }).toEqual({ name, cells });
    }
    // Alone, the unreadable folder fails the same way (the class run turned that into the row's error).
    await expect(gradeStudentFolder(join(classFolder, 'unreadable'), report.columns)).rejects.toThrow(/EISDIR/);
  });

  it('the CSV and JUnit reports hold the same cells as the JSON', () => {
    const csv = parseCsv(readFileSync(join(out, 'class.csv'), 'utf8'));
    expect(csv[0]).toEqual(['Student', ...report.columns.map((c) => `${c.id} ${c.title} (10)`), 'Total (120)', 'Error']);
    expect(csv.slice(1).map((cells) => cells[0])).toEqual(report.students.map((s) => s.name));
    for (const [index, student] of report.students.entries()) {
      expect(csv[index + 1]).toEqual([student.name, ...student.cells.map((c) => (c.status === 'error' ? 'error' : String(c.points))), String(student.points), student.error ?? '']);
    }
    const xml = readFileSync(join(out, 'class.xml'), 'utf8');
    const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)" errors="(\d+)">/g)];
    expect(suites.map((m) => m[1])).toEqual(report.students.map((s) => s.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')));
    for (const [index, student] of report.students.entries()) {
      expect(suites[index]!.slice(2).map(Number)).toEqual([12, student.cells.filter((c) => c.status === 'fail').length, student.cells.filter((c) => c.status === 'error').length]);
    }
    expect(xml).not.toContain('<b>');
  });

  it('agrees with the grader of a single submission (`--dir`, through vitest) on a student graded alone', async () => {
    // The very runner `npm run grade -- --dir` uses, on two of the exercises: Exercise 06 and the one left as the starter.
    const outcome = await runExerciseTests(root, ['exercises/02-evolve/evolve.test.ts', 'exercises/06-cqrs-event-sourcing/answers.test.ts'], join(classFolder, 'half done'));
    if ('error' in outcome) throw new Error(outcome.error);
    const [evolve, written] = toGradeReport(toGradedExercises(root, ['02-evolve', '06-cqrs-event-sourcing'], outcome.report, join(classFolder, 'half done'))).exercises;
    const cells = row('half done').cells;
    expect(written!.requirements.map((r) => ({ id: `06.${r.id}`, status: r.status, message: r.message }))).toEqual(
      cells.filter((c) => c.id.startsWith('06.')).map(({ id, status, message }) => ({ id, status, message })),
    );
    expect(evolve!.requirements.some((r) => r.status === 'fail')).toBe(true);
    expect(cells.find((c) => c.id === '02')!.status).toBe('fail');
    // Each check that fails under vitest is named in the class report's message, and no other.
    const failing = evolve!.requirements.filter((r) => r.status === 'fail').map((r) => r.id);
    const named = [...cells.find((c) => c.id === '02')!.message.matchAll(/^✗ (.+?): /gm)].map((m) => m[1]);
    expect(named).toEqual(failing);
  });
});

describe('npm run grade -- --class: bad arguments', () => {
  const recorded = () => {
    const lines: string[] = [];
    return { lines, io: { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text), stderr: process.stderr } };
  };
  const options = (classPath: string) => ({ ...(parseOptions(['--class', classPath, '--json', join(scratch, 'bad', 'r.json')]) as GradeOptions), class: classPath });

  it('a missing folder and a class with no student folders exit 2 with what is wrong, and write nothing', async () => {
    const missing = recorded();
    expect(await runClass(options(join(scratch, 'nowhere')), missing.io)).toBe(2);
    expect(missing.lines.join('')).toMatch(/^--class needs a folder of student folders; .*nowhere cannot be read as one \(ENOENT\)\.$/);
    mkdirSync(join(scratch, 'no-students'));
    writeFileSync(join(scratch, 'no-students', 'answers.md'), '# loose');
    const empty = recorded();
    expect(await runClass(options(join(scratch, 'no-students')), empty.io)).toBe(2);
    expect(empty.lines.join('')).toMatch(/^No student folders in .*no-students: put each student's work in a folder of its own/);
    expect(() => readFileSync(join(scratch, 'bad', 'r.json'))).toThrow(/ENOENT/);
  });

  it('a report that cannot be written is said before any student is graded', async () => {
    const blocked = recorded();
    const notAFolder = join(scratch, 'not-a-folder');
    writeFileSync(notAFolder, 'a file');
    expect(await runClass({ ...options(classFolder), csv: join(notAFolder, 'class.csv') }, blocked.io)).toBe(2);
    expect(blocked.lines.join('')).toBe(`Cannot write a report to ${join(notAFolder, 'class.csv')}: ${notAFolder} is a file, not a folder.`);
    const folder = recorded();
    expect(await runClass({ ...options(classFolder), json: scratch }, folder.io)).toBe(2);
    expect(folder.lines.join('')).toBe(`Cannot write a report to ${scratch}: it is a folder. Name a file.`);
  });

  it('an unknown --only id exits 2 and lists the ids', async () => {
    const unknown = recorded();
    expect(await runClass({ ...options(classFolder), only: '08' }, unknown.io)).toBe(2);
    expect(unknown.lines.join('')).toContain("There is nothing to grade named '08'. Use one of: 01, 02");
  });
});

/** RFC 4180, as the CSV is written (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}
