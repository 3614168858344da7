import type { RecordedEvent } from '../../eventStore/types';

/**
 * One user action followed through the system, as a distributed tracer (Jaeger) shows a request: the command at the
 * root, the events it recorded below it, and below each event what it caused (saga steps, compensations), all
 * sharing one correlation id.
 */

/** A command: the root of a trace, or another command in the same correlation that no recorded event caused. */
export type TraceCommandNode = {
  readonly kind: 'command';
  readonly commandId: string;
  /** Events (and commands) in the order the log recorded them. */
  readonly children: readonly TraceNode[];
  /** Set when the tree had to be drawn around something unusual (e.g. the root command recorded no event itself). */
  readonly note: string | null;
};

export type TraceEventNode = {
  readonly kind: 'event';
  readonly event: RecordedEvent;
  /** The "service" lane of the event's stream: `order-42` → `order`. */
  readonly service: string;
  /** True when another command than its parent's recorded it (a saga step reacting to an event, say). */
  readonly byAnotherCommand: boolean;
  readonly children: readonly TraceNode[];
  /** Why the event hangs under the root instead of under its cause: the cause is missing, itself, or a loop. */
  readonly note: string | null;
  /**
   * The correlation its cause was recorded under, when that is another one: a follow-up a process manager ran for a
   * person's command (the refund after a cancellation, the stock shipped after a shipment) keeps the saga's
   * correlation but is caused by the person's event. The event hangs under the root, and the view links that trace.
   */
  readonly causeTrace: string | null;
  /** Other correlations holding events this event caused (the follow-ups above, seen from the person's side). */
  readonly followUpTraces: readonly string[];
};

/**
 * Where events of other correlations come into a trace. `buildTrace` works them out from the log it is given when
 * that is the whole log; the trace index, which hands it one correlation's events, knows them from its scan.
 */
export type TraceLinks = {
  /** The correlation an event was recorded under; undefined for an event the log does not hold. */
  readonly correlationOf: (eventId: string) => string | undefined;
  /** Correlations other than the event's own that hold events caused by it, in the order they were first seen. */
  readonly followUpsOf: (eventId: string) => readonly string[];
};

export type TraceNode = TraceCommandNode | TraceEventNode;

export type Trace = {
  readonly correlationId: string;
  readonly root: TraceCommandNode;
  /** Every event of the correlation, oldest first. */
  readonly events: readonly RecordedEvent[];
  /** Distinct command ids, in the order their first event was recorded. */
  readonly commandIds: readonly string[];
  /** Events whose cause could not be followed (attached to the root with a note); not those linked to another trace. */
  readonly orphans: number;
};

/** A correlation as the picker lists it: enough to recognise it without copying ids. */
export type CorrelationSummary = {
  readonly correlationId: string;
  /** The first event recorded under the correlation (by the command that started it, normally). */
  readonly firstType: string;
  readonly firstStreamId: string;
  readonly firstPosition: number;
  readonly startedAt: string;
  readonly lastPosition: number;
  readonly eventCount: number;
};
