import { HttpError } from './httpError';

export type RateLimit = {
  /** Requests a key may make per second, on average. */
  readonly perSecond: number;
  /** Requests a key may make at once after being idle. */
  readonly burst: number;
};

/**
 * Token buckets, one per key (a session, a remote address). `take` spends one token or throws 429 with the seconds
 * until the next one (Retry-After). Buckets idle long enough to be full again are forgotten.
 */
export function createRateLimiter(limit: RateLimit, now: () => number = () => performance.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = now();
  return {
    take(key: string, what: string): void {
      const time = now();
      if (time - lastSweep > 60_000) {
        lastSweep = time;
        const refill = (limit.burst / limit.perSecond) * 1000;
        for (const [other, bucket] of buckets) if (time - bucket.at > refill) buckets.delete(other);
      }
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: time };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((time - bucket.at) / 1000) * limit.perSecond);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      throw new HttpError(
        429,
        {
          error: 'TooManyRequests',
          message: `Too many ${what}: at most ${limit.perSecond} a second (${limit.burst} at once). Try again in ${retryAfterSeconds} s.`,
          retryAfterSeconds,
        },
        { 'Retry-After': String(retryAfterSeconds) },
      );
    },
  };
}
