import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  displayNameMaxLength,
  projectionNamePattern,
  type ControlResponse,
  type InstructorView,
  type JoinResponse,
  type ProgressResponse,
} from '../../src/classroom/protocol';
import { ConcurrencyError } from '../../src/eventStore/errors';
import type { AppendResult, EventStore } from '../../src/eventStore/types';
import { createActivityCounter } from './activity';
import { acceptCommand, parseCommandRequest } from './commandCheck';
import { HttpError, validationError } from './http/httpError';
import { createClassHub, type ClassHub } from './live/classHub';
import { createClassRegistry, type ClassRow, type StudentRecord } from './store/classRegistry';
import type { ClassroomDatabase } from './store/database';
import { createEmmettEventStore } from './store/emmettEventStore';

export type ClassroomsOptions = {
  readonly pollMs?: number;
  readonly heartbeatMs?: number;
  readonly rateWindowSeconds?: number;
  /** A student counts as connected this long after their last event stream was seen open. */
  readonly connectedForMs?: number;
};

/**
 * The classroom's rules, whatever carries them (HTTP in http/server.ts): classes, joining, commands through the
 * domain, progress, and the instructor's controls. One EventStore and one event hub per class in this process.
 */
export function createClassrooms(db: ClassroomDatabase, options: ClassroomsOptions = {}) {
  const registry = createClassRegistry(db);
  const stores = new Map<string, EventStore>();
  const hubs = new Map<string, ClassHub>();
  const activity = createActivityCounter(options.rateWindowSeconds ?? 10);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const connectedForMs = options.connectedForMs ?? heartbeatMs * 2 + 5_000;

  /** Commands whose events were recorded in the class's log since `sinceMs`, among its newest 10,000 events. */
  async function commandsRecordedSince(code: string, sinceMs: number): Promise<number> {
    const logKey = await registry.logKeys(code).current();
    const rows = await db.read.query<{ commands: number | string }>(
      `SELECT COUNT(DISTINCT command_id) AS commands FROM
         (SELECT command_id, recorded_ms FROM classroom_log WHERE log_key = ? ORDER BY position DESC LIMIT 10000) AS newest
       WHERE recorded_ms >= ?`,
      [logKey, sinceMs],
    );
    return Number(rows[0]?.commands ?? 0);
  }

  async function classOf(code: string): Promise<ClassRow> {
    const found = /^[A-Za-z0-9]{1,64}$/.test(code) ? await registry.findClass(code) : undefined;
    if (!found) throw new HttpError(404, { error: 'NotFound', message: `There is no class with the code ${JSON.stringify(code.slice(0, 64))}.` });
    return found;
  }

  function storeOf(code: string): EventStore {
    let store = stores.get(code);
    if (!store) stores.set(code, (store = createEmmettEventStore(db, registry.logKeys(code))));
    return store;
  }

  function hubOf(code: string): ClassHub {
    let hub = hubs.get(code);
    if (!hub)
      hubs.set(
        code,
        (hub = createClassHub({ code, store: storeOf(code), registry, pollMs: options.pollMs ?? 1000, heartbeatMs })),
      );
    return hub;
  }

  return {
    registry,
    storeOf,
    classOf,

    createClass: () => registry.createClass(),

    async join(code: string, body: Record<string, unknown>): Promise<JoinResponse> {
      const row = await classOf(code);
      const name = typeof body.name === 'string' ? body.name.trim() : undefined;
      if (name === undefined) throw validationError([{ path: 'name', reason: body.name === undefined ? 'is required' : 'must be text' }]);
      if (name.length < 1 || name.length > displayNameMaxLength)
        throw validationError([{ path: 'name', reason: `must be 1 to ${displayNameMaxLength} characters` }]);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name))
        throw validationError([{ path: 'name', reason: 'must not contain control characters or line breaks' }]);
      const studentId = randomUUID();
      const sessionToken = await registry.addStudent(code, name, studentId);
      return { classCode: code, studentId, sessionToken, headPosition: await storeOf(code).headPosition(), paused: row.paused };
    },

    /** The student behind a session token, in this class (401 unknown, 403 another class). */
    async student(code: string, sessionToken: string | undefined): Promise<StudentRecord> {
      if (!sessionToken) throw new HttpError(401, { error: 'Unauthorized', message: 'Join the class first: send Authorization: Bearer <sessionToken>.' });
      const student = await registry.studentBySession(sessionToken);
      if (!student) throw new HttpError(401, { error: 'Unauthorized', message: 'This session is unknown: join the class again.' });
      if (student.classCode !== code) throw new HttpError(403, { error: 'Forbidden', message: 'This session belongs to another class.' });
      return student;
    },

    async command(code: string, body: unknown): Promise<AppendResult> {
      const row = await classOf(code);
      if (row.paused) throw new HttpError(423, { error: 'Paused', message: 'The instructor paused the class: commands are refused until it resumes.' });
      const request = parseCommandRequest(body);
      try {
        const result = await acceptCommand(storeOf(code), request, new Date().toISOString());
        return result;
      } catch (error) {
        if (error instanceof ConcurrencyError) {
          activity.conflict(code);
          throw new HttpError(409, {
            error: 'ConcurrencyError',
            message: error.message,
            streamId: error.streamId,
            expected: error.expected,
            actual: error.actual,
          });
        }
        throw error;
      }
    },

    async events(code: string, after: number, limit: number) {
      await classOf(code);
      return storeOf(code).readAll({ after, limit });
    },

    async stream(code: string, response: ServerResponse, after: number, studentId: string | undefined) {
      await classOf(code);
      await hubOf(code).addClient(response, after, studentId);
    },

    async progress(code: string, student: StudentRecord, body: Record<string, unknown>): Promise<ProgressResponse> {
      await classOf(code);
      const checkpoint = body.checkpoint;
      if (typeof checkpoint !== 'number' || !Number.isSafeInteger(checkpoint) || checkpoint < 0)
        throw validationError([{ path: 'checkpoint', reason: 'must be a whole number ≥ 0' }]);
      await registry.saveCheckpoint(student.studentId, checkpoint);
      return { checkpoint, headPosition: await storeOf(code).headPosition() };
    },

    async instructorView(code: string): Promise<InstructorView> {
      const row = await classOf(code);
      const headPosition = await storeOf(code).headPosition();
      const here = new Set(hubs.get(code)?.connectedStudents() ?? []);
      const now = Date.now();
      const students = (await registry.students(code)).map((student) => ({
        studentId: student.studentId,
        name: student.name,
        connected: here.has(student.studentId) || now - student.seenMs < connectedForMs,
        checkpoint: student.checkpoint,
        lag: Math.max(0, headPosition - student.checkpoint),
      }));
      return {
        classCode: code,
        headPosition,
        paused: row.paused,
        students,
        // Accepted commands are counted from the log, so every server sharing the database is counted; conflicts
        // are written nowhere, so each server counts those it answered.
        commandsPerSecond: (await commandsRecordedSince(code, now - activity.windowSeconds * 1000)) / activity.windowSeconds,
        conflictsPerSecond: activity.rates(code).conflictsPerSecond,
        rateWindowSeconds: activity.windowSeconds,
      };
    },

    async pause(code: string, body: Record<string, unknown>): Promise<ControlResponse> {
      await classOf(code);
      if (typeof body.paused !== 'boolean') throw validationError([{ path: 'paused', reason: 'must be true or false' }]);
      await registry.setPaused(code, body.paused);
      hubs.get(code)?.poke();
      return { classCode: code, paused: body.paused, headPosition: await storeOf(code).headPosition() };
    },

    async reset(code: string, body: Record<string, unknown>): Promise<ControlResponse> {
      const row = await classOf(code);
      if (body.confirm !== code)
        throw validationError([{ path: 'confirm', reason: 'must be the class code, typed again: a reset wipes the class log for everyone' }]);
      await storeOf(code).clear();
      hubs.get(code)?.poke();
      return { classCode: code, paused: row.paused, headPosition: 0 };
    },

    async replay(code: string, projection: string): Promise<ControlResponse> {
      const row = await classOf(code);
      if (!projectionNamePattern.test(projection))
        throw validationError([{ path: 'projection', reason: 'must be 1 to 64 letters, digits, - or _' }]);
      await registry.askReplay(code, projection);
      hubs.get(code)?.poke();
      return { classCode: code, paused: row.paused, headPosition: await storeOf(code).headPosition() };
    },

    close() {
      for (const hub of hubs.values()) hub.close();
      for (const store of stores.values()) store.close();
    },
  };
}

export type Classrooms = ReturnType<typeof createClassrooms>;
