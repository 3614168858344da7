import { ValidationError } from '../../domain/core/errors';
import { statusOfEvent } from '../../domain/order/statusOfEvent';
import type { PlaceOrder } from '../../domain/order/types';
import type { WorkbookSimulator } from '../simulator';
import type { CommandName, CommandOutcome } from '../types';
import type { ApiResponse, HttpMethod, SeedId } from './types';
import type { KeyLocks, KeyRecords } from '../idempotency/requestKeys';
import { errorResponse, refusedCommand, validationFailed } from './responses';

/**
 * One endpoint of one seed's service, and what its handler gets. Handlers only translate: HTTP shapes in, a command
 * to `simulator.execute` or a query to `simulator.queries` (or the store, for the admin and event-list endpoints),
 * and the seed's JSON shape out.
 */

export type ApiConsoleOptions = {
  /**
   * After a successful command, wait for the projector to apply it before answering, so that a GET sent right after
   * sees the change ("read your writes"). The seeds' services do not wait: their read side lags the write side.
   */
  readonly readYourWrites?: boolean;
  /** Mints new order ids; tests pass a predictable one. */
  readonly newId?: () => string;
  /** Where Idempotency-Keys are bound to their requests; by default localStorage + Web Locks in a browser, else memory. */
  readonly idempotencyKeys?: IdempotencyKeys;
};

export type IdempotencyKeys = { readonly records: KeyRecords; readonly locks: KeyLocks };

export type RouteContext = {
  readonly simulator: WorkbookSimulator;
  /** Decoded path parameters, e.g. `{ order_id: 'o-1' }`. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body (always a plain object for routes with `body: 'object'`, undefined for the others). */
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly readYourWrites: boolean;
  readonly newId: () => string;
};

/** `command` changes state (goes to `execute`), `query` reads a read model, `admin` reads the event log. */
export type EndpointSide = 'command' | 'query' | 'admin';

export type Route = {
  readonly seed: SeedId;
  readonly method: HttpMethod;
  /** Path with `{name}` parameters, written as the seed writes it (trailing slash included or not). */
  readonly pattern: string;
  readonly side: EndpointSide;
  /** What it does, in the seed's words. */
  readonly summary: string;
  /** `object`: a JSON object body is required; `none`: a body is refused. */
  readonly body: 'object' | 'none';
  /** Query parameters the endpoint understands; any other is refused, so a typo does not silently do nothing. */
  readonly queryParams?: readonly string[];
  readonly handle: (context: RouteContext) => Promise<ApiResponse>;
};

/**
 * The response header that says the CRUD twin has not applied a command's events yet. The status and body are what
 * the log recorded (the log is the truth); this is the note beside them, as `X-Read-Model-Lag` is for queries.
 */
export const crudTwinHeader = 'X-Crud-Twin';

const twinNotes = new WeakMap<RouteContext, string>();

/** The response with the note of the CRUD twin's lag, when a command of this request left the twin behind. */
export function withCrudTwinNote(context: RouteContext, response: ApiResponse): ApiResponse {
  const note = twinNotes.get(context);
  return note === undefined ? response : { ...response, headers: { ...response.headers, [crudTwinHeader]: note } };
}

/** The header under which a client names a command so that sending it twice records it once (seed 004). */
export const idempotencyHeader = 'idempotency-key';

/**
 * Runs a command through the simulator, under the client's Idempotency-Key when one was sent. With
 * read-your-writes on, answers only once every read model has applied the new events.
 */
export async function runCommand(
  context: RouteContext,
  name: CommandName,
  input: unknown,
  expectedVersion?: number,
): Promise<CommandOutcome> {
  const commandId = context.headers[idempotencyHeader];
  const outcome = await context.simulator.execute(name, input, {
    ...(commandId === undefined ? {} : { commandId }),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  });
  if (outcome.ok && context.readYourWrites) await context.simulator.projector.whenCaughtUp();
  if (outcome.ok && outcome.crudTwinNote !== undefined) twinNotes.set(context, outcome.crudTwinNote);
  return outcome;
}

/** A seed's parser of a create-order body (its field names, its shape), giving the PlaceOrder command. */
export type OrderBodyParser = (body: unknown, orderId: string, at: string) => PlaceOrder;

/**
 * The create-order endpoints of the seeds differ only in the body they read and the answer they give: parse the body
 * with the seed's parser (a refusal names the seed's fields), place the order, and answer with the id the events name
 * (on an idempotent replay, the order the first request created, not the id minted now).
 */
export async function placeOrderFromBody(
  context: RouteContext,
  parse: OrderBodyParser,
  answer: (placedId: string, outcome: Extract<CommandOutcome, { ok: true }>) => ApiResponse,
): Promise<ApiResponse> {
  const orderId = context.newId();
  let input: PlaceOrder;
  try {
    input = parse(context.body, orderId, new Date().toISOString());
  } catch (error) {
    if (error instanceof ValidationError) return validationFailed(error.issues, 'The order');
    throw error;
  }
  const { at: _issuedAt, ...placeOrder } = input.data;
  const outcome = await runCommand(context, 'PlaceOrder', placeOrder);
  if (!outcome.ok) return refusedCommand(outcome);
  return answer(String(eventField(outcome, 'orderId') ?? orderId), outcome);
}

/** Response headers of a query: how far the read model it read is behind the log, the lag the lessons talk about. */
export function readModelHeaders(simulator: WorkbookSimulator, projection: string): Record<string, string> {
  const status = simulator.projector.getStatus().projections.find((entry) => entry.name === projection);
  return status === undefined ? {} : { 'X-Read-Model-Lag': String(status.lag) };
}

