import type { ClassReport } from '../../src/grading/classReport';
import { xml } from './results';

/** The class report as JUnit XML: a testsuite per student, a testcase per requirement or exercise. */
export function classJUnit(report: ClassReport): string {
  const count = (status: 'fail' | 'error'): number => report.students.reduce((n, s) => n + s.cells.filter((c) => c.status === status).length, 0);
  const total = report.students.length * report.columns.length;
  const suites = report.students.map((student) => {
    const cases = student.cells.map((cell, index) => {
      const column = report.columns[index]!;
      const open = `    <testcase classname="${xml(column.exercise)}" name="${xml(`${column.id} ${column.title}`)}">`;
      if (cell.status === 'pass') return `${open}</testcase>`;
      const tag = cell.status === 'fail' ? 'failure' : 'error';
      return `${open}\n      <${tag} message="${xml(firstLine(cell.message))}">${xml(cell.message)}</${tag}>\n    </testcase>`;
    });
    const failures = student.cells.filter((c) => c.status === 'fail').length;
    const errors = student.cells.filter((c) => c.status === 'error').length;
    return `  <testsuite name="${xml(student.name)}" tests="${student.cells.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="Event Workbook class" tests="${total}" failures="${count('fail')}" errors="${count('error')}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** What the terminal shows once the class is graded: a line per student, their points and what failed. */
export function classTable(report: ClassReport): string {
  const width = Math.max(7, ...report.students.map((s) => s.name.length));
  const lines = report.students.map((student) => {
    const head = `${student.name.padEnd(width)}  ${`${student.points}/${report.maxPoints}`.padStart(7)}`;
    if (student.error !== undefined) return `${head}  ERROR  ${firstLine(student.error)}`;
    const failed = student.cells.filter((cell) => cell.status !== 'pass').map((cell) => cell.id);
    return failed.length === 0 ? `${head}  all pass` : `${head}  failed: ${failed.join(', ')}`;
  });
  return [`${'Student'.padEnd(width)}  ${'Points'.padStart(7)}`, ...lines].join('\n');
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
