import { VersionConflictError } from '../support/events';
import type { NewEvent, Streams } from '../support/events';

/**
 * Exercise 05: optimistic concurrency. Append events to one stream of an in-memory store, but only if the
 * stream is still at the version the caller read. Read README.md first.
 */
export function appendToStream(streams: Streams, streamId: string, events: readonly NewEvent[], expectedVersion: number): number {
  // TODO 1: the stream's current version is the position of its last event (0 for a stream with no events).
  // TODO 2: if expectedVersion is not that version, throw new VersionConflictError(streamId, expectedVersion, actual)
  //         and write nothing.
  // TODO 3: otherwise store each event as { ...event, streamId, position } with positions version + 1, + 2, ...
  //         (one streams.set at the end keeps it all-or-nothing) and return the new version.
  void streams;
  void streamId;
  void events;
  void VersionConflictError;
  return expectedVersion;
}
