import { isJsonObject, objectMessage } from '../../domain/core/validation';
import type { WorkbookSimulator } from '../simulator';
import { idempotencyHeader, type ApiConsoleOptions, type RouteContext } from './endpoint';
import { parseRequest } from './parseRequest';
import { asFastApiValidation, errorResponse, validationFailed } from './responses';
import { matchRoute, routeName } from './routes';
import type { ApiResponse } from './types';

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
    return answered(await route.handle(context));
  } catch (error) {
    // execute() turns every refusal a person can cause into an outcome; what still throws is a broken store or a
    // bug. A server answers 500 and logs it; so does the console, so the page stays usable.
    console.error(error);
    return answered(errorResponse(500, `The endpoint failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}
