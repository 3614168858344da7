import { describe, expect, it } from 'vitest';
import { classReport, classReportCsv, classReportOfSubmissions, parseClassReport, type ClassReport } from '../../src/grading/classReport';

/** The class report the Instructor screen loads: what it accepts, what it refuses (by name), and its CSV. */

const columns = [
  { id: '01', exercise: '01-decide', title: 'Exercise 01: decide', points: 10 },
  { id: '06.1', exercise: '06-cqrs-event-sourcing', title: 'Requirement 1: CQRS concepts', points: 10 },
];
const report: ClassReport = classReport(columns, [
  { name: 'ada', cells: [{ id: '01', status: 'pass', points: 10, message: '' }, { id: '06.1', status: 'fail', points: 0, message: 'Question 2 is not answered.' }] },
  { name: '=HYPERLINK("x")', error: 'stopped at the time limit', cells: columns.map((c) => ({ id: c.id, status: 'error' as const, points: 0, message: 'stopped at the time limit' })) },
]);
const text = (value: unknown): string => JSON.stringify(value);

describe('parseClassReport', () => {
  it('accepts what the grader writes, totals included', () => {
    expect(report.maxPoints).toBe(20);
    expect(report.students.map((s) => s.points)).toEqual([10, 0]);
    expect(parseClassReport(text(report))).toEqual(report);
  });

  it.each([
    ['not JSON', '{"format":', /^This file is not JSON \(/],
    ['another JSON file', text({ exercises: [] }), /^This is not a class report: its "format" should be "event-workbook-class-report"/],
    ['a cell with an unknown status', text({ ...report, students: [{ ...report.students[0], cells: [{ ...report.students[0]!.cells[0], status: 'maybe' }, report.students[0]!.cells[1]] }] }), /^The class report is not valid at students\.0\.cells\.0\.status: /],
    ['an extra field', text({ ...report, script: '<script>alert(1)</script>' }), /^The class report is not valid at /],
    ['a student missing a cell', text({ ...report, students: [{ ...report.students[0], cells: [report.students[0]!.cells[0]], points: 10 }] }), /^Student "ada" does not have one cell per column, in the columns' order\.$/],
    ['points that do not add up', text({ ...report, students: [{ ...report.students[0], points: 20 }] }), /^Student "ada" has 20 points, but their cells add up to 10\.$/],
    ['a wrong maximum', text({ ...report, maxPoints: 30 }), /^The class report's maxPoints is 30, but its columns add up to 20\.$/],
    ['a column named twice', text({ ...classReport([columns[0]!, columns[0]!], []) }), /^The class report names a column twice\.$/],
  ])('refuses %s, saying what is wrong', (_name, input, message) => {
    const parsed = parseClassReport(input);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('classReportCsv', () => {
  it('a row per student: points per column, the total, the error; a name that looks like a formula is neutralised', () => {
    expect(classReportCsv(report).split('\r\n')).toEqual([
      'Student,01 Exercise 01: decide (10),06.1 Requirement 1: CQRS concepts (10),Total (20),Error',
      'ada,10,0,10,',
      `"'=HYPERLINK(""x"")",error,error,0,stopped at the time limit`,
      '',
    ]);
  });
});

describe('classReportOfSubmissions', () => {
  it("Exercise 06 graded in the browser becomes a report on its six requirements", () => {
    const results = [1, 2, 3, 4, 5, 6].map((n) => ({ id: String(n), status: n === 2 ? ('fail' as const) : ('pass' as const), message: n === 2 ? 'no diagram' : 'ok' }));
    const converted = classReportOfSubmissions([{ student: 'ada', path: 'class/ada/answers.md', answers: '', results }]);
    expect(converted.columns.map((c) => c.id)).toEqual(['06.1', '06.2', '06.3', '06.4', '06.5', '06.6']);
    expect(converted.students[0]!.cells.map((c) => [c.status, c.message])).toEqual([['pass', ''], ['fail', 'no diagram'], ['pass', ''], ['pass', ''], ['pass', ''], ['pass', '']]);
    expect(converted.students[0]!.points).toBe(50);
    expect(parseClassReport(JSON.stringify(converted))).toEqual(converted);
  });
});
