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
