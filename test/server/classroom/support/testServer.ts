import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:http';
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

export type Answer<Body = unknown> = {
  readonly status: number;
  readonly body: Body;
  readonly headers: { get(name: string): string | null };
};

// node:http with kept-alive connections: several times lighter than fetch for the many small requests of a load test.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** One HTTP request with a JSON body (a string is sent as it is, to send malformed JSON). */
export function call<Body = unknown>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<Body>> {
  const payload = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        agent,
        method: init.method ?? (payload === undefined ? 'GET' : 'POST'),
        headers: {
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }),
          ...(init.token === undefined ? {} : { Authorization: `Bearer ${init.token}` }),
          ...init.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            body: (text === '' ? undefined : JSON.parse(text)) as Body,
            headers: {
              get: (name) => {
                const value = response.headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
              },
            },
          });
        });
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}
