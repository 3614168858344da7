import { httpMethods, type ApiRequest, type HttpMethod, type ParsedRequest, type RequestBody, type RequestParseError } from './types';
import { locateJsonProblem } from './jsonSyntax';

/**
 * Reads what a person typed into the console as an HTTP request. Two shapes are accepted:
 *
 *   POST /orders/ {"customer_id":"123","product":"Laptop","quantity":2}      (body on the request line)
 *
 *   PUT /orders/o-1/status/ HTTP/1.1                                          (request line,
 *   Content-Type: application/json                                             headers,
 *                                                                              a blank line,
 *   {"new_status": "shipped"}                                                  the body)
 *
 * The body may also start on the line after the request line without a blank line, since that is what people type.
 * A full URL (`http://localhost:8000/orders/`) is taken for its path, so the seeds' curl addresses paste in.
 */

/** Larger bodies are refused (413) before parsing: no order or user needs 100 000 characters. */
export const maxBodyLength = 100_000;

const fail = (message: string, status: 400 | 413 = 400): RequestParseError => ({ ok: false, status, message });

const headerLine = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)[ \t]*:[ \t]*(.*)$/;
const httpVersion = /^HTTP\/\d(\.\d)?$/i;
const looksLikeJson = (line: string): boolean => /^[[{"]/.test(line.trimStart());

function isMethod(word: string): word is HttpMethod {
  return (httpMethods as readonly string[]).includes(word);
}

export function parseRequest(text: string): ParsedRequest {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return fail('The request is empty. Type a request line such as: GET /orders/');
  const requestLine = (lines[first] ?? '').trim();

  const parts = /^(\S+)(?:\s+(\S+))?(?:\s+(.*))?$/.exec(requestLine);
  const word = parts?.[1] ?? '';
  const target = parts?.[2];
  const restOfLine = (parts?.[3] ?? '').trim();
  if (target === undefined) {
    if (word.startsWith('/')) return fail(`The request line has no method. Start it with one, like: GET ${word}`);
    if (isMethod(word.toUpperCase())) return fail(`The request line has no path after ${word.toUpperCase()}. Add one, like: ${word.toUpperCase()} /orders/`);
    return fail('The first line must be a request line: a method and a path, like: GET /orders/');
  }

  const method = word.toUpperCase();
  if (!isMethod(method)) {
    if (word.startsWith('/'))
      return fail('The request line must start with the method, then the path, like: GET /orders/');
    const shown = method.length > 20 ? `${method.slice(0, 20)}…` : method;
    return fail(`"${shown}" is not an HTTP method. Use GET, POST, PUT or DELETE (PATCH, HEAD and OPTIONS are understood too).`);
  }

  const location = targetOf(target);
  if (!location.ok) return location;

  // What follows the path on the request line: an HTTP version, or the start of an inline body.
  let bodyText: string | undefined;
  let bodyStartsAt = first + 1;
  const headers: Record<string, string> = {};
  if (restOfLine !== '' && !httpVersion.test(restOfLine)) {
    // Words after the path that cannot start a JSON body are most often a space typed inside the path
    // (`GET /orders/my order/`): saying "the body is not valid JSON" would send the person to the wrong place.
    if (!looksLikeJson(restOfLine) && !/^[-\d]|^(true|false|null)\b/.test(restOfLine)) {
      const shown = restOfLine.length > 40 ? `${restOfLine.slice(0, 40)}…` : restOfLine;
      return fail(
        `After the path ${target.slice(0, 60)} the line goes on with "${shown}", which is neither a JSON body nor HTTP/1.1. ` +
          'A path cannot contain spaces: write a space as %20. A body must be JSON, like {"key": "value"}.',
      );
    }
    bodyText = [restOfLine, ...lines.slice(first + 1)].join('\n');
  } else {
    for (; bodyStartsAt < lines.length; bodyStartsAt += 1) {
      const line = lines[bodyStartsAt] ?? '';
      if (line.trim() === '') {
        bodyStartsAt += 1;
        break;
      }
      if (looksLikeJson(line)) break;
      const header = headerLine.exec(line.trim());
      if (!header) {
        return fail(
          `Line ${bodyStartsAt + 1} is neither a header ("Name: value") nor the start of a JSON body. ` +
            'Put headers right under the request line, then a blank line, then the body.',
        );
      }
      headers[(header[1] ?? '').toLowerCase()] = (header[2] ?? '').trim();
    }
    bodyText = lines.slice(bodyStartsAt).join('\n');
  }

  const body = bodyOf(bodyText);
  if (!body.ok) return body;
  return {
    ok: true,
    request: { method, path: location.path, query: location.query, headers, body: body.body },
  };
}

type Target = { readonly ok: true; readonly path: string; readonly query: Record<string, string> };

/** `/orders/?limit=5` or `http://localhost:8000/orders/?limit=5` → decoded path and query. */
function targetOf(target: string): Target | RequestParseError {
  let pathAndQuery = target;
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      pathAndQuery = `${url.pathname}${url.search}`;
    } catch {
      return fail(`"${target.slice(0, 60)}" is not a valid URL. Type just the path, like /orders/`);
    }
  }
  if (!pathAndQuery.startsWith('/')) {
    return fail(`The path must start with "/", like /orders/ (found "${pathAndQuery.slice(0, 60)}").`);
  }
  const questionMark = pathAndQuery.indexOf('?');
  const rawPath = questionMark === -1 ? pathAndQuery : pathAndQuery.slice(0, questionMark);
  const rawQuery = questionMark === -1 ? '' : pathAndQuery.slice(questionMark + 1);
  let path: string;
  try {
    path = rawPath
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return fail('The path has a broken %-escape: "%" must be followed by two hex digits, like %40 for "@".');
  }
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    if (!(name in query)) query[name] = value;
  }
  return { ok: true, path, query };
}

function bodyOf(text: string | undefined): { ok: true; body: RequestBody } | RequestParseError {
  if (text === undefined || text.trim() === '') return { ok: true, body: { kind: 'none' } };
  if (text.length > maxBodyLength) {
    return fail(`The body is ${text.length} characters long; at most ${maxBodyLength} are accepted.`, 413);
  }
  try {
    return { ok: true, body: { kind: 'json', value: JSON.parse(text) as unknown } };
  } catch (error) {
    const problem = locateJsonProblem(text);
    if (problem === undefined) return fail(`The body is not valid JSON: ${(error as Error).message}`);
    return {
      ok: false,
      status: 400,
      message: `The body is not valid JSON at line ${problem.line}, column ${problem.column} of the body (position ${problem.offset}): ${problem.message}.`,
      position: { offset: problem.offset, line: problem.line, column: problem.column },
    };
  }
}

/** The request line a history entry shows, e.g. `POST /orders/`. */
export function requestLineOf(request: Pick<ApiRequest, 'method' | 'path' | 'query'>): string {
  const query = new URLSearchParams(request.query).toString();
  return `${request.method} ${request.path}${query === '' ? '' : `?${query}`}`;
}
