/** An event as a store keeps it: which stream, at which position (1, 2, 3, ... per stream), what type, what data. */
export type RecordedEvent<Event extends { type: string; data: unknown } = { type: string; data: unknown }> = Event & {
  readonly streamId: string;
  readonly position: number;
};

/** Thrown when an append's expected version is not the stream's version; it names both. */
export class VersionConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      `Stream ${streamId} is at version ${actualVersion}, but the append expected version ${expectedVersion}: ` +
        'someone else wrote to it since you read it. Read it again and decide again.',
    );
    this.name = 'VersionConflictError';
  }
}

/** What a snapshot holds: the state after the first `version` events of a stream. */
export type Snapshot<State> = { readonly state: State; readonly version: number };

/** Reads one stream's events whose position is greater than `after`, in position order. */
export type StreamReader<Event extends { type: string; data: unknown }> = {
  readonly readStream: (streamId: string, options: { readonly after: number }) => Promise<readonly RecordedEvent<Event>[]>;
};

/** The part of a decider that rebuilds state: where to start and how to apply one event. */
export type Evolver<State, Event> = {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
};

/** An event about to be appended: the store gives it its stream and position. */
export type NewEvent = { readonly type: string; readonly data: unknown };

/** An in-memory event store: each stream's events in position order. */
export type Streams = Map<string, RecordedEvent[]>;
