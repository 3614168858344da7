/**
 * Benchmarks report ratios against a baseline measured in the same run, on the same machine, with the same data:
 * absolute numbers move with the machine, ratios mostly do not.
 */

export type BenchResult = {
  readonly name: string;
  /** Throughput of the thing measured. */
  readonly value: number;
  readonly unit: string;
  /** Throughput of the baseline on the same workload. */
  readonly baseline: number;
  readonly baselineName: string;
  /** value / baseline. */
  readonly ratio: number;
};

/** Runs `work` (which handles `count` items) and returns items per second. */
export async function throughput(count: number, work: () => Promise<void> | void): Promise<number> {
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  return count / Math.max(seconds, 1e-9);
}

export function compare(
  name: string,
  unit: string,
  value: number,
  baselineName: string,
  baseline: number,
): BenchResult {
  return { name, value, unit, baseline, baselineName, ratio: value / baseline };
}

export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${Math.round(r.value).toLocaleString('en-US')} ${r.unit}`,
    `${r.baselineName}: ${Math.round(r.baseline).toLocaleString('en-US')} ${r.unit}`,
    `${r.ratio.toFixed(2)}×`,
  ]);
  const header = ['measured', 'value', 'baseline (same run)', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
