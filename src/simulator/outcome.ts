import { DomainError, NotFoundError, ValidationError } from '../domain/core/errors';
import { StorageError } from '../db/errors';
import { AppendNotRecordedError, CommandIdReusedError, ConcurrencyError } from '../eventStore/errors';
import type { CommandOutcome } from './types';

/**
 * Turns what a command threw into the outcome a view shows. Only the errors a person can act on become outcomes;
 * anything else is a bug and is rethrown, so it reaches the console and the tests instead of a polite message.
 */
export function failedOutcome(error: unknown): Extract<CommandOutcome, { ok: false }> {
  if (error instanceof ValidationError)
    return { ok: false, kind: 'validation', message: error.message, issues: error.issues };
  if (error instanceof DomainError) return { ok: false, kind: 'rule', message: error.message, issues: [] };
  if (error instanceof NotFoundError) return { ok: false, kind: 'notFound', message: error.message, issues: [] };
  if (error instanceof ConcurrencyError || error instanceof CommandIdReusedError)
    return { ok: false, kind: 'conflict', message: error.message, issues: [] };
  if (error instanceof AppendNotRecordedError) return { ok: false, kind: 'storage', message: error.message, issues: [] };
  if (error instanceof StorageError) return { ok: false, kind: 'storage', message: error.message, issues: [] };
  throw error;
}
