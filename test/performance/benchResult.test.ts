import { describe, expect, it } from 'vitest';
import { compareThroughput, compareTime, meetsTarget, targetLabel } from '../../src/performance/benchResult';
import { formatTable } from '../../bench/measure';

describe('bench results', () => {
  it('reports a time as how many times faster than its baseline', () => {
    const result = compareTime('snapshot + tail', 5, 'full replay', 100, 20);
    expect(result.ratio).toBe(20);
    expect(meetsTarget(result)).toBe(true);
    expect(targetLabel(result)).toBe('≥ 20× met');
  });

  it('misses a ratio target below it', () => {
    const result = compareThroughput('append', 'events/s', 40, 'bulkAdd', 100, 0.5);
    expect(meetsTarget(result)).toBe(false);
    expect(targetLabel(result, 'MISSED')).toBe('≥ 0.5× MISSED');
  });

  it('has no verdict when neither a target nor a budget is set', () => {
    const result = compareTime('open', 300, 'empty', 200);
    expect(meetsTarget(result)).toBeNull();
    expect(targetLabel(result)).toBe('—');
  });

  it('checks an absolute budget on the value itself, whatever the ratio', () => {
    const within = { ...compareTime('open on 100,000 events', 311, 'empty store', 198), budget: 1000 };
    const over = { ...compareTime('open on 100,000 events', 1200, 'empty store', 198), budget: 1000 };
    expect(meetsTarget(within)).toBe(true);
    expect(targetLabel(within)).toBe('≤ 1,000 ms met');
    expect(meetsTarget(over)).toBe(false);
    expect(formatTable([over])).toContain('≤ 1,000 ms MISSED');
  });

  it('needs both the ratio target and the budget when a result has both', () => {
    const result = { ...compareTime('x', 500, 'y', 1000, 4), budget: 1000 };
    expect(meetsTarget(result)).toBe(false);
    expect(targetLabel(result)).toBe('≥ 4×, ≤ 1,000 ms missed');
  });
});
