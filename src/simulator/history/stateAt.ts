import { fold } from '../../domain/core/decider';
import { orderDecider } from '../../domain/order/decider';
import type { OrderEvent, OrderState } from '../../domain/order/types';
import { userDecider } from '../../domain/user/decider';
import type { UserEvent, UserState } from '../../domain/user/types';
import type { RecordedEvent } from '../../eventStore/types';
import { historyEventOf } from './eventCommands';

/** One aggregate's state as its own events up to a position define it: what the decider would see then. */
export type StreamStateAt =
  | { readonly aggregate: 'order'; readonly streamId: string; readonly version: number; readonly state: OrderState }
  | { readonly aggregate: 'user'; readonly streamId: string; readonly version: number; readonly state: UserState }
  /** A stream of another aggregate (payments, sagas…): the history screens show its events, not its state. */
  | { readonly aggregate: 'other'; readonly streamId: string; readonly version: number };

/** The events recorded at or before a global position: the log as it stood then. */
export function prefixAt(events: readonly RecordedEvent[], position: number): RecordedEvent[] {
  return events.filter((event) => event.globalPosition <= position);
}

/** Events of one stream, in stream order. */
export function streamEvents(events: readonly RecordedEvent[], streamId: string): RecordedEvent[] {
  return events.filter((event) => event.streamId === streamId);
}

/** The stream's state as of a global position (every event of the stream at or before it, folded). */
export function streamStateAt(events: readonly RecordedEvent[], streamId: string, position: number): StreamStateAt {
  const own = streamEvents(prefixAt(events, position), streamId);
  const version = own.at(-1)?.streamPosition ?? 0;
  const typed = own.map(historyEventOf).filter((event) => event !== undefined);
  const kind = typed[0]?.aggregate ?? aggregateOfStreamId(streamId);
  if (kind === 'order') {
    const orderEvents = typed.flatMap((event) => (event.aggregate === 'order' ? [event.event] : []));
    return { aggregate: 'order', streamId, version, state: fold<OrderEvent, OrderState>(orderDecider.evolve, orderEvents, orderDecider.initialState()) };
  }
  if (kind === 'user') {
    const userEvents = typed.flatMap((event) => (event.aggregate === 'user' ? [event.event] : []));
    return { aggregate: 'user', streamId, version, state: fold<UserEvent, UserState>(userDecider.evolve, userEvents, userDecider.initialState()) };
  }
  return { aggregate: 'other', streamId, version };
}

/** A stream with no events yet still says what it would hold, by the prefix the domain gives its ids. */
function aggregateOfStreamId(streamId: string): 'order' | 'user' | 'other' {
  if (streamId.startsWith('order-')) return 'order';
  if (streamId.startsWith('user-')) return 'user';
  return 'other';
}

/** Ids of the streams in the log, in order of their first event. */
export function streamIdsOf(events: readonly RecordedEvent[]): string[] {
  return [...new Set(events.map((event) => event.streamId))];
}
