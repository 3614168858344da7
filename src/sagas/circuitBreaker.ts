import type { CircuitBreakerView, CircuitState } from './types';

/**
 * A circuit breaker as a pure state machine (the clock is a parameter, never read here):
 *
 *   closed ──N consecutive failures──▶ open ──cooldown over──▶ halfOpen (one trial call)
 *     ▲                                 ▲                          │
 *     └────────── trial succeeds ───────┼──────────────────────────┤
 *                                       └──── trial fails ─────────┘
 *
 * While open, calls are refused at once instead of waiting on a service that is down: the caller fails fast and
 * the service gets time to recover.
 */

export type CircuitBreakerConfig = {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  readonly cooldownMs: number;
};

export const defaultCircuitBreakerConfig: CircuitBreakerConfig = { failureThreshold: 3, cooldownMs: 10_000 };

export type CircuitBreaker = {
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  /** While open: when (epoch ms) the trial call may go through. */
  readonly retryAt: number | null;
};

export const closedCircuit: CircuitBreaker = { state: 'closed', consecutiveFailures: 0, retryAt: null };

/** Whether a call may go out now, and the breaker after asking (open → halfOpen once the cooldown is over). */
export function requestCall(
  breaker: CircuitBreaker,
  now: number,
): { readonly allowed: boolean; readonly breaker: CircuitBreaker } {
  switch (breaker.state) {
    case 'closed':
      return { allowed: true, breaker };
    case 'open':
      if (breaker.retryAt !== null && now >= breaker.retryAt)
        return { allowed: true, breaker: { ...breaker, state: 'halfOpen', retryAt: null } };
      return { allowed: false, breaker };
    case 'halfOpen':
      // The one trial call is already out; everyone else waits for its answer.
      return { allowed: false, breaker };
  }
}

/** The service answered (an approval or a decline alike: it is up). */
export function recordSuccess(_breaker: CircuitBreaker): CircuitBreaker {
  return closedCircuit;
}

/** The service did not answer. */
export function recordFailure(breaker: CircuitBreaker, now: number, config: CircuitBreakerConfig): CircuitBreaker {
  const consecutiveFailures = breaker.consecutiveFailures + 1;
  if (breaker.state === 'halfOpen' || consecutiveFailures >= config.failureThreshold)
    return { state: 'open', consecutiveFailures, retryAt: now + config.cooldownMs };
  return { state: 'closed', consecutiveFailures, retryAt: null };
}

export function circuitView(breaker: CircuitBreaker, config: CircuitBreakerConfig): CircuitBreakerView {
  return {
    state: breaker.state,
    consecutiveFailures: breaker.consecutiveFailures,
    failureThreshold: config.failureThreshold,
    retryAt: breaker.retryAt,
  };
}
