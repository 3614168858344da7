import { newClassCode, newToken, tokenHash } from '../classCodes';
import type { ClassroomDatabase } from './database';
import type { LogKeySource } from './emmettEventStore';

export type ClassRow = {
  readonly code: string;
  readonly generation: number;
  readonly paused: boolean;
  readonly replaySeq: number;
  readonly replayProjection: string | null;
};

export type StudentRecord = {
  readonly studentId: string;
  readonly classCode: string;
  readonly name: string;
  readonly checkpoint: number;
  readonly seenMs: number;
};

type ClassDbRow = {
  code: string;
  generation: number | string;
  paused: number | string;
  replay_seq: number | string;
  replay_projection: string | null;
};
type StudentDbRow = {
  student_id: string;
  class_code: string;
  name: string;
  checkpoint: number | string;
  seen_ms: number | string;
};

const toClass = (row: ClassDbRow): ClassRow => ({
  code: row.code,
  generation: Number(row.generation),
  paused: Number(row.paused) === 1,
  replaySeq: Number(row.replay_seq),
  replayProjection: row.replay_projection,
});
const toStudent = (row: StudentDbRow): StudentRecord => ({
  studentId: row.student_id,
  classCode: row.class_code,
  name: row.name,
  checkpoint: Number(row.checkpoint),
  seenMs: Number(row.seen_ms),
});

/** The log key of a class at a generation: what Emmett's stream names and the classroom_log rows carry. */
export const logKeyOf = (code: string, generation: number) => `${code}.${generation}`;

/** The class and generation of a log key (class codes hold no dot). */
export function parseLogKey(logKey: string): { readonly code: string; readonly generation: number } {
  const dot = logKey.lastIndexOf('.');
  return { code: logKey.slice(0, dot), generation: Number(logKey.slice(dot + 1)) };
}

export type ClassRegistryOptions = {
  /**
   * How long a class's row (generation, paused) read from the database is trusted. SQLite has one server process,
   * which makes every change itself and forgets its copy then: forever. PostgreSQL may have several: a change made
   * by another process is seen within this time (the event hubs read it fresh at every poll).
   */
  readonly classCacheMs?: number;
};

