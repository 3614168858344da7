/**
 * `npm run bench` — speed as ratios against baselines measured in the same run, on the same machine, with the same
 * data. Flags: `--quick` (smaller sizes, about five minutes), `--json <file>`, `--node-only`, `--browser-only`,
 * `--screens-only` (only the app's own screens: catch-up, rebuilds on #/simulator, first rows), `--classroom-only`
 * (only the classroom server: 500 simulated students on SQLite, and on PostgreSQL when CLASSROOM_PG_URL is set).
 *
 * Node (memory store; Dexie on fake-indexeddb for reference):
 * - the memory store's handleCommand against a naive Map of arrays doing the same work (target: within 2×, ≥ 0.5×);
 * - the memory store against Emmett's in-memory store, S × C = 2,000 × 10 and 20,000 × 10 (as measured, no target);
 * - cost per command as the store grows from 10,000 to 1,000,000 events, quick runs too (flat within 1.5×: ≥ 0.67);
 * - appends and projection rebuilds against the least work that does the same (see bench/storeBench.ts);
 * - the Exercise 06 grader on 100,000-character answers against ten times a 10,000-character one (linear: ≥ 0.5×).
 * Browser (real IndexedDB in Debian's Chromium, through playwright-core): see src/performance/browserBenchmarks.ts,
 * and the app's own screens with their listeners live (bench/screenBench.ts). Full runs also run the journeys on
 * heavy data (`npm run test:scale`, test/scale/), which fail the bench if they fail.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { formatTable } from './measure';
import { meetsTarget } from '../src/performance/benchResult';
import { benchEmmett } from './emmett';
import { benchMemoryFloor } from './memoryFloor';
import { benchGrowth } from './growth';
import { benchStores } from './storeBench';
import { benchBrowser } from './browserRun';
import { benchGrading } from './grading';
import { benchClassroom } from './classroom';
import type { BenchResult, GrowthPoint } from '../src/performance/benchResult';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
const screensOnly = args.includes('--screens-only');
const classroomOnly = args.includes('--classroom-only');
const runNode = !args.includes('--browser-only') && !screensOnly && !classroomOnly;
const runBrowser = !args.includes('--node-only') && !classroomOnly;
const runClassroom = !args.includes('--browser-only') && !screensOnly;

const results: BenchResult[] = [];
const growth: { node: GrowthPoint[]; browser: GrowthPoint[] } = { node: [], browser: [] };
const step = (label: string) => console.log(`… ${label}`);

console.log(`Event Workbook benchmarks${quick ? ' (quick)' : ''} — node ${process.version}, ${new Date().toISOString()}`);
if (runNode) {
  step('memory store vs a naive Map of arrays (CPU time, best of alternating rounds)');
  results.push(...(await benchMemoryFloor(quick ? 5 : 9)));
  step('memory store vs Emmett, 2,000 × 10');
  results.push(...(await benchEmmett(2_000, 10)));
  if (!quick) {
    step('memory store vs Emmett, 20,000 × 10 (Emmett takes about a minute here)');
    results.push(...(await benchEmmett(20_000, 10)));
  }
  step('cost per command as the memory store grows');
  const grown = await benchGrowth([10_000, 100_000, 1_000_000]);
  results.push(...grown.results);
  growth.node = grown.growth;
  step('appends and projection rebuilds');
  results.push(...(await benchStores(quick)));
  step('the Exercise 06 grader on 100,000-character answers');
  results.push(...(await benchGrading()));
}
if (runClassroom) {
  step(`the classroom server: 500 students over HTTP on SQLite${process.env.CLASSROOM_PG_URL ? ' and PostgreSQL' : ''}`);
  results.push(...(await benchClassroom(quick)));
}
if (runBrowser) {
  step('browser benchmarks in Chromium (real IndexedDB)');
  const browser = await benchBrowser(quick ? 'quick' : 'full', console.log, { screensOnly });
  results.push(...browser.results);
  growth.browser = browser.growth;
}
let scaleJourneys: 'passed' | 'failed' | 'not run' = 'not run';
if (runBrowser && !quick && !screensOnly) {
  // Heavy data sets are the bench's, not `npm test`'s: the journeys on a 100,000-event store run here.
  step('journeys at scale in Chromium (test/scale: 100,000 events seeded from the Data screen, the log scrolled)');
  scaleJourneys = spawnSync('npm', ['run', 'test:scale'], { stdio: 'inherit' }).status === 0 ? 'passed' : 'failed';
  if (scaleJourneys === 'failed') process.exitCode = 1;
}
console.log(formatTable(results));
if (scaleJourneys !== 'not run') console.log(`journeys at scale (npm run test:scale): ${scaleJourneys}`);
for (const [where, points] of Object.entries(growth))
  if (points.length > 0)
    console.log(`cost per command (${where}): ${points.map((p) => `${p.storedEvents.toLocaleString('en-US')} events → ${p.microsPerCommand.toFixed(1)} µs`).join(', ')}`);
if (jsonFile) {
  const met = (result: BenchResult) => {
    const verdict = meetsTarget(result);
    return verdict === null ? 'no target' : verdict ? 'met' : 'missed';
  };
  const rows = results.map((result) => {
    const { name, value, unit, baseline, baselineName, ratio, target, budget } = result;
    return { name, value, unit, baseline, baselineName, ratio, target, ...(budget === undefined ? {} : { budget }), met: met(result) };
  });
  writeFileSync(jsonFile, JSON.stringify({ results: rows, growth, scaleJourneys }, null, 2));
  console.log(`Wrote ${jsonFile}`);
}
