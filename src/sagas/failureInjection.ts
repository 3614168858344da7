import type { FailureInjection } from './types';

/** What the saga's simulated services do until a person injects a failure (the saga screen's controls). */
export const defaultFailureInjection: FailureInjection = {
  paymentService: 'approves',
  flakyFailureRate: 0.5,
  stepDelayMs: 0,
};

/** The injection after `patch`: the flaky rate kept within 0..1 and the step delay within 0..5000 ms. */
export function patchedInjection(current: FailureInjection, patch: Partial<FailureInjection>): FailureInjection {
  const next = { ...current, ...patch };
  const rate = Number.isFinite(next.flakyFailureRate) ? Math.min(1, Math.max(0, next.flakyFailureRate)) : current.flakyFailureRate;
  const delay = Number.isFinite(next.stepDelayMs) ? Math.min(5000, Math.max(0, Math.round(next.stepDelayMs))) : current.stepDelayMs;
  return { ...next, flakyFailureRate: rate, stepDelayMs: delay };
}
