import { describe, expect, it } from 'vitest';
import { ratePerSecond } from '../../../src/simulator/metrics/rate';

describe('event rate over a window', () => {
  it('is the growth of the head per second between the oldest reading in the window and the newest', () => {
    const readings = [
      { at: 0, value: 0 },
      { at: 1000, value: 10 },
      { at: 2000, value: 30 },
      { at: 3000, value: 60 },
    ];
    // Window 2 s: from the reading at 1000 ms (10) to 3000 ms (60): 50 events in 2 s.
    expect(ratePerSecond(readings, 2000)).toBe(25);
    expect(ratePerSecond(readings, 10_000)).toBe(20);
  });

  it('is 0 when nothing was appended in the window, even if much was before', () => {
    const readings = [
      { at: 0, value: 0 },
      { at: 1000, value: 500 },
      { at: 7000, value: 500 },
      { at: 8000, value: 500 },
    ];
    expect(ratePerSecond(readings, 5000)).toBe(0);
  });

  it('reads a head that went down (the log was reset) as no growth, not a negative rate', () => {
    expect(ratePerSecond([{ at: 0, value: 90 }, { at: 1000, value: 0 }], 5000)).toBe(0);
  });

  it('needs two readings', () => {
    expect(ratePerSecond([], 5000)).toBe(0);
    expect(ratePerSecond([{ at: 0, value: 5 }], 5000)).toBe(0);
  });
});
