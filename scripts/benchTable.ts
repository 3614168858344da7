/**
 * `npm run bench:table -- run1.json run2.json run3.json [--readme]`: the runs of `npm run bench -- --json <file>` as
 * one Markdown table with each figure's spread and in how many runs its target was met. With `--readme`, the table
 * replaces the one between `<!-- bench:start -->` and `<!-- bench:end -->` in README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runsTable, withBenchTable, type RunFile } from '../bench/runsTable';

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith('--'));
if (files.length === 0) {
  console.error('Name the JSON files of one or more runs: npm run bench:table -- run1.json run2.json run3.json [--readme]');
  process.exit(2);
}

function readRun(file: string): RunFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a bench JSON file (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { results?: unknown }).results))
    throw new Error(`${file}: has no "results" list; write it with npm run bench -- --json ${file}`);
  return parsed as RunFile;
}

try {
  const table = runsTable(files.map(readRun));
  if (args.includes('--readme')) {
    const readme = resolve(import.meta.dirname, '../README.md');
    writeFileSync(readme, withBenchTable(readFileSync(readme, 'utf8'), table));
    console.log(`README.md: the bench table now shows ${files.length} run(s).`);
  } else {
    console.log(table);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
