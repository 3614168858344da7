import type { Evolver, Snapshot, StreamReader } from '../support/events';

/**
 * Exercise 04: snapshots. Rebuild a stream's current state from its latest snapshot plus the events recorded
 * after it, reading only those events. Read README.md first.
 */
export async function rehydrate<State, Event extends { type: string; data: unknown }>(
  reader: StreamReader<Event>,
  streamId: string,
  decider: Evolver<State, Event>,
  snapshot: Snapshot<State> | undefined,
): Promise<{ state: State; version: number }> {
  // TODO 1: start from the snapshot's state and version, or from decider.initialState() and version 0.
  // TODO 2: read only the tail: reader.readStream(streamId, { after: <that version> }).
  // TODO 3: fold the tail with decider.evolve; the version is the position of the last event read
  //         (or the starting version when the tail is empty).
  void reader;
  void streamId;
  void snapshot;
  return { state: decider.initialState(), version: 0 };
}
