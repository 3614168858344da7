import { spawn } from 'node:child_process';

/**
 * `npm test`: the types, then the build the journeys run on (with the bundle budget), then two runs side by side:
 * the unit and browser tests, and the e2e journeys. The journeys spend most of their time waiting on the one shared
 * Chromium (about a third of the two cores' time on an idle machine), so the unit tests run in what they leave.
 *
 * The journeys' report streams as it comes; the unit and browser report is kept and printed whole when that run
 * ends, so the two never interleave line by line. Exits non-zero when any step fails, and says which.
 */

type Step = { readonly name: string; readonly command: readonly string[] };
type Outcome = { readonly name: string; readonly ok: boolean; readonly seconds: number };

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const typecheck: Step = { name: 'types', command: [npm, 'run', 'typecheck'] };
const build: Step = { name: 'build', command: [npx, 'vite', 'build', '--logLevel', 'warn'] };
const budget: Step = { name: 'bundle budget', command: [npm, 'run', 'budget'] };
/**
 * The tests beside the journeys run at a lower CPU priority (`nice`, where there is one): the journeys are the longer
 * run, so the cores go to them first and the unit tests take what the journeys leave, instead of slowing them.
 */
const besideJourneys = (command: readonly string[]): readonly string[] =>
  process.platform === 'win32' ? command : ['nice', '-n', '10', ...command];
const unit: Step = { name: 'unit', command: besideJourneys([npm, 'run', 'test:unit']) };
const browser: Step = { name: 'browser', command: besideJourneys([npm, 'run', 'test:browser']) };
const e2e: Step = { name: 'e2e', command: [npx, 'vitest', 'run', '--project', 'e2e'] };

/** Runs one step; its output goes to the terminal, or into `kept` when given. */
function run(step: Step, kept?: string[]): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const [command, ...args] = step.command;
    const child = spawn(command!, args, { stdio: kept ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'], env: process.env });
    if (kept) {
      child.stdout?.on('data', (chunk: Buffer) => kept.push(chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => kept.push(chunk.toString('utf8')));
    }
    const done = (ok: boolean) => resolve({ name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000) });
    child.on('error', (error) => {
      kept?.push(`${step.name} could not start: ${error.message}\n`);
      if (!kept) console.error(`${step.name} could not start: ${error.message}`);
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

/** Steps one after another, stopping at the first that fails. */
async function inOrder(steps: readonly Step[], kept?: string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    const outcome = await run(step, kept);
    outcomes.push(outcome);
    if (!outcome.ok) break;
  }
  return outcomes;
}

const line = (outcome: Outcome) => `  ${outcome.ok ? 'passed' : 'FAILED'}  ${outcome.name} (${outcome.seconds} s)`;

async function main(): Promise<number> {
  const first = await inOrder([typecheck, build, budget]);
  if (first.some((outcome) => !outcome.ok)) {
    console.error(`\nnpm test stopped:\n${first.map(line).join('\n')}`);
    return 1;
  }
  console.log('\nThe unit and browser tests run beside the e2e journeys; their report follows when they end.\n');
  const kept: string[] = [];
  const [beside, journeys] = await Promise.all([
    inOrder([unit, browser], kept).then((outcomes) => {
      console.log(`\n──── unit and browser tests ────\n${kept.join('')}──── end of the unit and browser tests ────\n`);
      return outcomes;
    }),
    run(e2e),
  ]);
  const all = [...first, ...beside, journeys];
  const failed = all.some((outcome) => !outcome.ok) || beside.length < 2;
  console.log(`\nnpm test ${failed ? 'FAILED' : 'passed'}:\n${all.map(line).join('\n')}`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
