import { orderDecider } from '../../domain/order/decider';
import type { OrderState } from '../../domain/order/types';
import { userDecider } from '../../domain/user/decider';
import type { UserState } from '../../domain/user/types';
import type { RecordedEvent } from '../../eventStore/types';
import { historyEventOf, orderCommandOf, userCommandOf } from './eventCommands';

/** An event that stays in the history but no longer follows once others are left out. */
export type WhatIfConflict = {
  readonly event: RecordedEvent;
  /** "OrderShipped at #9 no longer follows: the order would be pending." */
  readonly message: string;
  /** The decider's own refusal, word for word. */
  readonly rule: string;
};

export type WhatIfHistory = {
  /** The history the what-if view folds and projects: every event kept, minus those that no longer follow. */
  readonly events: readonly RecordedEvent[];
  readonly leftOut: readonly RecordedEvent[];
  /** Later events whose command the decider would now refuse: they would never have been recorded. */
  readonly conflicts: readonly WhatIfConflict[];
};

type AggregateState = { readonly kind: 'order'; readonly state: OrderState } | { readonly kind: 'user'; readonly state: UserState };

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function wouldBe(state: AggregateState): string {
  if (state.kind === 'order') {
    if (state.state.status === 'none') return 'the order would not exist';
    return state.state.deleted ? 'the order would be deleted' : `the order would be ${state.state.status}`;
  }
  return state.state.exists ? `the user's email would be ${state.state.email}` : 'the user would not exist';
}

/**
 * The history without some events, as a sandbox computes it: the store is never touched. Every remaining event is
 * put back through `decide` as the command that recorded it, against the state the shortened history gives its
 * stream; an event the decider now refuses is reported and left out too, because its command would have been
 * rejected and nothing would have been written.
 */
export function withoutEvents(events: readonly RecordedEvent[], excludedPositions: ReadonlySet<number>): WhatIfHistory {
  const states = new Map<string, AggregateState>();
  const kept: RecordedEvent[] = [];
  const leftOut: RecordedEvent[] = [];
  const conflicts: WhatIfConflict[] = [];

  for (const recorded of events) {
    if (excludedPositions.has(recorded.globalPosition)) {
      leftOut.push(recorded);
      continue;
    }
    const history = historyEventOf(recorded);
    if (history === undefined) {
      kept.push(recorded);
      continue;
    }
    const before: AggregateState =
      states.get(recorded.streamId) ??
      (history.aggregate === 'order'
        ? { kind: 'order', state: orderDecider.initialState() }
        : { kind: 'user', state: userDecider.initialState() });
    try {
      let after: AggregateState;
      if (history.aggregate === 'order' && before.kind === 'order') {
        orderDecider.decide(orderCommandOf(history.event), before.state);
        after = { kind: 'order', state: orderDecider.evolve(before.state, history.event) };
      } else if (history.aggregate === 'user' && before.kind === 'user') {
        userDecider.decide(userCommandOf(history.event), before.state);
        after = { kind: 'user', state: userDecider.evolve(before.state, history.event) };
      } else {
        throw new Error(`${recorded.streamId} holds events of two aggregates.`);
      }
      states.set(recorded.streamId, after);
      kept.push(recorded);
    } catch (error) {
      conflicts.push({
        event: recorded,
        message: `${recorded.type} at #${recorded.globalPosition} no longer follows: ${wouldBe(before)}.`,
        rule: reasonOf(error),
      });
    }
  }
  return { events: kept, leftOut, conflicts };
}
