import type { ErrorBody } from '../../../src/classroom/protocol';

/** A refusal with its HTTP status: thrown anywhere in a request, answered as JSON by the server. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(body.message);
    this.name = 'HttpError';
  }
}

/** 422 with one issue per bad field. */
export function validationError(issues: readonly { readonly path: string; readonly reason: string }[]): HttpError {
  return new HttpError(422, {
    error: 'ValidationError',
    message: issues.map((issue) => `${issue.path || 'body'}: ${issue.reason}`).join('; '),
    issues,
  });
}
