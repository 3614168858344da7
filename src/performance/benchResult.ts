/**
 * Benchmarks report ratios against a baseline measured in the same run, on the same machine, with the same data:
 * absolute numbers move with the machine, ratios mostly do not. Shared by `npm run bench` and the Performance page.
 */
export type BenchResult = {
  readonly name: string;
  /** The figure measured (throughput, or a time when `unit` is ms). */
  readonly value: number;
  readonly unit: string;
  /** The same figure for the baseline, same workload, same run. */
  readonly baseline: number;
  readonly baselineName: string;
  /** How many times better than the baseline: value / baseline for throughputs, baseline / value for times. */
  readonly ratio: number;
  /** The ratio aimed at (the target), or null when the figure is reported without one. */
  readonly target: number | null;
  /**
   * An absolute ceiling on `value` (same unit) that a person would notice, such as "the simulator shows its first
   * rows within a second on this machine". Only for times a user waits through; ratios stay the main measure.
   */
  readonly budget?: number;
};

/** One point of "cost per command as the store grows". */
export type GrowthPoint = { readonly storedEvents: number; readonly microsPerCommand: number };

/** Throughputs: higher is better, so the ratio is value / baseline. */
export function compareThroughput(
  name: string,
  unit: string,
  value: number,
  baselineName: string,
  baseline: number,
  target: number | null = null,
): BenchResult {
  return { name, value, unit, baseline, baselineName, ratio: value / baseline, target };
}

/** Times: lower is better, so the ratio is baseline / value ("20× faster"). */
export function compareTime(
  name: string,
  value: number,
  baselineName: string,
  baseline: number,
  target: number | null = null,
): BenchResult {
  return { name, value, unit: 'ms', baseline, baselineName, ratio: baseline / Math.max(value, 1e-6), target };
}

/** Runs `work` (which handles `count` items) and returns items per second. */
export async function throughput(count: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  return count / Math.max(seconds, 1e-9);
}

/** The median of `runs` timings of `work`, in ms: one slow run (a GC, a tab switch) does not decide the figure. */
export async function medianMs(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Whether the result meets its ratio target and its budget; null when it has neither. */
export function meetsTarget(result: BenchResult): boolean | null {
  if (result.target === null && result.budget === undefined) return null;
  const ratioMet = result.target === null || result.ratio >= result.target;
  const budgetMet = result.budget === undefined || result.value <= result.budget;
  return ratioMet && budgetMet;
}

/** The target in words, as the bench table and the Performance page print it: "≥ 10× met", "≤ 1,000 ms MISSED". */
export function targetLabel(result: BenchResult, missed = 'missed'): string {
  const met = meetsTarget(result);
  if (met === null) return '—';
  const parts = [
    ...(result.target === null ? [] : [`≥ ${result.target}×`]),
    ...(result.budget === undefined ? [] : [`≤ ${result.budget.toLocaleString('en-US')} ${result.unit}`]),
  ];
  return `${parts.join(', ')} ${met ? 'met' : missed}`;
}
