import { DomainError } from '../domain/core/errors';
import type { RecordedEvent } from './types';

/**
 * Copy-and-transform, as the store sees it. A migration copies a stream's events, transformed, into a new stream,
 * then appends one marker to the old stream. Two rules follow, and they live here so every reader applies them:
 *
 * - the marker ends the old stream for writers: `handleCommand` refuses to append after it, naming the new stream;
 * - the copies restate facts the log already holds, so a consumer that applied the originals (a projection, the
 *   CRUD twin) skips them: they are recognised by their command id, shared by every copy of one migration.
 */

/** The marker's event type. No decider knows it: `rehydrate` leaves it out of the fold. */
export const streamMigratedType = 'StreamMigrated';

export type StreamMigratedData = {
  /** The stream the events now live in. */
  readonly migratedTo: string;
  /** How many events were copied (the old stream's events before this marker). */
  readonly eventsCopied: number;
  readonly migratedAt: string;
};

const copyCommandPrefix = 'copy-and-transform:';

/** The command id every copy of one migration carries: `eventsOfCommand` lists the migration's copies. */
export const migrationCommandId = (fromStreamId: string, toStreamId: string): string => `${copyCommandPrefix}${fromStreamId}>${toStreamId}`;

/** An event a copy-and-transform migration wrote: the same fact as the original it names in `causationId`. */
export const isCopiedEvent = (event: RecordedEvent): boolean =>
  event.type !== streamMigratedType && event.metadata.commandId.startsWith(copyCommandPrefix);

export const isStreamMigrated = (event: RecordedEvent | undefined): event is RecordedEvent<typeof streamMigratedType, StreamMigratedData> =>
  event?.type === streamMigratedType;

/** A command sent to a stream that was migrated: writers must move on to the new stream. */
export class StreamMigratedError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly migratedTo: string,
  ) {
    super(
      'StreamMigrated',
      `Stream ${streamId} was migrated to ${migratedTo} (copy and transform) and takes no more events; its history stays as it was.`,
    );
  }
}
