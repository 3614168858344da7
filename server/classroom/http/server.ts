import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maxCommandBodyBytes, maxEventsPerRead, maxSmallBodyBytes } from '../../../src/classroom/protocol';
import { sameToken } from '../classCodes';
import type { Classrooms } from '../classrooms';
import { asObject, readJsonBody } from './body';
import { HttpError } from './httpError';
import { createRateLimiter, type RateLimit } from './rateLimit';
import { serveStatic } from './staticFiles';

export type RateLimits = {
  /** Every API request of one remote address. */
  readonly perAddress: RateLimit;
  /** Joins from one remote address. */
  readonly joinsPerAddress: RateLimit;
  /** Commands and progress reports of one session. */
  readonly perSession: RateLimit;
};

export const defaultRateLimits: RateLimits = {
  perAddress: { perSecond: 500, burst: 1000 },
  joinsPerAddress: { perSecond: 5, burst: 60 },
  perSession: { perSecond: 20, burst: 40 },
};

export type HttpOptions = {
  readonly classrooms: Classrooms;
  readonly instructorToken: string;
  /** The built app, served on the same origin; none: API only. */
  readonly appDir?: string;
  readonly rateLimits?: RateLimits;
};

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Last-Event-ID',
  'Access-Control-Max-Age': '600',
};

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...corsHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function wholeNumber(value: string | null, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === null || value === '') return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number > max)
    throw new HttpError(422, {
      error: 'ValidationError',
      message: `${name}: must be a whole number from 0 to ${max}`,
      issues: [{ path: name, reason: `must be a whole number from 0 to ${max}` }],
    });
  return number;
}

/** The classroom's HTTP API (src/classroom/protocol.ts), Server-Sent Events, and the built app. */
export function createClassroomHttpServer(options: HttpOptions): Server {
  const { classrooms, instructorToken } = options;
  const limits = options.rateLimits ?? defaultRateLimits;
  const perAddress = createRateLimiter(limits.perAddress);
  const joins = createRateLimiter(limits.joinsPerAddress);
  const perSession = createRateLimiter(limits.perSession);
  const notFound = () => new HttpError(404, { error: 'NotFound', message: 'No such route.' });

  const requireInstructor = (request: IncomingMessage) => {
    const token = bearer(request);
    if (token === undefined)
      throw new HttpError(401, { error: 'Unauthorized', message: 'Instructor only: send Authorization: Bearer <instructorToken>.' });
    if (!sameToken(token, instructorToken))
      throw new HttpError(403, { error: 'Forbidden', message: 'Instructor only: this token is not the instructor token.' });
  };

  async function api(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = request.method ?? 'GET';
    perAddress.take(request.socket.remoteAddress ?? '?', 'requests from this address');
    const parts = url.pathname.split('/').slice(3).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        throw notFound();
      }
    });
    const expect = (allowed: string) => {
      if (method !== allowed)
        throw new HttpError(405, { error: 'MethodNotAllowed', message: `Use ${allowed} here.` }, { Allow: allowed });
    };

    if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) {
      expect('POST');
      requireInstructor(request);
      asObject(await readJsonBody(request, maxSmallBodyBytes));
      return sendJson(response, 201, { classCode: await classrooms.createClass() });
    }
    const [code = '', action, ...rest] = parts;
    switch (rest.length === 0 ? action : `${action}/${rest.length === 2 ? rest[1] : '?'}`) {
      case 'join': {
        expect('POST');
        joins.take(request.socket.remoteAddress ?? '?', 'joins from this address');
        await classrooms.classOf(code);
        const body = asObject(await readJsonBody(request, maxSmallBodyBytes));
        return sendJson(response, 201, await classrooms.join(code, body));
      }
      case 'commands': {
        expect('POST');
        await classrooms.classOf(code);
        const student = await classrooms.student(code, bearer(request));
        perSession.take(student.studentId, 'commands and reports from this session');
        const body = asObject(await readJsonBody(request, maxCommandBodyBytes));
        return sendJson(response, 200, await classrooms.command(code, body));
      }
      case 'progress': {
        expect('POST');
        await classrooms.classOf(code);
        const student = await classrooms.student(code, bearer(request));
        perSession.take(student.studentId, 'commands and reports from this session');
        const body = asObject(await readJsonBody(request, maxSmallBodyBytes));
        return sendJson(response, 200, await classrooms.progress(code, student, body));
      }
      case 'events': {
        expect('GET');
        await classrooms.classOf(code);
        await reader(code, bearer(request));
        const after = wholeNumber(url.searchParams.get('after'), 'after', 0);
        const limit = wholeNumber(url.searchParams.get('limit'), 'limit', maxEventsPerRead, maxEventsPerRead);
        return sendJson(response, 200, await classrooms.events(code, after, limit));
      }
      case 'stream': {
        expect('GET');
        await classrooms.classOf(code);
        const studentId = await reader(code, url.searchParams.get('token') ?? bearer(request));
        const lastEventId = request.headers['last-event-id'];
        const after =
          typeof lastEventId === 'string' && lastEventId !== ''
            ? wholeNumber(lastEventId, 'Last-Event-ID', 0)
            : wholeNumber(url.searchParams.get('after'), 'after', 0);
        for (const [name, value] of Object.entries(corsHeaders)) response.setHeader(name, value);
        await classrooms.stream(code, response, after, studentId);
        return;
      }
      case 'instructor': {
        expect('GET');
        await classrooms.classOf(code);
        requireInstructor(request);
        return sendJson(response, 200, await classrooms.instructorView(code));
      }
      case 'pause': {
        expect('POST');
        await classrooms.classOf(code);
        requireInstructor(request);
        const body = asObject(await readJsonBody(request, maxSmallBodyBytes));
        return sendJson(response, 200, await classrooms.pause(code, body));
      }
      case 'reset': {
        expect('POST');
        await classrooms.classOf(code);
        requireInstructor(request);
        const body = asObject(await readJsonBody(request, maxSmallBodyBytes));
        return sendJson(response, 200, await classrooms.reset(code, body));
      }
      case 'projections/replay': {
        expect('POST');
        await classrooms.classOf(code);
        requireInstructor(request);
        return sendJson(response, 200, await classrooms.replay(code, rest[0] ?? ''));
      }
      default:
        throw notFound();
    }
  }

  /** A student of this class or the instructor may read the log; the student's id when it is a student. */
  async function reader(code: string, token: string | undefined | null): Promise<string | undefined> {
    if (token && sameToken(token, instructorToken)) return undefined;
    return (await classrooms.student(code, token ?? undefined)).studentId;
  }

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://classroom.invalid');
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      if (options.appDir === undefined) return sendJson(response, 404, { error: 'NotFound', message: 'No app is served here.' });
      void serveStatic(options.appDir, url.pathname, response).catch(() => response.destroy());
      return;
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders).end();
      return;
    }
    api(request, response, url).catch((error: unknown) => {
      if (response.headersSent) {
        response.end();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(response, error.status, error.body, { ...error.headers });
        // A body refused before it was read is not drained: the connection closes after the answer.
        if (error.status === 413) request.resume();
        return;
      }
      console.error('classroom: request failed', error);
      sendJson(response, 500, { error: 'Internal', message: 'The server failed on this request.' });
    });
  });
}

/** `http://host:port` of a listening server. */
export function addressOf(server: Server, host = '127.0.0.1'): string {
  const { port } = server.address() as AddressInfo;
  return `http://${host}:${port}`;
}
