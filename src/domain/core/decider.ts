/**
 * A decider is three plain values (Jérémie Chassaing's pattern, as Emmett uses it):
 * - `decide` turns a command and the current state into the events that record what happened, or throws a
 *   `DomainError` when the command is not allowed in that state;
 * - `evolve` applies one event to a state and returns the next state;
 * - `initialState` is the state of a stream that has no events yet.
 * No classes, no I/O: the event store and the projector do the I/O around it.
 */
export type Decider<Command, Event, State> = {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
};

/** Folds events over the decider's initial state (or over a given state, for snapshot + tail). */
export function fold<Event, State>(
  evolve: (state: State, event: Event) => State,
  events: Iterable<Event>,
  from: State,
): State {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}
