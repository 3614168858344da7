import type { FieldIssue } from '../../domain/core/errors';
import { assertNever } from '../../domain/core/message';
import type { CommandOutcome } from '../types';
import type { ApiResponse, ErrorBody } from './types';

/** Reason phrases of the statuses the console answers with. */
export const statusTexts: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const json = { 'Content-Type': 'application/json' };

export function respond(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): ApiResponse {
  return { status, statusText: statusTexts[status] ?? '', headers: { ...json, ...headers }, body };
}

export const ok = (body: unknown, headers?: Readonly<Record<string, string>>): ApiResponse => respond(200, body, headers);

export const created = (body: unknown, location: string): ApiResponse => respond(201, body, { Location: location });

export function errorResponse(
  status: number,
  message: string,
  extra: { readonly issues?: readonly FieldIssue[]; readonly hint?: string; readonly headers?: Record<string, string> } = {},
): ApiResponse {
  const body: ErrorBody = {
    error: statusTexts[status] ?? 'Error',
    message,
    ...(extra.issues && extra.issues.length > 0 ? { issues: extra.issues } : {}),
    ...(extra.hint ? { hint: extra.hint } : {}),
  };
  return respond(status, body, extra.headers);
}

/** A validation refusal: one issue per bad field, and a message that repeats them for a quick read. */
export function validationFailed(issues: readonly FieldIssue[], what = 'The request'): ApiResponse {
  const list = issues.map((issue) => `${issue.field} ${issue.message}`).join('; ');
  return errorResponse(400, `${what} was refused: ${list}.`, { issues });
}

/**
 * How a refused command reads over HTTP: bad input 400, no such aggregate 404, a rule of the domain (an illegal
 * transition, an id taken) or a lost race 409, a broken store 503. Nothing was appended in any of these cases.
 */
export function refusedCommand(outcome: Extract<CommandOutcome, { ok: false }>): ApiResponse {
  switch (outcome.kind) {
    case 'validation':
      return validationFailed(outcome.issues);
    case 'notFound':
      return errorResponse(404, outcome.message);
    case 'rule':
      return errorResponse(409, outcome.message);
    case 'conflict':
      return errorResponse(409, outcome.message, {
        hint: 'Another writer appended to this stream first, and retrying did not get through. Send the request again.',
      });
    case 'storage':
      return errorResponse(503, outcome.message);
    default:
      return assertNever(outcome.kind);
  }
}
