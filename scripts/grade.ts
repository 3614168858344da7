import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gradableExercises, isFolder, selectExercise } from './grading/exercisesList';
import type { GradableExercise } from './grading/exercisesList';
import { parseOptions, USAGE } from './grading/options';
import { allPassed, toExercism, toGradedExercises, toGradeReport, toJUnit, toTable, withoutMachinePaths } from './grading/results';
import { runExerciseTests } from './grading/vitestRun';

/**
 * `npm run grade`: runs the exercises' tests (vitest project `exercises`) against the working copy or a submission
 * folder, prints a table, and writes the reports asked for. Exit code 0 only when everything graded passes
 * (with --exercism: whenever the runner ran, as Exercism's test runners do); 2 for a usage error (unknown
 * exercise, missing folder); 1 otherwise. `--class` and `--only` grade on a pool of grading processes instead
 * (scripts/grading/classRun.ts).
 */

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  if (typeof options === 'string') {
    console.error(`${options}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => console.error(text), stderr: process.stderr };
  // Loaded only for --class and --only: through its columns it loads the grader of Exercise 06 (its language model
  // is about 2 s of CPU), which a plain run leaves to the vitest it starts.
  if (options.class !== undefined) return (await import('./grading/classRun')).runClass({ ...options, class: options.class }, io);
  const gradeDir = options.dir === undefined ? join(repositoryRoot, 'exercises') : resolve(options.dir);
  if (!isFolder(gradeDir)) {
    console.error(`No folder at ${gradeDir}: --dir needs a submission folder laid out like exercises/ (e.g. <folder>/06-cqrs-event-sourcing/answers.md).`);
    return 2;
  }
  if (options.only !== undefined) return (await import('./grading/classRun')).runOnly({ ...options, only: options.only }, gradeDir, io);
  const all = gradableExercises(repositoryRoot);
  let selected: readonly GradableExercise[] = all;
  if (options.exercise !== undefined) {
    const one = selectExercise(all, options.exercise);
    if (typeof one === 'string') {
      console.error(one);
      return 2;
    }
    selected = [one];
  }

  console.log(`Grading ${selected.map((e) => e.id).join(', ')} in ${gradeDir}\n`);
  const outcome = await runExerciseTests(repositoryRoot, selected.flatMap((e) => e.testFiles), gradeDir);
  if ('error' in outcome) {
    console.error(outcome.error);
    if (options.exercism !== undefined) {
      const message = withoutMachinePaths(outcome.error, repositoryRoot, gradeDir);
      writeFile(join(options.exercism, 'results.json'), `${JSON.stringify({ version: 3, status: 'error', message, tests: [] }, null, 2)}\n`);
      return 0;
    }
    return 1;
  }
  const exercises = toGradedExercises(repositoryRoot, selected.map((e) => e.id), outcome.report, gradeDir);
  console.log(toTable(exercises));

  if (options.json !== undefined) writeFile(options.json, `${JSON.stringify(toGradeReport(exercises), null, 2)}\n`);
  if (options.junit !== undefined) writeFile(options.junit, toJUnit(exercises));
  if (options.exercism !== undefined) writeFile(join(options.exercism, 'results.json'), `${JSON.stringify(toExercism(exercises), null, 2)}\n`);

  const passed = allPassed(exercises);
  console.log(passed ? 'Everything graded passes.' : 'Some requirements fail: the messages above say what is missing.');
  // Exercism's runner contract: exit 0 whenever the runner ran; the platform reads the verdict from results.json.
  if (options.exercism !== undefined) return 0;
  return passed ? 0 : 1;
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, text);
  console.log(`Wrote ${path}`);
}

process.exitCode = await main(process.argv.slice(2));
