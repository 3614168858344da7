import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createClassrooms, type ClassroomsOptions } from './classrooms';
import { createClassroomHttpServer, type RateLimits } from './http/server';
import type { ClassroomDatabase } from './store/database';
import { openSqliteDatabase } from './store/sqliteDatabase';

export type StartOptions = {
  readonly database: { readonly sqliteFile: string } | { readonly postgresUrl: string };
  readonly port?: number;
  readonly host?: string;
  readonly appDir?: string;
  readonly instructorToken?: string;
  /** Start a new class even when the database has one (otherwise the oldest class is the one printed). */
  readonly newClass?: boolean;
  readonly rateLimits?: RateLimits;
  readonly classrooms?: ClassroomsOptions;
};

export type RunningClassroomServer = {
  readonly url: string;
  readonly port: number;
  readonly classCode: string;
  readonly instructorToken: string;
  readonly db: ClassroomDatabase;
  close(): Promise<void>;
};

export async function openDatabase(database: StartOptions['database']): Promise<ClassroomDatabase> {
  if ('sqliteFile' in database) return openSqliteDatabase(database.sqliteFile);
  const { openPostgresDatabase } = await import('./store/postgresDatabase');
  return openPostgresDatabase(database.postgresUrl);
}

/** Why the server could not listen, in words a person can act on. */
function listenFailure(error: unknown, options: StartOptions): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${options.host ?? '127.0.0.1'}:${options.port ?? 0}`;
  if (code === 'EADDRINUSE') return `Port ${options.port} is already in use (another classroom server?): start with --port <another port>.`;
  if (code === 'EACCES') return `Not allowed to listen on ${where}: choose a port above 1023 with --port.`;
  if (code === 'EADDRNOTAVAIL') return `This machine has no address ${options.host}: use --host 0.0.0.0 or one of its own addresses.`;
  return `Could not listen on ${where}: ${(error as Error).message}`;
}

/** Opens the database, makes sure a class exists, and listens. */
export async function startClassroomServer(options: StartOptions): Promise<RunningClassroomServer> {
  const db = await openDatabase(options.database);
  const classrooms = createClassrooms(db, {
    pollMs: 'postgresUrl' in options.database ? 200 : 1000,
    ...options.classrooms,
  });
  const instructorToken = await classrooms.registry.instructorToken(options.instructorToken);
  const existing = options.newClass ? undefined : await classrooms.registry.oldestClass();
  const classCode = existing ?? (await classrooms.createClass());
  const server = createClassroomHttpServer({
    classrooms,
    instructorToken,
    ...(options.appDir === undefined ? {} : { appDir: options.appDir }),
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (error) {
    classrooms.close();
    await db.close();
    throw new Error(listenFailure(error, options), { cause: error });
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    classCode,
    instructorToken,
    db,
    async close() {
      classrooms.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
