import type { ExpectedVersion, RecordedEvent } from '../eventStore/types';
import type { ClassCommand, CommandRequest as ProtocolCommandRequest } from './protocol';

/**
 * The classroom server's HTTP API (src/classroom/protocol.ts) as the browser calls it (issue 19). Answers are
 * checked on arrival: an answer of another shape is a `ClassroomError` of kind 'protocol', never a value passed on
 * as if it were right.
 */

export type JoinAnswer = {
  readonly studentId: string;
  readonly sessionToken: string;
  readonly headPosition: number;
  readonly paused: boolean;
};

/** The protocol's request; `command` is null for an append no command decided (the server refuses it, and says why). */
export type CommandRequest = Omit<ProtocolCommandRequest, 'command'> & { readonly command: ClassCommand | null };

export type CommandAnswer = {
  readonly nextExpectedVersion: number;
  readonly events: readonly RecordedEvent[];
  readonly alreadyRecorded: boolean;
};

export type StudentReport = {
  readonly studentId?: string;
  readonly name: string;
  readonly connected: boolean;
  readonly checkpoint: number;
  readonly lag: number;
};

export type InstructorReport = {
  readonly students: readonly StudentReport[];
  readonly commandsPerSecond: number;
  readonly conflictsPerSecond: number;
  readonly head: number;
  readonly paused: boolean;
};

/** Why the server (or the way to it) refused: what the person is told, in these terms. */
export type ClassroomErrorKind =
  | 'unreachable'
  | 'wrongCode'
  | 'nameRefused'
  | 'unauthorized'
  | 'conflict'
  | 'validation'
  /** A well-formed command the domain refuses in the stream's state, as the server decided it. */
  | 'rule'
  | 'paused'
  | 'rateLimited'
  | 'tooLarge'
  | 'protocol';

