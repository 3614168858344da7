import type { EventStore, RecordedEvent } from '../../eventStore/types';
import { buildTrace } from './buildTrace';
import type { CorrelationSummary, Trace, TraceLinks } from './types';

export type ScanProgress = { readonly done: number; readonly total: number };

/**
 * What the trace screen knows about the log: a summary per correlation and where its events are. Built by reading
 * the log once in batches, then only what was appended since (the log only grows); a log that was replaced (reset,
 * import) is noticed and read again. Holds positions, not events, so a long log costs a few numbers per event, plus
 * each event's id: a follow-up names its cause by event id alone, and the cause may sit under any correlation
 * recorded before it (a person's cancellation an hour earlier), so every id must be at hand to link the two traces.
 */
export interface TraceIndex {
  /** Reads what is new in the log. */
  refresh(onProgress?: (progress: ScanProgress) => void): Promise<void>;
  /** The latest `limit` correlations, newest first (by when their first event was recorded). */
  recent(limit: number): CorrelationSummary[];
  /** How many correlations the log holds. */
  readonly size: number;
  summary(correlationId: string): CorrelationSummary | undefined;
  /** Reads the correlation's events and builds its tree; undefined for an id no event carries. */
  loadTrace(correlationId: string): Promise<Trace | undefined>;
}

type Entry = { summary: CorrelationSummary; readonly positions: number[] };

export function createTraceIndex(store: EventStore, { batchSize = 1000 }: { readonly batchSize?: number } = {}): TraceIndex {
  let entries = new Map<string, Entry>();
  /** Event id → the correlation it was recorded under (the string is the entry's own: no copy per event). */
  let correlationOfEvent = new Map<string, string>();
  /** Event id → other correlations holding events it caused, for the events that caused any. */
  let followUps = new Map<string, string[]>();
  let scannedUpTo = 0;
  let lastEventId: string | undefined;

  const links: TraceLinks = {
    correlationOf: (eventId) => correlationOfEvent.get(eventId),
    followUpsOf: (eventId) => followUps.get(eventId) ?? [],
  };

  /** Causes come before their effects in the log, so the cause's correlation is known when its effect is read. */
  const link = (event: RecordedEvent, correlationId: string): void => {
    const { causationId } = event.metadata;
    const causeCorrelation = correlationOfEvent.get(causationId);
    correlationOfEvent.set(event.eventId, correlationId);
    if (causeCorrelation === undefined || causeCorrelation === correlationId) return;
    const known = followUps.get(causationId);
    if (known === undefined) followUps.set(causationId, [correlationId]);
    else if (!known.includes(correlationId)) known.push(correlationId);
  };

  const add = (event: RecordedEvent): void => {
    const { correlationId } = event.metadata;
    const entry = entries.get(correlationId);
    link(event, entry?.summary.correlationId ?? correlationId);
    if (entry === undefined) {
      entries.set(correlationId, {
        summary: {
          correlationId,
          firstType: event.type,
          firstStreamId: event.streamId,
          firstPosition: event.globalPosition,
          startedAt: event.metadata.recordedAt,
          lastPosition: event.globalPosition,
          eventCount: 1,
        },
        positions: [event.globalPosition],
      });
      return;
    }
    entry.summary = { ...entry.summary, lastPosition: event.globalPosition, eventCount: entry.summary.eventCount + 1 };
    entry.positions.push(event.globalPosition);
  };

  /** True when the event last read is still where it was: the log grew (or stayed), it was not replaced. */
  async function sameLog(head: number): Promise<boolean> {
    if (scannedUpTo === 0) return true;
    if (head < scannedUpTo) return false;
    const [event] = await store.readAll({ after: scannedUpTo - 1, limit: 1 });
    return event?.eventId === lastEventId;
  }

  async function refresh(onProgress?: (progress: ScanProgress) => void): Promise<void> {
    const head = await store.headPosition();
    if (!(await sameLog(head))) {
      entries = new Map();
      correlationOfEvent = new Map();
      followUps = new Map();
      scannedUpTo = 0;
      lastEventId = undefined;
    }
    const from = scannedUpTo;
    onProgress?.({ done: 0, total: head - from });
    for (;;) {
      const page = await store.readAll({ after: scannedUpTo, limit: batchSize });
      if (page.length === 0) break;
      for (const event of page) add(event);
      scannedUpTo = page.at(-1)!.globalPosition;
      lastEventId = page.at(-1)!.eventId;
      onProgress?.({ done: scannedUpTo - from, total: Math.max(head, scannedUpTo) - from });
    }
  }

  // Refreshes run one after another: two at once would both read from the same position and count events twice.
  let queue: Promise<void> = Promise.resolve();

  return {
    refresh(onProgress) {
      const run = queue.then(() => refresh(onProgress));
      queue = run.catch(() => undefined);
      return run;
    },
    recent(limit) {
      return [...entries.values()]
        .map((entry) => entry.summary)
        .sort((a, b) => b.firstPosition - a.firstPosition)
        .slice(0, Math.max(0, limit));
    },
    get size() {
      return entries.size;
    },
    summary(correlationId) {
      return entries.get(correlationId)?.summary;
    },
    async loadTrace(correlationId) {
      const entry = entries.get(correlationId);
      if (entry === undefined) return undefined;
      const wanted = new Set(entry.positions);
      const events: RecordedEvent[] = [];
      // One read per island of the correlation's events: a trace recorded in one go is one read, a saga resumed much
      // later is a few, never the whole log between them.
      let index = 0;
      while (index < entry.positions.length) {
        const start = entry.positions[index]!;
        const page = await store.readAll({ after: start - 1, limit: Math.min(batchSize, 200) });
        if (page.length === 0) break;
        for (const event of page) if (wanted.has(event.globalPosition)) events.push(event);
        const last = page.at(-1)!.globalPosition;
        while (index < entry.positions.length && entry.positions[index]! <= last) index += 1;
      }
      return buildTrace(correlationId, events, links);
    },
  };
}
