import { isJsonObject, objectMessage } from '../../domain/core/validation';
import type { WorkbookSimulator } from '../simulator';
import { idempotencyHeader, withCrudTwinNote, type ApiConsoleOptions, type IdempotencyKeys, type RouteContext } from './endpoint';
import { parseRequest } from './parseRequest';
import { asFastApiValidation, errorResponse, validationFailed } from './responses';
import { matchRoute, routeName } from './routes';
import type { ApiRequest, ApiResponse } from './types';
import {
  createLocalStorageKeyRecords,
  createMemoryKeyLocks,
  createMemoryKeyRecords,
  createWebKeyLocks,
  keyInFlightMessage,
  keyReusedMessage,
  requestFingerprint,
} from '../idempotency/requestKeys';

/** Same rule as the event store's ids: the key becomes the commandId the store deduplicates on. */
const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * The console's server: reads the typed request, finds the seed's endpoint, checks the body and query against what
 * the endpoint takes, and lets the endpoint run the real command or query. Every refusal happens before `execute`
 * or inside it, so a refused request appends nothing.
 */
export async function handleApiRequest(
  simulator: WorkbookSimulator,
  text: string,
  options: ApiConsoleOptions = {},
): Promise<ApiResponse> {
  const parsed = parseRequest(text);
  if (!parsed.ok) return errorResponse(parsed.status, parsed.message);
  const { request } = parsed;

  const match = matchRoute(request.method, request.path);
  if (match.kind === 'unknownPath') {
    return errorResponse(
      404,
      `No endpoint at ${request.path}. The console answers the endpoints of seeds 000, 001, 002 and 004; ` +
        'the examples list every one.',
    );
  }
  if (match.kind === 'wrongMethod') {
    const allowed = match.allowed.join(', ');
    return errorResponse(405, `${request.path} does not take ${request.method}; it takes ${allowed}.`, {
      headers: { Allow: allowed },
    });
  }

  const { route, params } = match;
  const fastApi = route.seed === '000' || route.seed === '001';
  const answered = (response: ApiResponse): ApiResponse => ({
    ...(fastApi ? asFastApiValidation(response) : response),
    seed: route.seed,
    route: routeName(route),
  });

  if (route.body === 'none' && request.body.kind === 'json') {
    return answered(
      errorResponse(400, `${route.method} ${route.pattern} takes no body.` + (route.method === 'GET' ? ' Put filters in the query string, like ?status=pending.' : '')),
    );
  }
  if (route.body === 'object') {
    if (request.body.kind === 'none') {
      return answered(errorResponse(400, `${routeName(route)} needs a JSON body. The examples show one for this endpoint.`));
    }
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
      return answered(errorResponse(415, `The body must be JSON (Content-Type: application/json), not ${contentType.slice(0, 60)}.`));
    }
    if (!isJsonObject(request.body.value)) {
      return answered(validationFailed([{ field: 'body', message: objectMessage }]));
    }
  }
  const unknownParameters = Object.keys(request.query).filter((name) => !(route.queryParams ?? []).includes(name));
  if (unknownParameters.length > 0) {
    const accepted = route.queryParams?.length ? `it understands: ${route.queryParams.join(', ')}` : 'it takes none';
    return answered(
      validationFailed(
        unknownParameters.map((name) => ({ field: name, message: `is not a query parameter of this endpoint (${accepted})` })),
        'The query',
      ),
    );
  }
  const key = request.headers[idempotencyHeader];
  if (key !== undefined && !idempotencyKeyPattern.test(key)) {
    return answered(
      validationFailed([{ field: 'Idempotency-Key', message: 'must be 1 to 100 letters, digits or _ . : -' }], 'The request', 'header'),
    );
  }

  const context: RouteContext = {
    simulator,
    params,
    query: request.query,
    body: request.body.kind === 'json' && isJsonObject(request.body.value) ? request.body.value : {},
    headers: request.headers,
    readYourWrites: options.readYourWrites ?? false,
    newId: options.newId ?? (() => crypto.randomUUID()),
  };
  try {
    const handle = async () => withCrudTwinNote(context, await route.handle(context));
    if (key === undefined || route.side !== 'command') return answered(await handle());
    return answered(await underKey(simulator, options, key, request, handle));
  } catch (error) {
    // execute() turns every refusal a person can cause into an outcome; what still throws is a broken store or a
    // bug. A server answers 500 and logs it; so does the console, so the page stays usable.
    console.error(error);
    return answered(errorResponse(500, `The endpoint failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

const defaultKeys = new WeakMap<WorkbookSimulator, IdempotencyKeys>();

/**
 * Where a simulator's keys are kept when the caller does not say: in the app, localStorage and Web Locks, so that
 * every tab sees the keys of the others; elsewhere (node), memory.
 */
function keysOf(simulator: WorkbookSimulator, options: ApiConsoleOptions): IdempotencyKeys {
  if (options.idempotencyKeys) return options.idempotencyKeys;
  let keys = defaultKeys.get(simulator);
  if (keys === undefined) {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
    keys = {
      records: typeof localStorage === 'undefined' ? createMemoryKeyRecords() : createLocalStorageKeyRecords(localStorage),
      locks: locks === undefined ? createMemoryKeyLocks() : createWebKeyLocks(locks),
    };
    defaultKeys.set(simulator, keys);
  }
  return keys;
}

/**
 * A command sent with an Idempotency-Key, bound to its request: the same request again answers the first answer
 * (`Idempotent-Replayed: true`, nothing run, nothing appended); the key on another request is a 422 naming the first;
 * a key whose first request has no answer yet (in this tab or another) is a 409. The log stays the judge of what
 * was recorded: a record whose events are gone (a reset, an import) frees its key, and a key the log knows from
 * elsewhere (a form, another client) cannot be bound to this request, so it is refused.
 */
async function underKey(
  simulator: WorkbookSimulator,
  options: ApiConsoleOptions,
  key: string,
  request: ApiRequest,
  run: () => Promise<ApiResponse>,
): Promise<ApiResponse> {
  const { records, locks } = keysOf(simulator, options);
  // `/orders/` and `/orders` are one endpoint (see routes.ts), so they are one request too.
  const path = request.path.length > 1 ? request.path.replace(/\/$/, '') : request.path;
  const body = request.body.kind === 'json' ? request.body.value : undefined;
  const fingerprint = await requestFingerprint(request.method, path, body);
  const result = await locks.whileHeld(key, async (): Promise<ApiResponse> => {
    const record = records.get(key);
    const recorded = await simulator.store.eventsOfCommand(key);
    if (record !== undefined && recorded.length > 0) {
      if (record.fingerprint !== fingerprint) {
        return errorResponse(422, keyReusedMessage(record, request.method, path), {
          hint: `Nothing was run. The first request's answer stays: ${record.answer.status} ${record.answer.statusText}.`,
        });
      }
      return { ...record.answer, headers: { ...record.answer.headers, 'Idempotent-Replayed': 'true' } };
    }
    if (record !== undefined) records.delete(key);
    const [first] = recorded;
    if (first !== undefined) {
      return errorResponse(
        422,
        `Idempotency-Key ${key} already names a command in the log (${first.type} on ${first.streamId}, event #${first.globalPosition}) that was not sent as this request. A key names one request: send this one under a new key.`,
      );
    }
    const response = await run();
    if (response.status < 300 && (await simulator.store.eventsOfCommand(key)).length > 0) {
      const { status, statusText, headers } = response;
      records.put({ key, method: request.method, path, fingerprint, answer: { status, statusText, headers, body: response.body } });
    }
    return response;
  });
  return result.held ? result.value : errorResponse(409, keyInFlightMessage(key));
}
