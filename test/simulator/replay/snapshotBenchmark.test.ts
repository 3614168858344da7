import { describe, expect, it } from 'vitest';
import { cartDecider } from '../../../src/domain/cart/decider';
import { rehydrate } from '../../../src/eventStore/handleCommand';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import { longLivedCartHistory } from '../../../src/simulator/replay/longLivedCart';
import {
  lastSnapshotPosition,
  median,
  runSnapshotBenchmark,
  type BenchmarkProgress,
} from '../../../src/simulator/replay/snapshotBenchmark';

describe('the long-tail snapshot benchmark', () => {
  it('builds a cart of exactly the asked number of legal events', async () => {
    const store = createMemoryEventStore();
    await runSnapshotBenchmark(store, { events: 2_345, intervals: ['none'], runs: 1 });
    const stream = await store.readStream('cart-long-lived');
    expect(stream).toHaveLength(2_345);
    expect(new Set(stream.map((event) => event.type))).toEqual(new Set(['ItemAdded', 'ItemRemoved']));
    // Replaying the stored events through the real evolve gives a cart that saw every one of them.
    const { state } = await rehydrate(store, cartDecider, 'cart-long-lived');
    expect(state.changes).toBe(2_345);
  });

  it('reads the whole stream without snapshots and only the tail after the newest snapshot with them', async () => {
    const store = createMemoryEventStore();
    const result = await runSnapshotBenchmark(store, { events: 10_000, intervals: [100, 1_000, 3_000, 'none'], runs: 3 });
    const byInterval = new Map(result.measurements.map((m) => [m.interval, m]));
    expect(byInterval.get('none')).toMatchObject({ eventsRead: 10_000, snapshotAt: null, snapshotsWritten: 0 });
    expect(byInterval.get(100)).toMatchObject({ eventsRead: 0, snapshotAt: 10_000, snapshotsWritten: 100 });
    expect(byInterval.get(3_000)).toMatchObject({ eventsRead: 1_000, snapshotAt: 9_000, snapshotsWritten: 3 });
    for (const measurement of result.measurements) {
      expect(measurement.stateMatches).toBe(true);
      expect(measurement.runsMs).toHaveLength(3);
    }
  });

  it('replays in full when the interval is longer than the stream (no snapshot was taken yet)', async () => {
    const store = createMemoryEventStore();
    const result = await runSnapshotBenchmark(store, { events: 2_000, intervals: [3_000], runs: 1 });
    expect(result.measurements[0]).toMatchObject({ eventsRead: 2_000, snapshotAt: null, snapshotsWritten: 0 });
  });

  it('reports building progress per batch and ends with every measurement done', async () => {
    const store = createMemoryEventStore();
    const seen: BenchmarkProgress[] = [];
    await runSnapshotBenchmark(store, { events: 1_200, batchSize: 500, intervals: [100, 'none'], runs: 1, onProgress: (p) => seen.push(p) });
    expect(seen.filter((p) => p.phase === 'building').map((p) => p.done)).toEqual([0, 500, 1_000, 1_200]);
    expect(seen.at(-1)).toEqual({ phase: 'measuring', done: 2, total: 2 });
  });

  it('times with the clock it is given and reports the median run', async () => {
    const store = createMemoryEventStore();
    // Readings in call order: build start and end, then start and end of three rehydrations lasting 5, 1 and 9 ms.
    const readings = [0, 2, 10, 15, 20, 21, 30, 39];
    const clock = () => readings.shift() ?? 99;
    const result = await runSnapshotBenchmark(store, { events: 10, intervals: ['none'], runs: 3, clock });
    expect(result.measurements[0]!.runsMs).toEqual([5, 1, 9]);
    expect(result.measurements[0]!.medianMs).toBe(5);
  });

  it('refuses a stream length that is not a whole positive number', async () => {
    await expect(runSnapshotBenchmark(createMemoryEventStore(), { events: 0 })).rejects.toThrow(RangeError);
  });
});

describe('snapshot arithmetic', () => {
  it('puts the newest snapshot of an "every K" policy on the last multiple of K', () => {
    expect(lastSnapshotPosition(10_000, 1_000)).toBe(10_000);
    expect(lastSnapshotPosition(10_500, 1_000)).toBe(10_000);
    expect(lastSnapshotPosition(999, 1_000)).toBe(0);
    expect(lastSnapshotPosition(10_000, 'none')).toBe(0);
  });

  it('takes the middle of the runs', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('the long-lived cart', () => {
  it('grows by one event per command and never empties the shelf into an illegal removal', () => {
    const history = [...longLivedCartHistory('c', 500)];
    expect(history).toHaveLength(500);
    expect(history.at(-1)!.state.changes).toBe(500);
    expect(history.some(({ event }) => event.type === 'ItemRemoved')).toBe(true);
  });
});
