import type { FieldIssue } from '../../domain/core/errors';
import { assertNever } from '../../domain/core/message';
import type { CommandOutcome } from '../types';
import type { ApiResponse, ErrorBody, IssueLocation } from './types';

/** Reason phrases of the statuses the console answers with. */
export const statusTexts: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
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
export function validationFailed(
  issues: readonly FieldIssue[],
  what = 'The request',
  location: IssueLocation = what === 'The query' ? 'query' : 'body',
): ApiResponse {
  const list = issues.map((issue) => `${issue.field} ${issue.message}`).join('; ');
  return { ...errorResponse(400, `${what} was refused: ${list}.`, { issues }), issuesIn: location };
}

/** Path ids as the seeds' FastAPI services name them in `loc` (the app's own names are orderId and userId). */
const pathParameters: Readonly<Record<string, string>> = { orderId: 'order_id', userId: 'user_id' };

/** `items[0].quantity` → `['items', 0, 'quantity']`, as pydantic writes a location. */
function locationPath(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part): part is string => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Seeds 000 and 001 are FastAPI services: a request that fails validation is a 422 whose body is pydantic's
 * `{"detail": [{"loc", "msg", "type"}]}`, one entry per bad field, `loc` starting with where the field was (body,
 * query, path, header). The console's own 400 (same issues) is turned into that shape; other responses pass as they are.
 */
export function asFastApiValidation(response: ApiResponse): ApiResponse {
  const body = response.body as Partial<ErrorBody> | undefined;
  if (response.status !== 400 || response.issuesIn === undefined || !body?.issues) return response;
  const detail = body.issues.map((issue) => {
    const path = pathParameters[issue.field];
    const where = path !== undefined ? 'path' : response.issuesIn;
    const loc = path !== undefined ? ['path', path] : where === 'body' && issue.field === 'body' ? ['body'] : [where, ...locationPath(issue.field)];
    const missing = issue.message === 'is required';
    return { loc, msg: missing ? 'Field required' : issue.message, type: missing ? 'missing' : 'value_error' };
  });
  return respond(422, { detail }, response.headers);
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
