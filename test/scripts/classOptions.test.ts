import { describe, expect, it } from 'vitest';
import { gradingColumns, selectColumns } from '../../scripts/grading/columns';
import { parseOptions, type GradeOptions } from '../../scripts/grading/options';
import { progressLine, progressText } from '../../scripts/grading/progressLine';

/** `npm run grade -- --class / --only`: the command line, the columns graded and the progress line (no process spawned). */

const parsed = (argv: string[]): GradeOptions => {
  const options = parseOptions(argv);
  if (typeof options === 'string') throw new Error(options);
  return options;
};

describe('--class and --only options', () => {
  it('reads --class, --jobs, --time-limit, --csv and --only', () => {
    expect(parsed(['--class', 'cls', '--jobs', '3', '--time-limit=2.5', '--csv', 'c.csv'])).toMatchObject({ class: 'cls', jobs: 3, timeLimitSeconds: 2.5, csv: 'c.csv' });
    expect(parsed(['--only', '06.3']).only).toBe('06.3');
  });

  it.each([
    [['--class', 'c', '--jobs', '0'], "Option --jobs needs a whole number of processes from 1 to 256, not '0'."],
    [['--class', 'c', '--jobs', 'two'], "Option --jobs needs a whole number of processes from 1 to 256, not 'two'."],
    [['--class', 'c', '--time-limit', '-1'], "Option --time-limit needs a number of seconds above 0 and at most 3600, not '-1'."],
    [['--class', 'c', '--time-limit', '0'], "Option --time-limit needs a number of seconds above 0 and at most 3600, not '0'."],
    [['--class', 'c', '--dir', 'd'], '--class grades every student folder of the class; it cannot be combined with --dir (that grades one submission).'],
    [['--class', 'c', '--exercism', 'o'], '--class grades every student folder of the class; it cannot be combined with --exercism (that grades one submission).'],
    [['--class', 'a', '--class', 'b'], 'Option --class is given twice.'],
    [['--csv', 'c.csv'], '--csv goes with --class <folder>.'],
    [['--jobs', '2'], '--jobs goes with --class <folder>.'],
    [['--only', '01', '--json', 'r.json'], '--only grades one requirement or exercise with a pass/fail exit code; it cannot be combined with --json.'],
    [['--time-limit', '5'], '--time-limit goes with --class or --only.'],
    [['--class'], 'Option --class needs a value.'],
  ])('refuses %j: %s', (argv, message) => {
    expect(parseOptions(argv)).toBe(message);
  });
});

describe('the columns a class is graded on', () => {
  const columns = gradingColumns();

  it('one per coding exercise and one per requirement of Exercise 06, in the workbook order, ten points each', () => {
    expect(columns.map((c) => c.id)).toEqual(['01', '02', '03', '04', '05', '06.1', '06.2', '06.3', '06.4', '06.5', '06.6', '07']);
    expect(columns.find((c) => c.id === '06.2')).toEqual({ id: '06.2', exercise: '06-cqrs-event-sourcing', title: 'Requirement 2: CQRS architecture diagram', points: 10 });
    expect(columns.every((c) => c.points === 10)).toBe(true);
  });

  it('--only finds a requirement, an exercise by number or folder, and lists the ids when nothing matches', () => {
    expect(selectColumns(columns, '06.3')).toEqual([columns[7]]);
    expect(selectColumns(columns, '6.3')).toEqual([columns[7]]);
    expect(selectColumns(columns, '1')).toEqual([columns[0]]);
    expect(selectColumns(columns, '07-upcaster')).toEqual([columns[11]]);
    expect((selectColumns(columns, '06') as { id: string }[]).map((c) => c.id)).toEqual(['06.1', '06.2', '06.3', '06.4', '06.5', '06.6']);
    expect(selectColumns(columns, '06.9')).toBe("There is nothing to grade named '06.9'. Use one of: 01, 02, 03, 04, 05, 06.1, 06.2, 06.3, 06.4, 06.5, 06.6, 07 (or an exercise number such as 06).");
  });
});

describe('the progress line', () => {
  const recorder = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
  };
  let clock = 0;
  const now = () => clock;

  it('on a terminal, rewrites one line in place and ends it once', () => {
    const { writes, stream } = recorder(true);
    const line = progressLine(stream, 12, now);
    clock = 1500;
    line.update(1, 0);
    line.update(2, 1);
    line.finish();
    expect(writes).toEqual([
      '\r\u001b[2KGraded 1/12 students, no failures so far, 1.5 s',
      '\r\u001b[2KGraded 2/12 students, 1 failure so far (could not be graded), 1.5 s',
      '\n',
    ]);
  });

  it('in a log or a pipe, writes plain lines', () => {
    const { writes, stream } = recorder(false);
    const line = progressLine(stream, 3, now);
    line.update(3, 2);
    line.finish();
    expect(writes).toEqual([`${progressText(3, 3, 2, 0)}\n`]);
    expect(writes[0]).not.toMatch(/\r|\u001b/);
  });
});
