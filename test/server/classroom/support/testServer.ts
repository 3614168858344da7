import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer, type StartOptions } from '../../../../server/classroom/startServer';

export type TestServer = RunningClassroomServer & {
  /** `/api/classes/{code}` of the server's class. */
  readonly classUrl: string;
  stop(): Promise<void>;
};

/** A real classroom server on a fresh SQLite file (or `CLASSROOM_PG_URL`'s PostgreSQL when asked), on a free port. */
export async function startTestServer(options: Partial<StartOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'classroom-test-'));
  const server = await startClassroomServer({ database: { sqliteFile: join(dir, 'classroom.sqlite') }, ...options });
  return {
    ...server,
    classUrl: `${server.url}/api/classes/${server.classCode}`,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Answer<Body = unknown> = { readonly status: number; readonly body: Body; readonly headers: Headers };

/** One HTTP request with a JSON body (a string is sent as it is, to send malformed JSON). */
export async function call<Body = unknown>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<Body>> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token === undefined ? {} : { Authorization: `Bearer ${init.token}` }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as Body, headers: response.headers };
}
