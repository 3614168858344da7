import type { BenchResult } from '../src/performance/benchResult';

/** One row of `npm run bench -- --json <file>`: the result and its verdict. */
export type RunRow = Omit<BenchResult, 'budget'> & { readonly budget?: number; readonly met: 'met' | 'missed' | 'no target' };

/** A bench JSON file as `npm run bench -- --json` writes it. */
export type RunFile = { readonly results: readonly RunRow[] };

const figure = (value: number): string => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2));

/** "1.2" for one run, "1.1–1.4" for several: the spread is the point of running three times. */
function spread(values: readonly number[], format: (value: number) => string): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return format(low) === format(high) ? format(low) : `${format(low)}–${format(high)}`;
}

/** The cell `|` would break: a name with a pipe stays one cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/**
 * Several runs of the bench as one Markdown table: each figure with its spread over the runs, its baseline (named
 * as the bench names it, with its own spread), the ratio's spread, the target, and in how many runs it was met.
 * Figures are matched by name; one missing from a run counts as not met in that run.
 */
export function runsTable(runs: readonly RunFile[]): string {
  const names: string[] = [];
  for (const run of runs) for (const row of run.results) if (!names.includes(row.name)) names.push(row.name);
  const lines = [
    '| measured | value | baseline (same run) | ratio | target | met |',
    '|---|---|---|---|---|---|',
  ];
  for (const name of names) {
    const rows = runs.map((run) => run.results.find((row) => row.name === name)).filter((row): row is RunRow => row !== undefined);
    const first = rows[0]!;
    const unit = first.unit;
    const target = [
      ...(first.target === null ? [] : [`≥ ${first.target}×`]),
      ...(first.budget === undefined ? [] : [`≤ ${first.budget.toLocaleString('en-US')} ${unit}`]),
    ].join(', ');
    const met = first.met === 'no target' ? '—' : `${rows.filter((row) => row.met === 'met').length} of ${runs.length}`;
    lines.push(
      `| ${cell(name)} | ${spread(rows.map((row) => row.value), figure)} ${unit} | ${cell(first.baselineName)}: ` +
        `${spread(rows.map((row) => row.baseline), figure)} ${unit} | ${spread(rows.map((row) => row.ratio), (value) => value.toFixed(2))}× | ` +
        `${target || '—'} | ${met} |`,
    );
  }
  return lines.join('\n');
}

/** Replaces what stands between `<!-- bench:start -->` and `<!-- bench:end -->` in `text` with `table`. */
export function withBenchTable(text: string, table: string): string {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`The README has no ${start} … ${end} block to write the table into.`);
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
}
