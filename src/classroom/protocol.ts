/**
 * The classroom protocol (issue 19): what a browser and the classroom server (server/classroom/) say to each other
 * over HTTP and Server-Sent Events. Types only, shared by both sides; nothing here runs.
 *
 * A class is one live event log on the server (Emmett's event store on SQLite or PostgreSQL). A student joins with
 * the class code and a display name, writes through domain commands, and follows the log over SSE. Every position
 * below is the CLASS's position: the class log starts at 1 and has no gaps, like any EventStore's log.
 *
 * Routes (all JSON; `{code}` is the class code; the API allows CORS from any origin, and uses no cookies):
 *
 * | route                                                  | auth               | body → answer                          |
 * |--------------------------------------------------------|--------------------|----------------------------------------|
 * | POST /api/classes/{code}/join                          | none               | JoinRequest → JoinResponse             |
 * | POST /api/classes/{code}/commands                      | Bearer session     | CommandRequest → CommandResponse       |
 * | GET  /api/classes/{code}/events?after=N&limit=M        | Bearer session or instructor | → RecordedEvent[] (global order) |
 * | GET  /api/classes/{code}/stream?token=T&after=N        | token = session or instructor | SSE, see ClassStreamEvent |
 * | POST /api/classes/{code}/progress                      | Bearer session     | ProgressRequest → ProgressResponse     |
 * | GET  /api/classes/{code}/instructor                    | Bearer instructor  | → InstructorView                       |
 * | POST /api/classes/{code}/pause                         | Bearer instructor  | PauseRequest → ControlResponse         |
 * | POST /api/classes/{code}/reset                         | Bearer instructor  | ResetRequest → ControlResponse         |
 * | POST /api/classes/{code}/projections/{name}/replay     | Bearer instructor  | (empty) → ControlResponse              |
 * | POST /api/classes                                      | Bearer instructor  | (empty) → CreateClassResponse          |
 *
 * Every refusal is an ErrorBody with a status: 400 malformed JSON or a body that is not an object, 401 no or unknown
 * token, 403 a token of another class (or a student's token on an instructor route), 404 no such class or route,
 * 409 ConcurrencyError, 413 body too large, 415 not JSON, 422 validation or a command the domain refuses,
 * 423 class paused, 429 too many requests (with a Retry-After header, in seconds). A refused request writes nothing.
 */