/** Classes, their students and the instructor's token, in the server's own tables. */
export function createClassRegistry(db: ClassroomDatabase, options: ClassRegistryOptions = {}) {
  const classCacheMs = options.classCacheMs ?? (db.kind === 'sqlite' ? Number.POSITIVE_INFINITY : 250);
  const classes = new Map<string, { readonly row: ClassRow; readonly at: number }>();
  /** Sessions never move to another class and are never revoked: a token seen once is known. */
  const sessions = new Map<string, StudentRecord>();
  const changed = (code: string) => classes.delete(code);

  const registry = {
    async createClass(): Promise<string> {
      const code = newClassCode();
      await db.write((sql) =>
        sql.command('INSERT INTO classroom_classes (code, created_ms) VALUES (?, ?)', [code, Date.now()]),
      );
      return code;
    },

    /** The class's row; `fresh` reads the database whatever is cached. */
    async findClass(code: string, { fresh = false } = {}): Promise<ClassRow | undefined> {
      const cached = classes.get(code);
      if (!fresh && cached && performance.now() - cached.at < classCacheMs) return cached.row;
      const [row] = await db.read.query<ClassDbRow>(
        'SELECT code, generation, paused, replay_seq, replay_projection FROM classroom_classes WHERE code = ?',
        [code],
      );
      if (!row) return undefined;
      const found = toClass(row);
      classes.set(code, { row: found, at: performance.now() });
      return found;
    },

    async oldestClass(): Promise<string | undefined> {
      const [row] = await db.read.query<{ code: string }>(
        'SELECT code FROM classroom_classes ORDER BY created_ms, code LIMIT 1',
      );
      return row?.code;
    },

    /** The class's current log (code + generation); `next` starts an empty one (a reset). */
    logKeys(code: string): LogKeySource {
      return {
        async current(fresh = false) {
          // SQLite's one server makes every change itself, so its cached row is always current.
          const found = await registry.findClass(code, { fresh: fresh && db.kind !== 'sqlite' });
          if (!found) throw new Error(`No class ${code}`);
          return logKeyOf(code, found.generation);
        },
        async next() {
          await db.write((sql) =>
            sql.command('UPDATE classroom_classes SET generation = generation + 1 WHERE code = ?', [code]),
          );
          changed(code);
          return this.current();
        },
      };
    },

    async setPaused(code: string, paused: boolean): Promise<void> {
      await db.write((sql) => sql.command('UPDATE classroom_classes SET paused = ? WHERE code = ?', [paused ? 1 : 0, code]));
      changed(code);
    },

    async askReplay(code: string, projection: string): Promise<void> {
      await db.write((sql) =>
        sql.command('UPDATE classroom_classes SET replay_seq = replay_seq + 1, replay_projection = ? WHERE code = ?', [
          projection,
          code,
        ]),
      );
      changed(code);
    },

    async addStudent(code: string, name: string, studentId: string): Promise<string> {
      const sessionToken = newToken();
      const now = Date.now();
      await db.write((sql) =>
        sql.command(
          `INSERT INTO classroom_students (student_id, class_code, name, token_hash, joined_ms, seen_ms)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [studentId, code, name, tokenHash(sessionToken), now, now],
        ),
      );
      return sessionToken;
    },

    /** The student of a session (their checkpoint as when first seen: read `students` for the current one). */
    async studentBySession(sessionToken: string): Promise<StudentRecord | undefined> {
      const known = sessions.get(sessionToken);
      if (known) return known;
      const [row] = await db.read.query<StudentDbRow>(
        'SELECT student_id, class_code, name, checkpoint, seen_ms FROM classroom_students WHERE token_hash = ?',
        [tokenHash(sessionToken)],
      );
      if (!row) return undefined;
      const student = toStudent(row);
      if (sessions.size > 100_000) sessions.clear();
      sessions.set(sessionToken, student);
      return student;
    },

    async students(code: string): Promise<StudentRecord[]> {
      const rows = await db.read.query<StudentDbRow>(
        `SELECT student_id, class_code, name, checkpoint, seen_ms FROM classroom_students
          WHERE class_code = ? ORDER BY joined_ms, student_id`,
        [code],
      );
      return rows.map(toStudent);
    },

    async saveCheckpoint(studentId: string, checkpoint: number): Promise<void> {
      await db.write((sql) =>
        sql.command('UPDATE classroom_students SET checkpoint = ?, seen_ms = ? WHERE student_id = ?', [
          checkpoint,
          Date.now(),
          studentId,
        ]),
      );
    },

    /** Students whose event stream is open somewhere: each server touches its connected students now and then. */
    async touch(studentIds: readonly string[]): Promise<void> {
      if (studentIds.length === 0) return;
      await db.write((sql) =>
        sql.command(
          `UPDATE classroom_students SET seen_ms = ? WHERE student_id IN (${studentIds.map(() => '?').join(', ')})`,
          [Date.now(), ...studentIds],
        ),
      );
    },

    /**
     * The instructor's token, shared by every server on the database: the one given, or the one already stored, or
     * a new one. Kept as it is (not hashed): every server must be able to print it, and whoever reads the database
     * can rewrite any class anyway.
     */
    async instructorToken(given?: string): Promise<string> {
      return db.write(async (sql) => {
        if (given !== undefined) {
          await sql.command('DELETE FROM classroom_settings WHERE name = ?', ['instructorToken']);
          await sql.command('INSERT INTO classroom_settings (name, value) VALUES (?, ?)', ['instructorToken', given]);
          return given;
        }
        const [row] = await sql.query<{ value: string }>('SELECT value FROM classroom_settings WHERE name = ?', [
          'instructorToken',
        ]);
        if (row) return row.value;
        const token = newToken();
        await sql.command('INSERT INTO classroom_settings (name, value) VALUES (?, ?)', ['instructorToken', token]);
        return token;
      });
    },
  };
  return registry;
}

export type ClassRegistry = ReturnType<typeof createClassRegistry>;
