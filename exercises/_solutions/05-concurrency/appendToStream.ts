import { VersionConflictError } from '../../support/events';
import type { NewEvent, RecordedEvent, Streams } from '../../support/events';

export function appendToStream(streams: Streams, streamId: string, events: readonly NewEvent[], expectedVersion: number): number {
  const stream = streams.get(streamId) ?? [];
  const actualVersion = stream.length === 0 ? 0 : stream[stream.length - 1]!.position;
  if (expectedVersion !== actualVersion) throw new VersionConflictError(streamId, expectedVersion, actualVersion);
  const recorded: RecordedEvent[] = events.map((event, index) => ({ ...event, streamId, position: actualVersion + index + 1 }));
  // One set, after every check: either all the events are in the stream or none is.
  streams.set(streamId, [...stream, ...recorded]);
  return actualVersion + events.length;
}
