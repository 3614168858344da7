/** A counter read at a time: the event store's head position at epoch-millisecond `at`. */
export type CounterReading = { readonly at: number; readonly value: number };

/**
 * How fast a counter grew per second over the last `windowMs`: (last − first) / elapsed, between the newest reading
 * and the oldest one still inside the window. A counter that went down (the log was reset or replaced) counts as
 * no growth, not as a negative rate. 0 with fewer than two readings.
 */
export function ratePerSecond(readings: readonly CounterReading[], windowMs: number): number {
  const last = readings.at(-1);
  if (last === undefined) return 0;
  const first = readings.find((reading) => reading.at >= last.at - windowMs);
  if (first === undefined || first === last || last.at <= first.at) return 0;
  return Math.max(0, last.value - first.value) / ((last.at - first.at) / 1000);
}
