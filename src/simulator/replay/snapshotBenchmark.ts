import { cartDecider } from '../../domain/cart/decider';
import { cartStreamId, type CartState } from '../../domain/cart/types';
import { rehydrate, type SnapshotPolicy } from '../../eventStore/handleCommand';
import type { EventStore, NewEvent } from '../../eventStore/types';
import { longLivedCartHistory } from './longLivedCart';

/** A snapshot every N events, or none at all (every read replays the whole stream). */
export type SnapshotInterval = number | 'none';

/**
 * The intervals the demo compares side by side. 300 and 3,000 do not divide 10,000, so their tails are not empty:
 * the demo shows "snapshot + tail", not only "snapshot".
 */
export const demoIntervals: readonly SnapshotInterval[] = [300, 1_000, 3_000, 'none'];

/** What one policy costs to read the cart back, measured on the real store. */
export type RehydrationMeasurement = {
  readonly interval: SnapshotInterval;
  /** Stream position of the newest snapshot the policy would have left; null = no snapshot (full replay). */
  readonly snapshotAt: number | null;
  /** Snapshots the policy writes while the cart grows to its length: the write-side price of short reads. */
  readonly snapshotsWritten: number;
  /** Events read and folded by `rehydrate`. */
  readonly eventsRead: number;
  /** Median of `runsMs`: one slow run (a GC pause) does not move it. */
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  /** The rehydrated state equals the state built event by event: the shortcut changes the cost, not the answer. */
  readonly stateMatches: boolean;
};

export type BenchmarkProgress =
  | { readonly phase: 'building'; readonly done: number; readonly total: number }
  | { readonly phase: 'measuring'; readonly done: number; readonly total: number };

export type SnapshotBenchmarkOptions = {
  readonly cartId?: string;
  /** Events in the cart's stream (seed 003 says 10,000). */
  readonly events: number;
  readonly intervals?: readonly SnapshotInterval[];
  /** Rehydrations timed per interval; the median is reported. Defaults to 5. */
  readonly runs?: number;
  /** Events per append: one transaction each, so 10,000 events are not 10,000 transactions. Defaults to 500. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: BenchmarkProgress) => void;
  /** Clock for the timings; tests may pass a fake one. Defaults to performance.now. */
  readonly clock?: () => number;
};

export type SnapshotBenchmarkResult = {
  readonly streamId: string;
  readonly events: number;
  readonly buildMs: number;
  readonly measurements: readonly RehydrationMeasurement[];
};

const stateVersion = 1;

/** Where the newest snapshot of an "every K" policy sits once the stream has `events` events (0 = none yet). */
export function lastSnapshotPosition(events: number, interval: SnapshotInterval): number {
  return interval === 'none' ? 0 : Math.floor(events / interval) * interval;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Seed 003's long tail, measured: append a cart with `events` legal events to `store` (which the caller has
 * cleared), then for each interval put the snapshot where that policy would have left its newest one and time
 * `rehydrate` (snapshot + tail) against a full replay. The store keeps one snapshot per stream, so the intervals
 * are measured one after another on the same history.
 */
export async function runSnapshotBenchmark(
  store: EventStore,
  options: SnapshotBenchmarkOptions,
): Promise<SnapshotBenchmarkResult> {
  const { events: total, intervals = demoIntervals, runs = 5, batchSize = 500, onProgress } = options;
  const clock = options.clock ?? (() => performance.now());
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`events must be a whole number ≥ 1, got ${total}`);
  const cartId = options.cartId ?? 'long-lived';
  const streamId = cartStreamId(cartId);

  const wanted = new Set(intervals.map((interval) => lastSnapshotPosition(total, interval)).filter((at) => at > 0));
  const statesAt = new Map<number, CartState>();
  let finalState: CartState = cartDecider.initialState();

  const buildStart = clock();
  let batch: NewEvent[] = [];
  let version = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const appended = await store.appendToStream(streamId, batch, { expectedVersion: version === 0 ? 'noStream' : version });
    version = appended.nextExpectedVersion;
    batch = [];
    onProgress?.({ phase: 'building', done: version, total });
  };
  onProgress?.({ phase: 'building', done: 0, total });
  let position = 0;
  for (const { event, state } of longLivedCartHistory(cartId, total)) {
    position += 1;
    batch.push({ eventId: `${streamId}:${position}`, type: event.type, data: event.data });
    if (wanted.has(position)) statesAt.set(position, state);
    finalState = state;
    if (batch.length === batchSize) await flush();
  }
  await flush();
  const buildMs = clock() - buildStart;

  const measurements: RehydrationMeasurement[] = [];
  const expected = JSON.stringify(finalState);
  // One untimed full read first: the first pass over the stream pays for JIT warm-up and cold storage caches, which
  // would otherwise be billed to whichever policy happens to be measured first.
  await rehydrate(store, cartDecider, streamId);
  for (const interval of intervals) {
    onProgress?.({ phase: 'measuring', done: measurements.length, total: intervals.length });
    const snapshotAt = lastSnapshotPosition(total, interval);
    const policy: SnapshotPolicy | undefined =
      interval === 'none' || snapshotAt === 0 ? undefined : { every: interval, stateVersion };
    if (policy !== undefined) {
      await store.saveSnapshot({
        streamId,
        streamPosition: snapshotAt,
        stateVersion,
        state: statesAt.get(snapshotAt),
        takenAt: new Date().toISOString(),
      });
    }
    const runsMs: number[] = [];
    let eventsRead = 0;
    let stateMatches = true;
    for (let run = 0; run < runs; run += 1) {
      const started = clock();
      const rehydrated = await rehydrate(store, cartDecider, streamId, policy ? { snapshots: policy } : {});
      runsMs.push(clock() - started);
      eventsRead = rehydrated.eventsRead;
      stateMatches &&= JSON.stringify(rehydrated.state) === expected;
    }
    measurements.push({
      interval,
      snapshotAt: policy ? snapshotAt : null,
      snapshotsWritten: interval === 'none' ? 0 : Math.floor(total / interval),
      eventsRead,
      medianMs: median(runsMs),
      runsMs,
      stateMatches,
    });
  }
  onProgress?.({ phase: 'measuring', done: measurements.length, total: intervals.length });
  return { streamId, events: total, buildMs, measurements };
}
