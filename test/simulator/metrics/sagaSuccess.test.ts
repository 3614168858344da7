import { describe, expect, it } from 'vitest';
import { sagaSuccessRate } from '../../../src/simulator/metrics/sagaSuccess';

describe('saga success rate', () => {
  it('is completed over completed plus compensated; running and cancelled-after-completing sagas do not count', () => {
    const outcomes = { completed: 3, compensated: 1, cancelled: 2, running: 5 };
    expect(sagaSuccessRate(outcomes)).toBe(0.75);
  });

  it('is 0 when every finished saga compensated, and unknown before any finished', () => {
    expect(sagaSuccessRate({ completed: 0, compensated: 2 })).toBe(0);
    const onlyRunning = { completed: 0, compensated: 0, running: 3 };
    expect(sagaSuccessRate(onlyRunning)).toBeNull();
  });
});
