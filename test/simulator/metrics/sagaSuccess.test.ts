import { describe, expect, it } from 'vitest';
import { sagaSuccessRate } from '../../../src/simulator/metrics/sagaSuccess';

describe('saga success rate', () => {
  it('is completed over finished sagas; running ones do not count yet', () => {
    expect(sagaSuccessRate({ completed: 3, compensated: 1, running: 5 })).toBe(0.75);
  });

  it('is 0 when every finished saga compensated, and unknown before any finished', () => {
    expect(sagaSuccessRate({ completed: 0, compensated: 2, running: 0 })).toBe(0);
    expect(sagaSuccessRate({ completed: 0, compensated: 0, running: 3 })).toBeNull();
  });
});
