import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classCodeAlphabet, classCodeLength, type ErrorBody, type JoinResponse } from '../../../src/classroom/protocol';
import { newClassCode } from '../../../server/classroom/classCodes';
import { call, startTestServer, type TestServer } from './support/testServer';
import { decideOrder, placeOrder } from './support/browserSide';

let server: TestServer;
let student: JoinResponse;
let otherClassUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  student = (await call<JoinResponse>(`${server.classUrl}/join`, { body: { name: 'Ada' } })).body;
  const created = await call<{ classCode: string }>(`${server.url}/api/classes`, { token: server.instructorToken, body: {} });
  otherClassUrl = `${server.url}/api/classes/${created.body.classCode}`;
});
afterAll(() => server.stop());

const head = async () => (await call<unknown[]>(`${server.classUrl}/events`, { token: server.instructorToken })).body.length;
const studentCount = async () =>
  (await call<{ students: unknown[] }>(`${server.classUrl}/instructor`, { token: server.instructorToken })).body.students.length;

describe('class codes', () => {
  it(`are ${classCodeLength} characters of the readable alphabet, drawn at random`, () => {
    const codes = Array.from({ length: 2000 }, newClassCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${classCodeAlphabet}]{${classCodeLength}}$`));
    expect(new Set(codes).size).toBe(codes.length);
    // Every letter of the alphabet turns up in every place: no position is fixed or skewed to a few letters.
    for (let place = 0; place < classCodeLength; place += 1)
      expect(new Set(codes.map((code) => code[place])).size).toBe(classCodeAlphabet.length);
  });

  it('a code that is not a class answers 404 and admits no one', async () => {
    const before = await studentCount();
    const answer = await call<ErrorBody>(`${server.url}/api/classes/${newClassCode()}/join`, { body: { name: 'Eve' } });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toBe('NotFound');
    expect(await studentCount()).toBe(before);
  });
});

describe('joining refuses bad names and bodies, and admits no one', () => {
  const cases: [string, unknown, number, string][] = [
    ['an empty name', { name: '   ' }, 422, 'name'],
    ['a name of 41 characters', { name: 'x'.repeat(41) }, 422, 'name'],
    ['a name that is not text', { name: 42 }, 422, 'name'],
    ['no name', {}, 422, 'name'],
    ['a name with a line break', { name: 'Ada\nLovelace' }, 422, 'name'],
  ];
  for (const [label, body, status, path] of cases)
    it(label, async () => {
      const before = await studentCount();
      const answer = await call<ErrorBody & { issues: { path: string }[] }>(`${server.classUrl}/join`, { body });
      expect(answer.status).toBe(status);
      expect(answer.body.issues.map((issue) => issue.path)).toEqual([path]);
      expect(await studentCount()).toBe(before);
    });

  it('malformed JSON is a 400 that says so', async () => {
    const answer = await call<ErrorBody>(`${server.classUrl}/join`, { body: '{"name": "Ada"' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('MalformedJson');
  });

  it('a body that is not an object is a 400', async () => {
    expect((await call(`${server.classUrl}/join`, { body: '["Ada"]' })).status).toBe(400);
  });

  it('a body that is not JSON is a 415', async () => {
    const answer = await call(`${server.classUrl}/join`, { body: 'name=Ada', headers: { 'Content-Type': 'text/plain' } });
    expect(answer.status).toBe(415);
  });

  it('a body over the limit is a 413', async () => {
    const answer = await call<ErrorBody>(`${server.classUrl}/join`, { body: { name: 'x'.repeat(10_000) } });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe('PayloadTooLarge');
  });

  it('a display name is trimmed and kept as text', async () => {
    const joined = await call<JoinResponse>(`${server.classUrl}/join`, { body: { name: '  <img src=x onerror=alert(1)>  ' } });
    expect(joined.status).toBe(201);
    const view = await call<{ students: { name: string }[] }>(`${server.classUrl}/instructor`, { token: server.instructorToken });
    expect(view.body.students.map((row) => row.name)).toContain('<img src=x onerror=alert(1)>');
    expect(view.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('commands', () => {
  const valid = () => decideOrder(placeOrder(`sec-${Math.random().toString(36).slice(2)}`), [], crypto.randomUUID());

  it('need a session: none is 401, an unknown one is 401, and nothing is written', async () => {
    const before = await head();
    expect((await call(`${server.classUrl}/commands`, { body: valid() })).status).toBe(401);
    expect((await call(`${server.classUrl}/commands`, { body: valid(), token: 'not-a-session' })).status).toBe(401);
    expect(await head()).toBe(before);
  });

  it("go only to the student's own class: another class's log is 403 and untouched", async () => {
    const answer = await call<ErrorBody>(`${otherClassUrl}/commands`, { body: valid(), token: student.sessionToken });
    expect(answer.status).toBe(403);
    expect((await call<unknown[]>(`${otherClassUrl}/events`, { token: server.instructorToken })).body).toEqual([]);
    expect((await call(`${otherClassUrl}/events`, { token: student.sessionToken })).status).toBe(403);
  });

  const refusals: [string, (request: ReturnType<typeof valid>) => unknown, string][] = [
    ['an unknown command', (request) => ({ ...request, command: { type: 'DropAllTables', data: {} } }), 'command.type'],
    [
      'a saga step, which no student command is',
      (request) => ({ ...request, command: { type: 'ReserveStock', data: request.command.data } }),
      'command.type',
    ],
    [
      'a quantity of the wrong type',
      (request) => ({
        ...request,
        command: { type: 'PlaceOrder', data: { ...(request.command.data as object), items: [{ product: 'Laptop', quantity: 'two', unitPrice: 1 }] } },
      }),
      'command.data.items[0].quantity',
    ],
    [
      'an event the decider did not decide (a total of 0)',
      (request) => ({
        ...request,
        events: request.events.map((event) => ({ ...event, data: { ...(event.data as object), total: 0 } })),
      }),
      'events[0].data.total',
    ],
    [
      'another event type than decided',
      (request) => ({ ...request, events: request.events.map((event) => ({ ...event, type: 'OrderDelivered' })) }),
      'events[0].type',
    ],
    ['an event more than decided', (request) => ({ ...request, events: [...request.events, { ...request.events[0]!, eventId: 'extra' }] }), 'events'],
    ['no events at all', (request) => ({ ...request, events: [] }), 'events'],
    ['a stream the command does not go to', (request) => ({ ...request, streamId: 'order-somebody-else' }), 'streamId'],
    ['an unknown field', (request) => ({ ...request, sql: 'DROP TABLE emt_messages' }), 'sql'],
    ['an expected version that is no version', (request) => ({ ...request, expectedVersion: -1 }), 'expectedVersion'],
  ];
  for (const [label, spoil, path] of refusals)
    it(`refuse ${label} with a 422 naming ${path || 'the body'}, writing nothing`, async () => {
      const before = await head();
      const answer = await call<ErrorBody & { issues: { path: string }[] }>(`${server.classUrl}/commands`, {
        body: spoil(valid()),
        token: student.sessionToken,
      });
      expect(answer.status).toBe(422);
      expect(answer.body.issues.map((issue) => issue.path)).toContain(path);
      expect(await head()).toBe(before);
    });

  it('refuse a command the domain refuses (shipping an order never placed) with a 422 DomainError', async () => {
    const request = decideOrder(placeOrder('never-shipped'), [], 'x');
    const answer = await call<ErrorBody>(`${server.classUrl}/commands`, {
      token: student.sessionToken,
      body: { ...request, command: { type: 'ShipOrder', data: { orderId: 'never-placed', trackingNumber: null } }, streamId: 'order-never-placed' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: 'DomainError', code: 'NotFound' });
  });

  it('refuse a body over 256 KB with a 413', async () => {
    const before = await head();
    const request = valid();
    const answer = await call<ErrorBody>(`${server.classUrl}/commands`, {
      token: student.sessionToken,
      body: { ...request, padding: 'x'.repeat(300 * 1024) },
    });
    expect(answer.status).toBe(413);
    expect(await head()).toBe(before);
  });
});

describe('instructor actions need the instructor token', () => {
  const actions: [string, string, unknown][] = [
    ['view', '/instructor', undefined],
    ['pause', '/pause', { paused: true }],
    ['reset', '/reset', { confirm: 'x' }],
    ['replay', '/projections/orders/replay', {}],
  ];
  for (const [label, path, body] of actions)
    it(`${label}: none is 401, a student's session or a wrong token 403`, async () => {
      const url = `${server.classUrl}${path}`;
      expect((await call(url, { body })).status).toBe(401);
      expect((await call(url, { body, token: student.sessionToken })).status).toBe(403);
      expect((await call(url, { body, token: `${server.instructorToken.slice(0, -1)}x` })).status).toBe(403);
    });

  it('creating a class: 401 without, 403 with a wrong token', async () => {
    expect((await call(`${server.url}/api/classes`, { body: {} })).status).toBe(401);
    expect((await call(`${server.url}/api/classes`, { body: {}, token: student.sessionToken })).status).toBe(403);
  });

  it('a reset must be confirmed with the class code, or nothing is wiped', async () => {
    const before = await head();
    const answer = await call<ErrorBody & { issues: { path: string }[] }>(`${server.classUrl}/reset`, {
      token: server.instructorToken,
      body: { confirm: 'yes' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.issues[0]!.path).toBe('confirm');
    expect(await head()).toBe(before);
  });
});

describe('the app and CORS', () => {
  it('answers a CORS preflight for the API', async () => {
    const answer = await fetch(`${server.classUrl}/commands`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it('unknown API routes are 404 JSON', async () => {
    const answer = await call<ErrorBody>(`${server.classUrl}/drop`, { token: server.instructorToken });
    expect(answer.status).toBe(404);
  });
});

describe('the built app on the same origin', () => {
  it('serves files inside its folder only: a path that climbs out gets the app, never the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'classroom-app-'));
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'dist', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'the database password');
    const withApp = await startTestServer({ appDir: join(root, 'dist') });
    try {
      const get = (path: string) =>
        new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          // node:http sends the path as written (fetch would resolve the dots first).
          httpGet({ host: '127.0.0.1', port: withApp.port, path }, (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
          }).on('error', reject);
        });
      expect(await get('/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
      for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt'])
        expect(await get(path), path).toMatchObject({ status: 200, body: '<!doctype html><title>app</title>' });
    } finally {
      await withApp.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('rate limits', () => {
  it('a session sending faster than its limit gets 429 with Retry-After, and the refused command writes nothing', async () => {
    const limited = await startTestServer({
      rateLimits: {
        perAddress: { perSecond: 1000, burst: 1000 },
        joinsPerAddress: { perSecond: 100, burst: 100 },
        perSession: { perSecond: 0.2, burst: 3 },
      },
    });
    try {
      const joined = (await call<JoinResponse>(`${limited.classUrl}/join`, { body: { name: 'Fast' } })).body;
      const statuses: number[] = [];
      let refused: Awaited<ReturnType<typeof call<ErrorBody>>> | undefined;
      for (let index = 0; index < 4; index += 1) {
        const answer = await call<ErrorBody>(`${limited.classUrl}/commands`, {
          token: joined.sessionToken,
          body: decideOrder(placeOrder(`fast-${index}`), [], `fast-${index}`),
        });
        statuses.push(answer.status);
        if (answer.status === 429) refused = answer;
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused!.body).toMatchObject({ error: 'TooManyRequests' });
      expect((await call<unknown[]>(`${limited.classUrl}/events`, { token: limited.instructorToken })).body).toHaveLength(3);
    } finally {
      await limited.stop();
    }
  });

  it('joins from one address beyond their limit get 429', async () => {
    const limited = await startTestServer({
      rateLimits: {
        perAddress: { perSecond: 1000, burst: 1000 },
        joinsPerAddress: { perSecond: 0.1, burst: 2 },
        perSession: { perSecond: 10, burst: 10 },
      },
    });
    try {
      const statuses = [];
      for (let index = 0; index < 3; index += 1)
        statuses.push((await call(`${limited.classUrl}/join`, { body: { name: `S${index}` } })).status);
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await limited.stop();
    }
  });
});
