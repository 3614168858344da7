import { describe, expect, it } from 'vitest';
import { formatMilliseconds, formatRate, formatSeconds, formatShare } from '../../../src/simulator/metrics/format';

describe('metrics as they read on screen', () => {
  it('latencies keep about three significant digits and switch to seconds from 1000 ms', () => {
    expect([0.4234, 3.171, 12.44, 230.4, 1234].map(formatMilliseconds)).toEqual(['0.42 ms', '3.17 ms', '12.4 ms', '230 ms', '1.2 s']);
    expect(formatMilliseconds(null)).toBe('—');
  });

  it('lag in time, success share and event rate', () => {
    expect([0, 2.46, 75].map(formatSeconds)).toEqual(['0 s', '2.5 s', '1 min 15 s']);
    expect([0.75, 2 / 3, 1].map(formatShare)).toEqual(['75 %', '66.7 %', '100 %']);
    expect(formatShare(null)).toBe('—');
    expect([0, 2.25, 37.6].map(formatRate)).toEqual(['0.0', '2.3', '38']);
  });
});
