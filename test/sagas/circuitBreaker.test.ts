import { describe, expect, it } from 'vitest';
import {
  circuitView,
  closedCircuit,
  recordFailure,
  recordSuccess,
  requestCall,
  type CircuitBreaker,
  type CircuitBreakerConfig,
} from '../../src/sagas/circuitBreaker';
import { backoffBefore, mayRetryAfter, type RetryPolicy } from '../../src/sagas/retryPolicy';

const config: CircuitBreakerConfig = { failureThreshold: 3, cooldownMs: 10_000 };
const t0 = 1_000_000;

function failTimes(times: number, from: CircuitBreaker = closedCircuit, at = t0): CircuitBreaker {
  let breaker = from;
  for (let index = 0; index < times; index += 1) breaker = recordFailure(breaker, at, config);
  return breaker;
}

describe('the circuit breaker', () => {
  it('starts closed and lets calls through', () => {
    expect(requestCall(closedCircuit, t0)).toEqual({ allowed: true, breaker: closedCircuit });
  });

  it('counts consecutive failures while closed, and a success resets the count', () => {
    const twice = failTimes(2);
    expect(twice).toEqual({ state: 'closed', consecutiveFailures: 2, retryAt: null });
    expect(requestCall(twice, t0).allowed).toBe(true);
    expect(failTimes(1, recordSuccess(twice))).toEqual({ state: 'closed', consecutiveFailures: 1, retryAt: null });
  });

  it('opens after the threshold of consecutive failures and refuses calls until the cooldown is over', () => {
    const open = failTimes(3);
    expect(open).toEqual({ state: 'open', consecutiveFailures: 3, retryAt: t0 + 10_000 });
    expect(requestCall(open, t0 + 9_999)).toEqual({ allowed: false, breaker: open });
  });

  it('lets one trial call through after the cooldown (half-open), and refuses a second meanwhile', () => {
    const trial = requestCall(failTimes(3), t0 + 10_000);
    expect(trial.allowed).toBe(true);
    expect(trial.breaker.state).toBe('halfOpen');
    expect(requestCall(trial.breaker, t0 + 10_001).allowed).toBe(false);
  });

  it('closes when the trial call succeeds', () => {
    const trial = requestCall(failTimes(3), t0 + 10_000).breaker;
    expect(recordSuccess(trial)).toEqual(closedCircuit);
  });

  it('opens again, for a new cooldown, when the trial call fails', () => {
    const trial = requestCall(failTimes(3), t0 + 10_000).breaker;
    const reopened = recordFailure(trial, t0 + 10_500, config);
    expect(reopened.state).toBe('open');
    expect(reopened.retryAt).toBe(t0 + 20_500);
  });

  it('shows the threshold and the retry time to the views', () => {
    expect(circuitView(failTimes(3), config)).toEqual({
      state: 'open',
      consecutiveFailures: 3,
      failureThreshold: 3,
      retryAt: t0 + 10_000,
    });
  });
});

describe('the retry policy', () => {
  const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, factor: 2, maxDelayMs: 300 };

  it('tries at once, then backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffBefore(attempt, policy))).toEqual([0, 100, 200, 300]);
  });

  it('stops after the last attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => mayRetryAfter(attempt, policy))).toEqual([true, true, true, false]);
  });
});
