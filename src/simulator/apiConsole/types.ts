import type { FieldIssue } from '../../domain/core/errors';

/**
 * The API console's vocabulary: a typed-in HTTP request, parsed, and the response the seeds' services would give.
 * Nothing here knows about the page; the console element only shows text in and text out.
 */

/** Methods a request line may name. PATCH, HEAD and OPTIONS are valid HTTP, so they get 405, not a parse error. */
export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** The documents whose HTTP endpoints the console reproduces (seed 003 is an exercise, it has no endpoints). */
export type SeedId = '000' | '001' | '002' | '004';

/** `none` = nothing after the headers; a JSON `null` body is `{ kind: 'json', value: null }`. */
export type RequestBody = { readonly kind: 'none' } | { readonly kind: 'json'; readonly value: unknown };

export type ApiRequest = {
  readonly method: HttpMethod;
  /** Decoded path without the query string, e.g. `/orders/o-1/status/`. */
  readonly path: string;
  /** Decoded query parameters; a repeated name keeps its first value. */
  readonly query: Readonly<Record<string, string>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: RequestBody;
};

/** Why a request could not even be read: each becomes a 400 (or 413) that says what to fix. */
export type RequestParseError = {
  readonly ok: false;
  readonly status: 400 | 413;
  readonly message: string;
  /** Where in the JSON body it went wrong, when it did there. */
  readonly position?: { readonly offset: number; readonly line: number; readonly column: number };
};

export type ParsedRequest = { readonly ok: true; readonly request: ApiRequest } | RequestParseError;

export type ApiResponse = {
  readonly status: number;
  readonly statusText: string;
  /** Header names as a server would write them, e.g. `Location`, `Allow`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** The seed whose endpoint answered; absent when no route matched or the request was unreadable. */
  readonly seed?: SeedId;
  /** The route pattern that answered, e.g. `PUT /orders/{order_id}/status/`. */
  readonly route?: string;
  /** For a validation refusal: where the fields it names were (FastAPI's `loc` starts with it). */
  readonly issuesIn?: IssueLocation;
};

export type IssueLocation = 'body' | 'query' | 'header';

/** The body of every error response, whatever the seed: what went wrong and, for validation, which field. */
export type ErrorBody = {
  readonly error: string;
  readonly message: string;
  readonly issues?: readonly FieldIssue[];
  /** Advice that is not part of the error itself, e.g. that the read model has not caught up yet. */
  readonly hint?: string;
};
