import type { LatencyPercentiles } from './types';

/**
 * The nearest-rank percentile: the smallest sample such that at least p % of the samples are ≤ it, i.e. the
 * sample at rank ⌈p/100 × n⌉ in ascending order. Always one of the samples (no interpolation), so "p99 = 12 ms"
 * means some command really took 12 ms. Undefined for no samples.
 */
export function nearestRankPercentile(ascending: readonly number[], p: number): number | undefined {
  if (ascending.length === 0) return undefined;
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile is in (0, 100], not ${p}.`);
  const rank = Math.ceil((p / 100) * ascending.length);
  return ascending[Math.min(ascending.length, Math.max(1, rank)) - 1];
}

/** p50, p95 and p99 of the samples, in any order; null when there are none. */
export function latencyPercentiles(samples: readonly number[]): LatencyPercentiles | null {
  if (samples.length === 0) return null;
  const ascending = [...samples].sort((a, b) => a - b);
  return {
    p50: nearestRankPercentile(ascending, 50)!,
    p95: nearestRankPercentile(ascending, 95)!,
    p99: nearestRankPercentile(ascending, 99)!,
  };
}