/**
 * A query found nothing. When the log does have the stream, say why the read side does not: it has not applied the
 * events yet (eventual consistency), or the order was deleted (the read model dropped it, the history stays).
 */
export async function notFoundOnReadSide(
  context: RouteContext,
  message: string,
  streamId: string,
  projection: string,
  eventsPath?: string,
): Promise<ApiResponse> {
  const headers = readModelHeaders(context.simulator, projection);
  const inLog = (await context.simulator.store.streamVersion(streamId)) > 0;
  if (!inLog) return errorResponse(404, message, { headers });
  const lag = Number(headers['X-Read-Model-Lag'] ?? '0');
  const hint =
    lag > 0
      ? `The event log has this stream, but the "${projection}" read model is ${lag} event(s) behind the log and has ` +
        'not applied it yet. Queries read the read model, not the log: send the GET again in a moment, or turn on ' +
        '"read your writes".'
      : `The event log still holds its history, but the "${projection}" read model no longer lists it (it was ` +
        `deleted).${eventsPath === undefined ? '' : ` See its events at GET ${eventsPath}`}`;
  return errorResponse(404, message, { hint, headers });
}

/** The latest status an order's events moved it to, for the "updated to X" messages. */
export function statusAfter(outcome: Extract<CommandOutcome, { ok: true }>): string | undefined {
  const last = outcome.events.at(-1);
  return last === undefined ? undefined : statusOfEvent(last);
}

/** The stream version after the command: the `expectedVersion` a client would send next (optimistic concurrency). */
export const versionAfter = (outcome: Extract<CommandOutcome, { ok: true }>): number =>
  outcome.events.at(-1)?.streamPosition ?? 0;

/** A field of the first event the command recorded (e.g. the order id the events name on an idempotent replay). */
export function eventField(outcome: Extract<CommandOutcome, { ok: true }>, field: string): unknown {
  const data = outcome.events[0]?.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[field] : undefined;
}

/** How an order's version reads as an HTTP entity tag: `"3"`. */
export const versionTag = (version: number): string => `"${version}"`;

/** Where a client said which version it decided on: HTTP's conditional header, or the body (seed 002's own field). */
export type ClientVersion =
  | { readonly ok: true; readonly expectedVersion?: number; readonly from?: 'If-Match' | 'body' }
  | { readonly ok: false; readonly response: ApiResponse };

/**
 * Reads `If-Match: "3"` (an ETag from GET of the order) or the body's `expectedVersion: 3`. `If-Match: *` asks only
 * that the order exist, which the command checks anyway. Without either the command runs as before, retries and all.
 */
export function clientVersion(context: RouteContext): ClientVersion {
  const ifMatch = context.headers['if-match']?.trim();
  if (ifMatch !== undefined && ifMatch !== '*') {
    const match = /^"(\d{1,15})"$/.exec(ifMatch);
    if (!match) {
      return {
        ok: false,
        response: validationFailed(
          [{ field: 'If-Match', message: 'must be one ETag as GET of the order returns it, like "3" (quotes included), or *' }],
          'The request',
          'header',
        ),
      };
    }
    return { ok: true, expectedVersion: Number(match[1]), from: 'If-Match' };
  }
  const inBody = context.body['expectedVersion'];
  if (inBody === undefined) return { ok: true };
  if (typeof inBody !== 'number' || !Number.isSafeInteger(inBody) || inBody < 0) {
    return { ok: false, response: validationFailed([{ field: 'expectedVersion', message: 'must be a whole number of at least 0, the version the order had when you read it' }]) };
  }
  return { ok: true, expectedVersion: inBody, from: 'body' };
}

/**
 * A command refused because the order moved on since the client read it: 412 Precondition Failed for `If-Match`
 * (HTTP's conditional request), 409 Conflict for a body `expectedVersion` (the store's ConcurrencyError). Both say
 * the current version, in the message and as the ETag, and that nothing was written.
 */
export async function staleVersion(
  context: RouteContext,
  version: Extract<ClientVersion, { ok: true }>,
  streamId: string,
  message: string,
): Promise<ApiResponse> {
  const current = await context.simulator.store.streamVersion(streamId);
  const hint = 'Nothing was written. GET the order to see what changed (its ETag is the current version), decide again, and resend with that version.';
  const headers = { ETag: versionTag(current) };
  if (version.from === 'If-Match') {
    return errorResponse(412, `If-Match ${versionTag(version.expectedVersion ?? 0)} no longer matches: the order is at version ${current}. ${message}`, { hint, headers });
  }
  return errorResponse(409, message, { hint, headers });
}

/**
 * Runs a command on one order under the version the client sent, if any: a stale version answers `staleVersion`,
 * any other refusal as `refusedCommand`, and success goes to `answer` with the new version as ETag.
 */
export async function runVersionedCommand(
  context: RouteContext,
  name: CommandName,
  input: Record<string, unknown>,
  streamId: string,
  answer: (outcome: Extract<CommandOutcome, { ok: true }>) => ApiResponse,
): Promise<ApiResponse> {
  const version = clientVersion(context);
  if (!version.ok) return version.response;
  const outcome = await runCommand(context, name, input, version.expectedVersion);
  if (!outcome.ok) {
    if (outcome.kind === 'conflict' && version.expectedVersion !== undefined) {
      return staleVersion(context, version, streamId, outcome.message);
    }
    return refusedCommand(outcome);
  }
  const response = answer(outcome);
  return { ...response, headers: { ...response.headers, ETag: versionTag(versionAfter(outcome)) } };
}
