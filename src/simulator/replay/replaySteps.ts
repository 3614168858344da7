import type { Decider } from '../../domain/core/decider';
import type { Message } from '../../domain/core/message';
import type { RecordedEvent } from '../../eventStore/types';

/**
 * One turn of `evolve` during a replay, as the replay animation shows it: the event that comes in, the state it
 * meets, the state it leaves, and which fields of the state it changed.
 */
export type ReplayStep<State> = {
  readonly event: RecordedEvent;
  readonly before: State;
  readonly after: State;
  /** Top-level fields whose value differs between `before` and `after` (added, removed or changed). */
  readonly changedFields: readonly string[];
};

/**
 * Folds the stream's events one by one, keeping every intermediate state: step i is `evolve(step[i-1].after, e_i)`,
 * starting from `initialState()`. The last step's `after` is what rehydration returns for the whole stream.
 */
export function replaySteps<Command, Event extends Message<string, unknown>, State>(
  decider: Decider<Command, Event, State>,
  events: readonly RecordedEvent[],
): ReplayStep<State>[] {
  const steps: ReplayStep<State>[] = [];
  let state = decider.initialState();
  for (const event of events) {
    // The store holds what this decider's `decide` produced (upcast to today's schema): the cast is the contract.
    const after = decider.evolve(state, { type: event.type, data: event.data } as Event);
    steps.push({ event, before: state, after, changedFields: changedFields(state, after) });
    state = after;
  }
  return steps;
}

/** The state a replay shows after `shown` steps (0 = the initial state before any event). */
export function stateAfter<State>(steps: readonly ReplayStep<State>[], shown: number, initial: State): State {
  return shown <= 0 ? initial : (steps[Math.min(shown, steps.length) - 1]?.after ?? initial);
}

/**
 * Names of the top-level fields that differ. Values are compared by content (JSON), since `evolve` may rebuild an
 * equal array or object: only a real change should light up on the projector.
 */
export function changedFields(before: unknown, after: unknown): string[] {
  const fieldsOf = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const left = fieldsOf(before);
  const right = fieldsOf(after);
  const names = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...names].filter((name) => !sameValue(left[name], right[name]) || (name in left) !== (name in right));
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of a state as name/value rows, in the state's own key order, for a two-column display. */
export function stateFields(state: unknown): { readonly name: string; readonly value: string }[] {
  if (state === null || typeof state !== 'object') return [{ name: 'state', value: JSON.stringify(state) }];
  return Object.entries(state as Record<string, unknown>).map(([name, value]) => ({ name, value: displayValue(value) }));
}

function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => item !== null && typeof item === 'object' && 'product' in item)) {
    // Order items read as a line each: "2 × Laptop @ 999.99".
    return value
      .map((item: { product: unknown; quantity?: unknown; unitPrice?: unknown }) =>
        `${String(item.quantity ?? '?')} × ${String(item.product)}${item.unitPrice === undefined ? '' : ` @ ${String(item.unitPrice)}`}`,
      )
      .join(', ');
  }
  return JSON.stringify(value);
}
