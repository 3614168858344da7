import type { RecordedEvent } from '../../eventStore/types';
import { compareServices } from './serviceOf';
import type { Trace, TraceNode } from './types';

/**
 * A trace on a time axis, one lane per service as a tracer draws spans. An event is an instant, so its bar runs from
 * the moment its cause was recorded to its own `recordedAt`: how long the system took to react (a saga step's wait
 * shows as a long bar). Events the command recorded directly start at the trace's first event.
 */
export type WaterfallBar = {
  readonly event: RecordedEvent;
  /** Depth in the causal tree (0 = recorded by the root command directly). */
  readonly depth: number;
  /** Milliseconds after the trace's first event at which the bar starts (its cause) and ends (the event itself). */
  readonly startMs: number;
  readonly endMs: number;
};

export type WaterfallLane = { readonly service: string; readonly bars: readonly WaterfallBar[] };

export type Waterfall = {
  /** recordedAt of the trace's first event. */
  readonly startedAt: string;
  /** From the first event to the last, in milliseconds (0 when all were recorded in the same millisecond). */
  readonly durationMs: number;
  readonly lanes: readonly WaterfallLane[];
};

const timeOf = (event: RecordedEvent): number => {
  const ms = Date.parse(event.metadata.recordedAt);
  return Number.isFinite(ms) ? ms : 0;
};

export function waterfallOf(trace: Trace): Waterfall {
  const first = trace.events[0]!;
  const origin = Math.min(...trace.events.map(timeOf));
  const bars: { bar: WaterfallBar; service: string }[] = [];

  const visit = (node: TraceNode, causeMs: number, depth: number): void => {
    if (node.kind === 'command') {
      // A command has no time of its own: its events start from the cause the command was reached from.
      for (const child of node.children) visit(child, causeMs, depth);
      return;
    }
    const endMs = timeOf(node.event) - origin;
    bars.push({ bar: { event: node.event, depth, startMs: Math.min(causeMs, endMs), endMs }, service: node.service });
    for (const child of node.children) visit(child, endMs, depth + 1);
  };
  visit(trace.root, 0, 0);

  const services = [...new Set(bars.map(({ service }) => service))].sort(compareServices);
  const lanes = services.map((service) => ({
    service,
    bars: bars
      .filter((entry) => entry.service === service)
      .map(({ bar }) => bar)
      .sort((a, b) => a.event.globalPosition - b.event.globalPosition),
  }));
  return {
    startedAt: trace.events.reduce((earliest, event) => (timeOf(event) < timeOf(earliest) ? event : earliest), first).metadata.recordedAt,
    durationMs: Math.max(0, ...bars.map(({ bar }) => bar.endMs)),
    lanes,
  };
}
