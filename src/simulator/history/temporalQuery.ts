import { orderDecider } from '../../domain/order/decider';
import { orderStreamId, type OrderState, type OrderStatus } from '../../domain/order/types';
import type { RecordedEvent } from '../../eventStore/types';
import { historyEventOf, occurredAt } from './eventCommands';

/** Seed 004's temporal query: "what was the status of order X at time T?", answered from the history alone. */
export type StatusAtAnswer =
  /** The log has no event of that order at all. */
  | { readonly kind: 'unknownOrder'; readonly orderId: string }
  /** The order exists, but was placed after T. */
  | { readonly kind: 'notYetPlaced'; readonly orderId: string; readonly placedBy: RecordedEvent }
  | {
      readonly kind: 'status';
      readonly orderId: string;
      readonly status: OrderStatus;
      /** True when the order had been deleted by T (it keeps the status it had). */
      readonly deleted: boolean;
      /** The event that set that status. */
      readonly setBy: RecordedEvent;
    };

/** The time T is inclusive: an event at exactly T has happened "at T". An unreadable time is an error. */
export function orderStatusAt(events: readonly RecordedEvent[], orderId: string, time: string): StatusAtAnswer {
  const at = Date.parse(time);
  if (Number.isNaN(at)) throw new RangeError(`"${time}" is not a date and time.`);
  const streamId = orderStreamId(orderId);
  const own = events.filter((event) => event.streamId === streamId);
  const first = own[0];
  if (first === undefined) return { kind: 'unknownOrder', orderId };

  let state: OrderState = orderDecider.initialState();
  let setBy: RecordedEvent | undefined;
  for (const recorded of own) {
    if (Date.parse(occurredAt(recorded)) > at) break;
    const history = historyEventOf(recorded);
    if (history?.aggregate !== 'order') continue;
    const before = state.status;
    state = orderDecider.evolve(state, history.event);
    if (state.status !== before) setBy = recorded;
  }
  if (state.status === 'none' || setBy === undefined) return { kind: 'notYetPlaced', orderId, placedBy: first };
  return { kind: 'status', orderId, status: state.status, deleted: state.deleted, setBy };
}
