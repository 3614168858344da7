import { describe, expect, it } from 'vitest';
import { latencyPercentiles, nearestRankPercentile } from '../../../src/simulator/metrics/percentiles';

describe('nearest-rank percentiles', () => {
  it('of 1..100 ms, p50 is 50, p95 is 95 and p99 is 99', () => {
    const shuffled = Array.from({ length: 100 }, (_, index) => ((index * 37) % 100) + 1);
    expect(latencyPercentiles(shuffled)).toEqual({ p50: 50, p95: 95, p99: 99 });
  });

  it('of ten samples, p50 is the 5th, and p95 and p99 both the slowest (rank ⌈9.5⌉ = ⌈9.9⌉ = 10)', () => {
    const samples = [15, 20, 35, 40, 50, 3, 7, 8, 12, 400];
    expect(latencyPercentiles(samples)).toEqual({ p50: 15, p95: 400, p99: 400 });
  });

  it('always answers one of the samples: no interpolation between 1 and 3', () => {
    expect(nearestRankPercentile([1, 3], 50)).toBe(1);
    expect(nearestRankPercentile([1, 3], 51)).toBe(3);
  });

  it('one slow command in twenty shows in p99 and p95 but not in p50', () => {
    const samples = [...Array.from({ length: 19 }, () => 2), 250];
    expect(latencyPercentiles(samples)).toEqual({ p50: 2, p95: 2, p99: 250 });
  });

  it('has nothing to say about no samples, and refuses a percentile outside (0, 100]', () => {
    expect(latencyPercentiles([])).toBeNull();
    expect(nearestRankPercentile([], 50)).toBeUndefined();
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 101)).toThrow(RangeError);
  });
});