export class ClassroomError extends Error {
  constructor(
    readonly kind: ClassroomErrorKind,
    message: string,
    readonly details: {
      readonly status?: number;
      readonly expected?: ExpectedVersion;
      readonly actual?: number;
      readonly path?: string;
      /** The domain's code of a 'rule' refusal (IllegalTransition, …). */
      readonly code?: string;
      readonly retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = 'ClassroomError';
  }
}

export type ClassroomApiOptions = {
  /** The server's origin, e.g. `http://192.168.1.20:8080` (no trailing slash needed). */
  readonly server: string;
  readonly code: string;
  readonly fetch?: typeof fetch;
  /**
   * How long a request may take before the server counts as out of reach: a laptop that leaves the Wi-Fi leaves its
   * connections hanging, not failing. 10 s by default.
   */
  readonly timeoutMs?: number;
};

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

function isRecordedEvent(value: unknown): value is RecordedEvent {
  return (
    isObject(value) &&
    typeof value['eventId'] === 'string' &&
    Number.isInteger(value['globalPosition']) &&
    typeof value['streamId'] === 'string' &&
    Number.isInteger(value['streamPosition']) &&
    typeof value['type'] === 'string' &&
    Number.isInteger(value['schemaVersion']) &&
    isObject(value['metadata']) &&
    typeof value['metadata']['commandId'] === 'string'
  );
}

export function recordedEventsOf(value: unknown): RecordedEvent[] {
  if (!Array.isArray(value) || !value.every(isRecordedEvent)) {
    throw new ClassroomError('protocol', 'The class server answered with something that is not a list of recorded events.');
  }
  return value;
}

export function recordedEventOf(value: unknown): RecordedEvent {
  return recordedEventsOf([value])[0]!;
}

/** The class code as the server's paths take it: letters and digits only, so a typed code cannot reach another path. */
export function checkClassCode(code: string): string {
  const trimmed = code.trim().toUpperCase();
  if (!/^[A-Z0-9-]{3,32}$/.test(trimmed)) {
    throw new ClassroomError('wrongCode', 'A class code is 3 to 32 letters or digits, as your instructor wrote it on the board.');
  }
  return trimmed;
}

/** The server address a person typed, as an origin; anything but http(s) is refused. */
export function checkServerAddress(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new ClassroomError('unreachable', `"${address.slice(0, 80)}" is not a web address: type it as your instructor gave it, like http://192.168.1.20:8080.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClassroomError('unreachable', 'The class server address must start with http:// or https://.');
  }
  return url.origin;
}

/** The server's own words, when its answer carries them. */
async function answerMessage(response: Response): Promise<Body> {
  try {
    const body: unknown = await response.json();
    return isObject(body) ? body : {};
  } catch {
    return {};
  }
}

/**
 * One class on one server. Every call either answers the checked value or throws a `ClassroomError` whose message
 * a person can act on.
 */
export function createClassroomApi(options: ClassroomApiOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = `${options.server.replace(/\/+$/, '')}/api/classes/${encodeURIComponent(options.code)}`;

  async function call(path: string, init: RequestInit & { readonly token?: string }, what: string): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    } catch {
      throw new ClassroomError('unreachable', `The class server at ${options.server} cannot be reached (${what}). Check the address and that the server is running.`);
    }
    if (response.ok) return response;
    const body = await answerMessage(response);
    const said = typeof body['message'] === 'string' ? body['message'] : '';
    const status = response.status;
    switch (status) {
      case 401:
      case 403:
        throw new ClassroomError('unauthorized', said || 'The class server did not accept this session: join the class again.', { status });
      case 404:
        if (!(response.headers.get('content-type') ?? '').includes('json')) {
          throw new ClassroomError(
            'unreachable',
            `${options.server} answers, but it is not a class server: open the address the class server printed when it started (npm run classroom).`,
            { status },
          );
        }
        throw new ClassroomError('wrongCode', `There is no class ${options.code} on ${options.server}. Check the code your instructor gave.`, { status });
      case 409: {
        const actual = Number(body['actual']);
        const expected = body['expected'] as ExpectedVersion;
        if (body['error'] === 'ConcurrencyError') {
          throw new ClassroomError('conflict', said || 'Someone else changed this stream first.', { status, expected, actual });
        }
        throw new ClassroomError('nameRefused', said || 'That name is already taken in this class: choose another.', { status });
      }
      case 413:
        throw new ClassroomError('tooLarge', said || 'The class server refused the request: it is too large.', { status });
      case 422: {
        if (what === 'joining') throw new ClassroomError('nameRefused', said || 'The class server refused that name.', { status });
        if (body['error'] === 'DomainError') {
          const code = typeof body['code'] === 'string' ? body['code'] : 'DomainError';
          throw new ClassroomError('rule', said || 'The class server refused the command in the order\'s state.', { status, code });
        }
        const issues = Array.isArray(body['issues']) ? (body['issues'] as unknown[]).filter(isObject) : [];
        const first = issues[0];
        const path = typeof first?.['path'] === 'string' ? first['path'] : typeof body['path'] === 'string' ? body['path'] : undefined;
        throw new ClassroomError('validation', said || 'The class server refused the command as invalid.', {
          status,
          ...(path === undefined ? {} : { path }),
        });
      }
      case 423:
        throw new ClassroomError('paused', 'The instructor has paused the class: nothing is recorded until they resume it.', { status });
      case 429: {
        const retryAfterSeconds = Number(response.headers.get('retry-after') ?? '1') || 1;
        throw new ClassroomError('rateLimited', `Too many commands at once: the class server asks you to wait ${retryAfterSeconds} s.`, {
          status,
          retryAfterSeconds,
        });
      }
      default:
        if (status === 400 && what === 'joining') throw new ClassroomError('nameRefused', said || 'The class server refused that name.', { status });
        throw new ClassroomError('protocol', `The class server answered ${status} ${said}`.trim(), { status });
    }
  }

  const json = async (response: Response): Promise<unknown> => {
    try {
      return await response.json();
    } catch {
      throw new ClassroomError('protocol', 'The class server answered with something that is not JSON.');
    }
  };

  return {
    base,
    async join(name: string): Promise<JoinAnswer> {
      const body = await json(await call('/join', { method: 'POST', body: JSON.stringify({ name }) }, 'joining'));
      if (!isObject(body) || typeof body['studentId'] !== 'string' || typeof body['sessionToken'] !== 'string' || !Number.isInteger(body['headPosition'])) {
        throw new ClassroomError('protocol', 'The class server answered the join with something unexpected: is this address a class server?');
      }
      return {
        studentId: body['studentId'],
        sessionToken: body['sessionToken'],
        headPosition: body['headPosition'] as number,
        paused: body['paused'] === true,
      };
    },
    async sendCommand(token: string, request: CommandRequest): Promise<CommandAnswer> {
      const body = await json(await call('/commands', { method: 'POST', token, body: JSON.stringify(request) }, 'sending a command'));
      if (!isObject(body) || !Number.isInteger(body['nextExpectedVersion'])) {
        throw new ClassroomError('protocol', 'The class server answered the command with something unexpected.');
      }
      return {
        nextExpectedVersion: body['nextExpectedVersion'] as number,
        events: recordedEventsOf(body['events']),
        alreadyRecorded: body['alreadyRecorded'] === true,
      };
    },
    async eventsAfter(after: number, limit = 1000, token?: string): Promise<RecordedEvent[]> {
      const response = await call(`/events?after=${after}&limit=${limit}`, { method: 'GET', ...(token === undefined ? {} : { token }) }, 'reading the log');
      return recordedEventsOf(await json(response));
    },
    async reportProgress(token: string, checkpoint: number): Promise<void> {
      await call('/progress', { method: 'POST', token, body: JSON.stringify({ checkpoint }) }, 'reporting progress');
    },
    streamUrl(token: string, after: number): string {
      return `${base}/stream?token=${encodeURIComponent(token)}&after=${after}`;
    },
    async instructor(token: string): Promise<InstructorReport> {
      const body = await json(await call('/instructor', { method: 'GET', token }, 'reading the class'));
      if (!isObject(body) || !Array.isArray(body['students'])) {
        throw new ClassroomError('protocol', 'The class server answered the instructor view with something unexpected.');
      }
      const students = (body['students'] as unknown[]).filter(isObject).map((student) => ({
        ...(typeof student['studentId'] === 'string' ? { studentId: student['studentId'] } : {}),
        name: String(student['name'] ?? ''),
        connected: student['connected'] === true,
        checkpoint: Number(student['checkpoint']) || 0,
        lag: Number(student['lag']) || 0,
      }));
      return {
        students,
        commandsPerSecond: Number(body['commandsPerSecond']) || 0,
        conflictsPerSecond: Number(body['conflictsPerSecond']) || 0,
        head: Number(body['headPosition'] ?? body['head']) || 0,
        paused: body['paused'] === true,
      };
    },
    async pause(token: string, paused: boolean): Promise<void> {
      await call('/pause', { method: 'POST', token, body: JSON.stringify({ paused }) }, 'pausing the class');
    },
    async reset(token: string, confirm: string): Promise<void> {
      await call('/reset', { method: 'POST', token, body: JSON.stringify({ confirm }) }, 'resetting the class');
    },
    async replay(token: string, projection: string): Promise<void> {
      await call(`/projections/${encodeURIComponent(projection)}/replay`, { method: 'POST', token }, 'replaying a projection');
    },
  };
}

export type ClassroomApi = ReturnType<typeof createClassroomApi>;
