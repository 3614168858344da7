/**
 * Bounded retries with exponential backoff: attempt 1 runs at once, attempt n waits
 * `baseDelayMs × factor^(n−2)` first, capped at `maxDelayMs`. The saga sleeps through an injected `sleep`, so tests
 * run every retry without waiting.
 */
export type RetryPolicy = {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
};

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, factor: 2, maxDelayMs: 2000 };

/** The pause before attempt `attempt` (1-based): 0 for the first. */
export function backoffBefore(attempt: number, policy: RetryPolicy): number {
  if (attempt <= 1) return 0;
  return Math.min(policy.maxDelayMs, Math.round(policy.baseDelayMs * policy.factor ** (attempt - 2)));
}

/** Whether another attempt follows attempt `attempt` that failed. */
export function mayRetryAfter(attempt: number, policy: RetryPolicy): boolean {
  return attempt < policy.maxAttempts;
}
