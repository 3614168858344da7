import type { Evolver, Snapshot, StreamReader } from '../../support/events';

export async function rehydrate<State, Event extends { type: string; data: unknown }>(
  reader: StreamReader<Event>,
  streamId: string,
  decider: Evolver<State, Event>,
  snapshot: Snapshot<State> | undefined,
): Promise<{ state: State; version: number }> {
  let state = snapshot?.state ?? decider.initialState();
  let version = snapshot?.version ?? 0;
  // The snapshot already contains the first `version` events: only what came after it is read.
  for (const event of await reader.readStream(streamId, { after: version })) {
    state = decider.evolve(state, event);
    version = event.position;
  }
  return { state, version };
}
