import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { ExerciseTests, StudentModule } from '../../exercises/support/checks';
import { exercises } from '../../exercises/manifest';
import { REQUIREMENT_TITLES } from '../../src/grading/exercise06';
import { ExercismV3 } from './exercismSchema';

/**
 * bin/run.sh, Exercism's test-runner interface (`<slug> <solution-dir> <output-dir>` → results.json, version 3),
 * run here as Exercism's Docker image runs it (the image itself cannot be built on this machine: no Docker
 * engine). A coding exercise and Exercise 06, each on a passing solution folder (its solution) and a failing one (its
 * starter), as Exercism hands them over: the exercise's files alone, with a trailing slash. Each run starts vitest
 * (seconds of CPU), so the other slugs are not run here: the script maps every slug the same way (the unknown-slug
 * case below lists them all), the report's format is tested in test/scripts/results.test.ts, and every exercise's
 * checks on its solution and its starter in test/exercises/proof.test.ts.
 */

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'exercism-runner-'));
type Run = { code: number; stderr: string; results: unknown };
type Results = v.InferOutput<typeof ExercismV3>;

async function runner(args: readonly string[], outputDir: string): Promise<Run> {
  let code = 0;
  let stderr = '';
  try {
    ({ stderr } = await promisify(execFile)('sh', [join(root, 'bin/run.sh'), ...args], { cwd: scratch }));
  } catch (error) {
    ({ code, stderr } = error as { code: number; stderr: string });
  }
  let results: unknown;
  try {
    results = JSON.parse(readFileSync(join(outputDir, 'results.json'), 'utf8'));
  } catch {
    results = undefined;
  }
  return { code, stderr, results };
}

/** The names of an exercise's tests, in order: its checks, or Exercise 06's requirements. */
async function testNames(id: string): Promise<string[]> {
  if (id === '06-cqrs-event-sourcing') return Object.entries(REQUIREMENT_TITLES).map(([n, title]) => `Requirement ${n}: ${title}`);
  const checks = (await import(`../../exercises/${id}/checks.ts`)) as { defineExerciseTests: (student: StudentModule) => ExerciseTests };
  return checks.defineExerciseTests({}).checks.map((check) => check.name);
}

const slugOf = (id: string): string => id.replace(/^\d{2}-/, '');
const runHere = new Set(['01-decide', '06-cqrs-event-sourcing']);
const cases = exercises.filter((exercise) => runHere.has(exercise.id)).flatMap((exercise) => [
  { id: exercise.id, slug: slugOf(exercise.id), kind: 'passing' as const, from: join(root, 'exercises/_solutions', exercise.id) },
  { id: exercise.id, slug: slugOf(exercise.id), kind: 'failing' as const, from: join(root, 'exercises', exercise.id) },
]);
const runs = new Map<string, Run>();

beforeAll(async () => {
  const queue = cases.map((c) => async () => {
    const solution = join(scratch, c.kind, c.slug);
    cpSync(c.from, solution, { recursive: true });
    const output = join(scratch, 'out', c.kind, c.slug);
    runs.set(`${c.slug}:${c.kind}`, await runner([c.slug, `${solution}/`, `${output}/`], output));
  });
  // Two at a time: each run starts vitest.
  const lane = async (): Promise<void> => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) await job();
  };
  await Promise.all([lane(), lane()]);
}, 600_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('bin/run.sh <slug> <solution-dir> <output-dir>', () => {
  it.each(cases.map((c) => [c.slug, c.kind, c] as const))('%s, %s solution: exit 0 and a results.json of version 3 naming each test', async (_slug, kind, c) => {
    const run = runs.get(`${c.slug}:${kind}`)!;
    expect(run.code, run.stderr).toBe(0);
    const parsed = v.safeParse(ExercismV3, run.results);
    expect(parsed.issues?.map((issue) => issue.message)).toBeUndefined();
    const results = run.results as Results;
    expect(results.status).toBe(kind === 'passing' ? 'pass' : 'fail');
    expect(results.tests.map((t) => t.name)).toEqual(await testNames(c.id));
    for (const test of results.tests) {
      expect(test.test_code).not.toBe('');
      if (test.status === 'pass') expect(test.message).toBeUndefined();
      else expect(test.message).toMatch(/\w/);
    }
    if (kind === 'failing') expect(results.tests.some((t) => t.status === 'fail')).toBe(true);
    expect(JSON.stringify(results)).not.toContain(scratch);
  });

  it('Exercise 06: a test per requirement, numbered as its task, whose code is the test body, not the it.each around it', () => {
    const results = runs.get('cqrs-event-sourcing:failing')!.results as Results;
    expect(results.tests.map((t) => [t.task_id, t.status])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, 'fail']));
    expect(results.tests[0]!.test_code).toContain('checkRequirement(1,');
    expect(results.tests[0]!.test_code).not.toContain('it.each');
  });

  it('a solution that does not compile: status error, with a message naming <solution-dir>', async () => {
    const solution = join(scratch, 'broken', 'decide');
    mkdirSync(solution, { recursive: true });
    writeFileSync(join(solution, 'decide.ts'), 'export function decide(command, state {\n');
    const output = join(scratch, 'out', 'broken');
    const run = await runner(['01-decide', solution, output], output);
    expect(run.code, run.stderr).toBe(0);
    expect(v.safeParse(ExercismV3, run.results).success).toBe(true);
    const results = run.results as Results;
    expect(results.status).toBe('error');
    expect(results.message).toContain('<solution-dir>/01-decide/decide.ts does not compile');
    expect(results.message).not.toContain(scratch);
  }, 120_000);

  it('an unknown slug: exit 1 and a results.json saying which slugs exist; no arguments: the usage, exit 2', async () => {
    const output = join(scratch, 'out', 'unknown');
    const unknown = await runner(['two-fer', join(scratch, 'passing', 'decide'), output], output);
    expect(unknown.code).toBe(1);
    expect(unknown.results).toEqual({
      version: 3,
      status: 'error',
      message: "There is no exercise 'two-fer' in this track. Exercises: decide, evolve, projection, snapshots, concurrency, cqrs-event-sourcing, upcaster.",
      tests: [],
    });
    const usage = await runner([], join(scratch, 'nowhere'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: bin/run.sh <exercise-slug> <solution-dir> <output-dir>');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+ /.test(line)).map((line) => line.split(' ')[0]);

  it("follows Exercism's conventions: a node image, WORKDIR /opt/test-runner, dependencies installed at build, bin/run.sh as the entrypoint", () => {
    expect(instructions[0]).toBe('FROM');
    expect(dockerfile).toMatch(/^FROM node:20[\w.-]*$/m);
    expect(dockerfile).toMatch(/^WORKDIR \/opt\/test-runner$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile.indexOf('RUN npm ci')).toBeLessThan(dockerfile.indexOf('COPY . .'));
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/opt\/test-runner\/bin\/run\.sh"\]$/m);
    expect(readFileSync(join(root, '.dockerignore'), 'utf8').split('\n')).toContain('node_modules');
  });
});