import type { AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from '../eventStore/types';
import { orderCommandTypes } from '../domain/order/types';

export type { AppendResult, ExpectedVersion, NewEvent, RecordedEvent };

/** Class codes: this many characters of `classCodeAlphabet`, crypto-random (about 59 bits). */
export const classCodeLength = 12;
/** No 0/O, 1/I/L: a code read aloud or from a projector is typed right. */
export const classCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A display name: 1 to 40 characters once trimmed. */
export const displayNameMaxLength = 40;
/** Largest request body of any route, in bytes (a 100-item order and its event fit many times over). */
export const maxCommandBodyBytes = 256 * 1024;
/** Largest body of the other routes, in bytes. */
export const maxSmallBodyBytes = 4 * 1024;
/** Most events one command may send. */
export const maxEventsPerCommand = 20;
/** Most events one GET …/events answers (the default when `limit` is missing). */
export const maxEventsPerRead = 1000;

// ---------- student ----------

export type JoinRequest = {
  /** Shown to the instructor and the class. 1–40 characters after trimming; no control characters. */
  readonly name: string;
};

export type JoinResponse = {
  readonly classCode: string;
  readonly studentId: string;
  /** Secret: `Authorization: Bearer <sessionToken>` on the student routes, `?token=` on the stream. */
  readonly sessionToken: string;
  /** The class log's newest position when the student joined (0 when empty). */
  readonly headPosition: number;
  readonly paused: boolean;
};

/** A domain command as the browser's decider saw it: `{ type, data }`, e.g. `{ type: 'ShipOrder', data: {...} }`. */
export type ClassCommand = {
  /** One of `classCommandTypes`. */
  readonly type: string;
  /**
   * The command's data as the command forms build it (the simulator's `routeCommand` input). An `at` field is
   * allowed and ignored: the server stamps its own clock.
   */
  readonly data: unknown;
};

/** The commands a class may send: order (seed 002, seed 000's SetOrderStatus) and user (seed 001) commands. */
export const classCommandTypes = [...orderCommandTypes, 'CreateUser', 'UpdateUserEmail'] as const;
export type ClassCommandType = (typeof classCommandTypes)[number];

/**
 * One command and the events the browser decided for it (what `handleCommand` would append). The server validates
 * the command with the domain's schemas, folds `streamId` from its own log, checks `expectedVersion`, runs the
 * domain's decider on the command and refuses events that are not what it decides: same count, types, schema
 * versions and data (timestamps in the data may differ; the server records its own). Event ids and metadata
 * (commandId, correlationId, causationId) are the browser's: a retry with the same event ids is answered with the
 * events recorded the first time (`alreadyRecorded: true`) and writes nothing. Data is plain (not encrypted).
 */
export type CommandRequest = {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly command: ClassCommand;
  readonly events: readonly NewEvent[];
};

/** 200: the append as recorded, positions in the class log. `events` is empty for a command that changes nothing. */
export type CommandResponse = AppendResult;

export type ProgressRequest = {
  /** The class-log position the student's projections have applied (for the instructor's lag column). */
  readonly checkpoint: number;
};
export type ProgressResponse = { readonly checkpoint: number; readonly headPosition: number };

// ---------- instructor ----------

export type StudentRow = {
  readonly studentId: string;
  readonly name: string;
  /** An open event stream (SSE) to a server of this class right now. */
  readonly connected: boolean;
  readonly checkpoint: number;
  /** headPosition − checkpoint, never below 0. */
  readonly lag: number;
};

export type InstructorView = {
  readonly classCode: string;
  readonly headPosition: number;
  readonly paused: boolean;
  readonly students: readonly StudentRow[];
  /** Commands recorded per second over the last `rateWindowSeconds` (counted from the log: every server's). */
  readonly commandsPerSecond: number;
  /** Commands answered 409 per second over the same window, by the server answering this request. */
  readonly conflictsPerSecond: number;
  readonly rateWindowSeconds: number;
};

export type PauseRequest = { readonly paused: boolean };
/** The class code itself, typed again: a reset wipes the class's log for every student. */
export type ResetRequest = { readonly confirm: string };
export type ControlResponse = { readonly classCode: string; readonly paused: boolean; readonly headPosition: number };
export type CreateClassResponse = { readonly classCode: string };

// ---------- errors ----------

export type ErrorBody =
  | {
      /** 409: the same message as src/eventStore/errors.ts's ConcurrencyError. */
      readonly error: 'ConcurrencyError';
      readonly message: string;
      readonly streamId: string;
      readonly expected: ExpectedVersion;
      readonly actual: number;
    }
  | {
      /** 422: what is wrong, where (`events[0].data.total`, `command.data.items[2].quantity`, `name`). */
      readonly error: 'ValidationError';
      readonly message: string;
      readonly issues: readonly { readonly path: string; readonly reason: string }[];
    }
  | {
      /** 422: a well-formed command the domain refuses in the stream's state (`code`: IllegalTransition, …). */
      readonly error: 'DomainError';
      readonly message: string;
      readonly code: string;
    }
  | {
      readonly error:
        | 'MalformedJson'
        | 'UnsupportedMediaType'
        | 'Unauthorized'
        | 'Forbidden'
        | 'NotFound'
        | 'PayloadTooLarge'
        | 'Paused'
        | 'TooManyRequests'
        | 'MethodNotAllowed'
        | 'Internal';
      readonly message: string;
      /** 429 only: seconds to wait (also in the Retry-After header). */
      readonly retryAfterSeconds?: number;
    };

// ---------- Server-Sent Events on …/stream ----------

/**
 * What the stream sends. Each `appended` message has `id: <globalPosition>`, so a reconnecting EventSource resumes
 * after the last one it saw (Last-Event-ID); `?after=N` does the same on a first connection. A comment line
 * (`: heartbeat`) comes every 15 seconds so proxies keep the connection open.
 *
 * - `appended`: data is one RecordedEvent, in global order, each exactly once per connection;
 * - `paused` / `resumed`: data `{ paused }`; commands are refused with 423 while paused;
 * - `reset`: data `{ headPosition: 0 }`; the instructor wiped the class log: drop everything local (events,
 *   read models, checkpoints); events from position 1 follow on the same connection;
 * - `replay`: data `{ projection }`: rebuild that projection (read model) from the log now.
 */
export type ClassStreamEvent =
  | { readonly event: 'appended'; readonly data: RecordedEvent }
  | { readonly event: 'paused' | 'resumed'; readonly data: { readonly paused: boolean } }
  | { readonly event: 'reset'; readonly data: { readonly headPosition: 0 } }
  | { readonly event: 'replay'; readonly data: { readonly projection: string } };

/** A projection name an instructor may ask browsers to rebuild: letters, digits, `-` and `_`, 1–64 characters. */
export const projectionNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Paths of the routes, for both sides. */
export const classroomRoutes = {
  classes: '/api/classes',
  join: (code: string) => `/api/classes/${encodeURIComponent(code)}/join`,
  commands: (code: string) => `/api/classes/${encodeURIComponent(code)}/commands`,
  events: (code: string) => `/api/classes/${encodeURIComponent(code)}/events`,
  stream: (code: string) => `/api/classes/${encodeURIComponent(code)}/stream`,
  progress: (code: string) => `/api/classes/${encodeURIComponent(code)}/progress`,
  instructor: (code: string) => `/api/classes/${encodeURIComponent(code)}/instructor`,
  pause: (code: string) => `/api/classes/${encodeURIComponent(code)}/pause`,
  reset: (code: string) => `/api/classes/${encodeURIComponent(code)}/reset`,
  replay: (code: string, projection: string) =>
    `/api/classes/${encodeURIComponent(code)}/projections/${encodeURIComponent(projection)}/replay`,
} as const;
