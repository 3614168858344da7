import type { EventStore, RecordedEvent } from '../eventStore/types';

/**
 * The event log view's data side, apart from any element so it can be tested in node. The log may hold 100,000
 * events: the view never reads them all at once. It asks for the positions it shows (newest first) and reads the
 * events behind the visible rows in blocks, keeping only a bounded number of blocks in memory.
 */

/** What the log view reads: the store's read side, nothing that writes. */
export type EventLogSource = Pick<EventStore, 'readAll' | 'readStream' | 'headPosition'>;

/** Which events the view lists; `null` = any. */
export type EventLogFilter = { readonly type: string | null; readonly streamId: string | null };

export const noFilter: EventLogFilter = { type: null, streamId: null };

export const isFiltered = (filter: EventLogFilter): boolean => filter.type !== null || filter.streamId !== null;

export function matchesFilter(event: RecordedEvent, filter: EventLogFilter): boolean {
  return (filter.type === null || event.type === filter.type) && (filter.streamId === null || event.streamId === filter.streamId);
}

/**
 * Positions 1..head, newest first. Positions have no gaps, so the unfiltered log needs no reading at all to know
 * which position each row shows.
 */
export function positionsNewestFirst(head: number): number[] {
  const positions = new Array<number>(Math.max(0, head));
  for (let index = 0; index < positions.length; index += 1) positions[index] = head - index;
  return positions;
}

export type ScanOptions = {
  /** Only positions greater than this. Defaults to 0. */
  readonly after?: number;
  /** Only positions up to this one (inclusive). */
  readonly upTo: number;
  /** Events read per page when scanning the whole log. Defaults to 2000. */
  readonly pageSize?: number;
  /** Called after every page with how far the scan got. */
  readonly onProgress?: (scannedUpTo: number) => void;
  /** Checked between pages: a newer filter makes this scan moot. */
  readonly isCancelled?: () => boolean;
};

/**
 * The positions of the events that match the filter in (after, upTo], oldest first. A stream filter reads only
 * that stream; a type filter alone scans the log page by page (keeping positions, not events).
 */
export async function scanMatchingPositions(
  source: EventLogSource,
  filter: EventLogFilter,
  options: ScanOptions,
): Promise<number[]> {
  const after = options.after ?? 0;
  const { upTo } = options;
  if (filter.streamId !== null) {
    const events = await source.readStream(filter.streamId);
    options.onProgress?.(upTo);
    return events
      .filter((event) => event.globalPosition > after && event.globalPosition <= upTo && matchesFilter(event, filter))
      .map((event) => event.globalPosition);
  }
  const pageSize = options.pageSize ?? 2000;
  const found: number[] = [];
  for (let cursor = after; cursor < upTo; ) {
    if (options.isCancelled?.()) return found;
    const page = await source.readAll({ after: cursor, limit: Math.min(pageSize, upTo - cursor) });
    const last = page.at(-1);
    if (!last) break;
    for (const event of page) if (matchesFilter(event, filter)) found.push(event.globalPosition);
    cursor = last.globalPosition;
    options.onProgress?.(cursor);
  }
  return found;
}

/** A newest-first list with newer matches (oldest first, as a scan returns them) put on top. */
export function prependNewer(newestFirst: readonly number[], newerOldestFirst: readonly number[]): number[] {
  return [...[...newerOldestFirst].reverse(), ...newestFirst];
}

// ---------- the live tail ----------

/**
 * Where the view stands against the log. Following, the view shows everything up to the store's head; paused, it
 * keeps its head and counts what came after it. A store that shrank (cleared) is followed even when paused, since
 * the rows it showed no longer exist.
 */
export type LiveTail = { readonly paused: boolean; readonly viewHead: number; readonly storeHead: number };

export const initialTail: LiveTail = { paused: false, viewHead: 0, storeHead: 0 };

export function headMoved(tail: LiveTail, storeHead: number): LiveTail {
  const shrank = storeHead < tail.viewHead;
  return { ...tail, storeHead, viewHead: tail.paused && !shrank ? tail.viewHead : storeHead };
}

export const pauseTail = (tail: LiveTail): LiveTail => ({ ...tail, paused: true });

export const resumeTail = (tail: LiveTail): LiveTail => ({ ...tail, paused: false, viewHead: tail.storeHead });

/** Events appended since the view was paused: "N new events". */
export const unseenEvents = (tail: LiveTail): number => Math.max(0, tail.storeHead - tail.viewHead);

// ---------- the block cache ----------

export type EventBlockCache = {
  /** The event at this position if its block is in memory. */
  get(position: number): RecordedEvent | undefined;
  /** Reads the block that holds this position (once, however many rows ask at the same time). */
  load(position: number): Promise<void>;
  /** Forgets everything, e.g. after the store was cleared. */
  clear(): void;
  /** Blocks in memory now: never more than `maxBlocks`. */
  readonly size: number;
};

export type BlockCacheOptions = {
  /** Events per block. Defaults to 100. */
  readonly blockSize?: number;
  /** Blocks kept; the least recently used goes first. Defaults to 60 (6,000 events). */
  readonly maxBlocks?: number;
};

/**
 * Events by position, read in aligned blocks (positions 1–100, 101–200, …) with `readAll`. A block read while the
 * log was shorter is incomplete; asking for a position it lacks reads it again.
 */
export function createEventBlockCache(source: EventLogSource, options: BlockCacheOptions = {}): EventBlockCache {
  const blockSize = options.blockSize ?? 100;
  const maxBlocks = options.maxBlocks ?? 60;
  const blocks = new Map<number, ReadonlyMap<number, RecordedEvent>>();
  const loading = new Map<number, Promise<void>>();
  let generation = 0;
  const blockOf = (position: number): number => Math.floor((position - 1) / blockSize);

  const touch = (block: number): ReadonlyMap<number, RecordedEvent> | undefined => {
    const events = blocks.get(block);
    if (events) {
      // Map keeps insertion order: re-inserting marks the block as the most recently used.
      blocks.delete(block);
      blocks.set(block, events);
    }
    return events;
  };

  return {
    get(position) {
      return touch(blockOf(position))?.get(position);
    },
    load(position) {
      const block = blockOf(position);
      if (touch(block)?.has(position)) return Promise.resolve();
      const pending = loading.get(block);
      if (pending) return pending;
      const startedIn = generation;
      const read = source
        .readAll({ after: block * blockSize, limit: blockSize })
        .then((events) => {
          if (startedIn !== generation) return;
          blocks.set(block, new Map(events.map((event) => [event.globalPosition, event])));
          while (blocks.size > maxBlocks) {
            const oldest = blocks.keys().next().value;
            if (oldest === undefined) break;
            blocks.delete(oldest);
          }
        })
        .finally(() => loading.delete(block));
      loading.set(block, read);
      return read;
    },
    clear() {
      generation += 1;
      blocks.clear();
      loading.clear();
    },
    get size() {
      return blocks.size;
    },
  };
}
