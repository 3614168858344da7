import { expect } from 'vitest';
import { ValidationError } from '../../src/domain/core/errors';

/** The issues a rejected input gets, as `{ field: message }` for readable expectations. */
export function issuesOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return Object.fromEntries((error as ValidationError).issues.map((issue) => [issue.field, issue.message]));
  }
  throw new Error('expected a ValidationError, but the input was accepted');
}
