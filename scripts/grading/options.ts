/** The command line of `npm run grade`. */
export type GradeOptions = {
  readonly exercise: string | undefined;
  readonly dir: string | undefined;
  readonly json: string | undefined;
  readonly junit: string | undefined;
  readonly exercism: string | undefined;
  readonly help: boolean;
};

export const USAGE = `Usage: npm run grade -- [options]

  --exercise NN      grade one exercise (06, or its folder name 06-cqrs-event-sourcing)
  --dir <folder>     grade a submission folder laid out like exercises/ (the working copy is not touched)
  --json <file>      write { exercises: [{ id, requirements: [{ id, status, message }] }] }
  --junit <file>     write JUnit XML
  --exercism <dir>   write <dir>/results.json in the Exercism test-runner format (version 3)
  --help             show this help

Exit code 0 only when everything graded passes; with --exercism, 0 whenever the runner ran
(the verdict is in results.json).`;

/** Parses argv (without node and script); a string is the usage error to show. */
export function parseOptions(argv: readonly string[]): GradeOptions | string {
  const values: Record<'exercise' | 'dir' | 'json' | 'junit' | 'exercism', string | undefined> = {
    exercise: undefined,
    dir: undefined,
    json: undefined,
    junit: undefined,
    exercism: undefined,
  };
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !(name in values)) return `Unknown option '${arg}'.`;
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || value === '' || value.startsWith('--')) return `Option --${name} needs a value.`;
    values[name as keyof typeof values] = value;
  }
  return { ...values, help };
}
