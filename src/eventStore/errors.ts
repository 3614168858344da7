import type { ExpectedVersion } from './types';

/** How a person reads an expected version: "version 2", "no stream (version 0)", "an existing stream". */
export function describeExpectedVersion(expected: ExpectedVersion): string {
  switch (expected) {
    case 'any':
      return 'any version';
    case 'noStream':
      return 'no stream (version 0)';
    case 'streamExists':
      return 'an existing stream';
    default:
      return `version ${expected}`;
  }
}

/**
 * Optimistic concurrency refused an append: someone else wrote to the stream since the caller read it
 * (or the events being retried were recorded elsewhere). Nothing was written; reload and decide again.
 */
export class ConcurrencyError extends Error {
  readonly kind = 'conflict' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was refused (its last stream position, 0 when empty). */
    readonly actual: number,
    /** Why, when the version alone does not explain it (a retried append whose events were recorded elsewhere). */
    detail?: string,
  ) {
    super(
      `Stream ${streamId} is at version ${actual}, but the command expected ${describeExpectedVersion(expected)}.` +
        (detail ? ` ${detail}` : ''),
    );
    this.name = 'ConcurrencyError';
  }
}

export function isConcurrencyError(error: unknown): error is ConcurrencyError {
  return error instanceof ConcurrencyError;
}

/**
 * A commandId (idempotency key) already recorded events of another command: another stream, or a command that
 * would not decide what was recorded. A retry of the same command replays its first result; anything else under
 * the same id is refused, because replaying would answer for a command that did nothing. Nothing was written.
 */
export class CommandIdReusedError extends Error {
  readonly kind = 'conflict' as const;
  constructor(
    readonly commandId: string,
    /** Where the id's events are recorded. */
    readonly recordedIn: string,
    /** Where this command was sent. */
    readonly streamId: string,
    /** The event types recorded under the id. */
    readonly recordedTypes: readonly string[],
  ) {
    super(
      recordedIn === streamId
        ? `Command id ${commandId} was already used by another command on ${streamId}, which recorded ` +
            `${recordedTypes.join(', ')}. A command id belongs to one command: send this one with a new id.`
        : `Command id ${commandId} was already used on ${recordedIn} (which recorded ${recordedTypes.join(', ')}), ` +
            `not on ${streamId}. A command id belongs to one stream and one command: send this one with a new id.`,
    );
    this.name = 'CommandIdReusedError';
  }
}

/**
 * A store that records somewhere else (the classroom server) did not record the append now: the class is paused,
 * the server asks to slow down, or the server is out of reach and the append waits in the outbox to be sent on
 * reconnect ('waiting'). The message says which, and what happens next.
 */
export class AppendNotRecordedError extends Error {
  readonly kind = 'storage' as const;
  constructor(
    readonly reason: 'waiting' | 'paused' | 'rateLimited' | 'refused',
    message: string,
  ) {
    super(message);
    this.name = 'AppendNotRecordedError';
  }
}
