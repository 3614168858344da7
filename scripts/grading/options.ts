import { availableParallelism } from 'node:os';

/** The command line of `npm run grade`. */
export type GradeOptions = {
  readonly exercise: string | undefined;
  readonly dir: string | undefined;
  readonly json: string | undefined;
  readonly junit: string | undefined;
  readonly exercism: string | undefined;
  /** A folder of student folders: grade them all (`--class`). */
  readonly class: string | undefined;
  readonly csv: string | undefined;
  /** Grading processes for `--class` (default: the machine's cores). */
  readonly jobs: number;
  /** Per student, in `--class` and `--only`. */
  readonly timeLimitSeconds: number;
  /** One requirement or exercise (`06.3`, `01`), graded pass or fail. */
  readonly only: string | undefined;
  readonly help: boolean;
};

export const DEFAULT_TIME_LIMIT_SECONDS = 120;

export const USAGE = `Usage: npm run grade -- [options]

  --exercise NN        grade one exercise (06, or its folder name 06-cqrs-event-sourcing)
  --dir <folder>       grade a submission folder laid out like exercises/ (the working copy is not touched)
  --json <file>        write { exercises: [{ id, requirements: [{ id, status, message }] }] }
                       (with --class: the class report the Instructor screen loads)
  --junit <file>       write JUnit XML (with --class: a testsuite per student)
  --exercism <dir>     write <dir>/results.json in the Exercism test-runner format (version 3)
  --only <id>          grade one requirement of Exercise 06 (06.3) or one coding exercise (01): exit 0 on pass,
                       1 on fail (what GitHub Classroom's autograding runs, one test per id)
  --class <folder>     grade every student folder in <folder> (each laid out like exercises/, or holding an
                       answers.md) in parallel, into one CSV, JSON and JUnit report
  --csv <file>         with --class: write the points per student and requirement as CSV
  --jobs N             with --class: grading processes at once (default: the machine's cores, ${availableParallelism()} here)
  --time-limit S       with --class or --only: seconds one student may take before they are stopped and
                       reported as an error (default ${DEFAULT_TIME_LIMIT_SECONDS})
  --help               show this help

Exit code 0 only when everything graded passes; with --exercism, 0 whenever the runner ran (the verdict is in
results.json); with --class, 0 whenever the run completed (the verdicts are in the reports). 2 on bad arguments.
With --class and no report named, the three are written to grades/class-report.{csv,json,xml}.`;

type ValueFlag = 'exercise' | 'dir' | 'json' | 'junit' | 'exercism' | 'class' | 'csv' | 'jobs' | 'time-limit' | 'only';
const VALUE_FLAGS: readonly ValueFlag[] = ['exercise', 'dir', 'json', 'junit', 'exercism', 'class', 'csv', 'jobs', 'time-limit', 'only'];

/** Parses argv (without node and script); a string is the usage error to show. */
export function parseOptions(argv: readonly string[]): GradeOptions | string {
  const values = new Map<ValueFlag, string>();
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = flag.replace(/^--/, '') as ValueFlag;
    if (!flag.startsWith('--') || !VALUE_FLAGS.includes(name)) return `Unknown option '${arg}'.`;
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || value === '' || value.startsWith('--')) return `Option --${name} needs a value.`;
    if (values.has(name)) return `Option --${name} is given twice.`;
    values.set(name, value);
  }
  const jobs = values.has('jobs') ? wholeNumber(values.get('jobs')!, 1, 256) : availableParallelism();
  if (jobs === undefined) return `Option --jobs needs a whole number of processes from 1 to 256, not '${values.get('jobs')}'.`;
  const timeLimitSeconds = values.has('time-limit') ? seconds(values.get('time-limit')!) : DEFAULT_TIME_LIMIT_SECONDS;
  if (timeLimitSeconds === undefined) return `Option --time-limit needs a number of seconds above 0 and at most 3600, not '${values.get('time-limit')}'.`;
  const options: GradeOptions = {
    exercise: values.get('exercise'),
    dir: values.get('dir'),
    json: values.get('json'),
    junit: values.get('junit'),
    exercism: values.get('exercism'),
    class: values.get('class'),
    csv: values.get('csv'),
    jobs,
    timeLimitSeconds,
    only: values.get('only'),
    help,
  };
  return conflict(options, values) ?? options;
}

/** Options that make no sense together, said before anything runs. */
function conflict(options: GradeOptions, given: ReadonlyMap<ValueFlag, string>): string | undefined {
  if (options.class !== undefined) {
    for (const flag of ['dir', 'exercism'] as const) {
      if (given.has(flag)) return `--class grades every student folder of the class; it cannot be combined with --${flag} (that grades one submission).`;
    }
    if (options.exercise !== undefined && options.only !== undefined) return 'Give --exercise or --only, not both.';
    return undefined;
  }
  for (const flag of ['csv', 'jobs'] as const) if (given.has(flag)) return `--${flag} goes with --class <folder>.`;
  if (options.only !== undefined) {
    for (const flag of ['exercise', 'exercism', 'json', 'junit'] as const) {
      if (given.has(flag)) return `--only grades one requirement or exercise with a pass/fail exit code; it cannot be combined with --${flag}.`;
    }
    return undefined;
  }
  if (given.has('time-limit')) return '--time-limit goes with --class or --only.';
  return undefined;
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

function seconds(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 && value <= 3600 ? value : undefined;
}
