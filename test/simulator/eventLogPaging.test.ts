import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';
import type { EventStore } from '../../src/eventStore/types';
import {
  createEventBlockCache,
  headMoved,
  initialTail,
  pauseTail,
  positionsNewestFirst,
  prependNewer,
  resumeTail,
  scanMatchingPositions,
  unseenEvents,
  type EventLogSource,
} from '../../src/simulator/eventLogPaging';

/** A log of `count` events over three streams, alternating two types, appended one at a time. */
async function logOf(count: number): Promise<EventStore> {
  const store = createMemoryEventStore();
  for (let index = 1; index <= count; index += 1) {
    await store.appendToStream(`s-${index % 3}`, [
      { eventId: `e-${index}`, type: index % 2 === 0 ? 'Even' : 'Odd', data: { index } },
    ]);
  }
  return store;
}

/** Counts the events the view reads, to prove it reads blocks, not the whole log. */
function counting(store: EventStore): EventLogSource & { eventsRead: number; reads: number } {
  const source = {
    eventsRead: 0,
    reads: 0,
    readStream: store.readStream.bind(store),
    headPosition: store.headPosition.bind(store),
    async readAll(options?: { after?: number; limit?: number }) {
      const events = await store.readAll(options);
      source.reads += 1;
      source.eventsRead += events.length;
      return events;
    },
  };
  return source;
}

describe('event log paging', () => {
  it('lists positions newest first without reading the log', () => {
    expect(positionsNewestFirst(4)).toEqual([4, 3, 2, 1]);
    expect(positionsNewestFirst(0)).toEqual([]);
    expect(positionsNewestFirst(100_000)).toHaveLength(100_000);
  });

  it('reads the block around a visible row once, however many rows of it ask at the same time', async () => {
    const source = counting(await logOf(450));
    const cache = createEventBlockCache(source, { blockSize: 100 });

    await Promise.all([cache.load(450), cache.load(401), cache.load(420)]);

    expect(source.reads).toBe(1);
    expect(source.eventsRead).toBe(50);
    expect(cache.get(450)?.data).toEqual({ index: 450 });
    expect(cache.get(401)?.globalPosition).toBe(401);
    expect(cache.get(399)).toBeUndefined();
  });

  it('keeps only the most recently used blocks in memory', async () => {
    const source = counting(await logOf(1000));
    const cache = createEventBlockCache(source, { blockSize: 100, maxBlocks: 3 });
    for (const position of [1, 101, 201, 1, 301]) await cache.load(position);

    expect(cache.size).toBe(3);
    // Block 1–100 was used again before 301 came in, so 101–200 was the one let go.
    expect(cache.get(50)).toBeDefined();
    expect(cache.get(150)).toBeUndefined();
  });

  it('reads a block again when it was read before the log reached the asked position', async () => {
    const store = await logOf(10);
    const cache = createEventBlockCache(store, { blockSize: 100 });
    await cache.load(10);
    await store.appendToStream('s-1', [{ eventId: 'late', type: 'Odd', data: { index: 11 } }]);

    expect(cache.get(11)).toBeUndefined();
    await cache.load(11);
    expect(cache.get(11)?.eventId).toBe('late');
  });

  it('forgets everything once cleared, including a read still under way', async () => {
    const store = await logOf(5);
    const cache = createEventBlockCache(store);
    const pending = cache.load(1);
    cache.clear();
    await pending;
    expect(cache.get(1)).toBeUndefined();
  });

  it('finds the positions of one type by scanning the log page by page, reporting progress', async () => {
    const source = counting(await logOf(25));
    const progress: number[] = [];
    const positions = await scanMatchingPositions(
      source,
      { type: 'Even', streamId: null },
      { upTo: 25, pageSize: 10, onProgress: (done) => progress.push(done) },
    );

    expect(positions).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
    expect(progress).toEqual([10, 20, 25]);
  });

  it('finds the positions of one stream (and type) by reading only that stream', async () => {
    const source = counting(await logOf(12));
    const positions = await scanMatchingPositions(source, { type: 'Odd', streamId: 's-1' }, { upTo: 12 });

    expect(positions).toEqual([1, 7]);
    expect(source.reads).toBe(0);
  });

  it('scans only the events after the last scan, up to the view head', async () => {
    const store = await logOf(12);
    const newer = await scanMatchingPositions(store, { type: 'Even', streamId: null }, { after: 6, upTo: 10 });
    expect(newer).toEqual([8, 10]);
    expect(prependNewer([6, 4, 2], newer)).toEqual([10, 8, 6, 4, 2]);
  });

  it('stops a scan that a newer filter made moot', async () => {
    let cancelled = false;
    const positions = await scanMatchingPositions(
      await logOf(30),
      { type: 'Odd', streamId: null },
      {
        upTo: 30,
        pageSize: 10,
        onProgress: () => {
          cancelled = true;
        },
        isCancelled: () => cancelled,
      },
    );
    expect(positions).toEqual([1, 3, 5, 7, 9]);
  });
});

describe('the live tail', () => {
  it('follows the head while live', () => {
    const tail = headMoved(headMoved(initialTail, 3), 5);
    expect(tail).toEqual({ paused: false, viewHead: 5, storeHead: 5 });
    expect(unseenEvents(tail)).toBe(0);
  });

  it('holds still while paused and counts the events that came in, then catches up on resume', () => {
    const paused = headMoved(headMoved(pauseTail(headMoved(initialTail, 5)), 7), 9);
    expect(paused.viewHead).toBe(5);
    expect(unseenEvents(paused)).toBe(4);

    const resumed = resumeTail(paused);
    expect(resumed).toEqual({ paused: false, viewHead: 9, storeHead: 9 });
    expect(unseenEvents(resumed)).toBe(0);
  });

  it('follows a log that was cleared even while paused, since the rows it held are gone', () => {
    const tail = headMoved(pauseTail(headMoved(initialTail, 50)), 0);
    expect(tail.viewHead).toBe(0);
    expect(unseenEvents(tail)).toBe(0);
  });
});
