import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import type { JoinResponse } from '../../../src/classroom/protocol';
import type { RecordedEvent } from '../../../src/eventStore/types';
import { decideOrder, placeOrder } from './support/browserSide';
import { call } from './support/testServer';

const dir = mkdtempSync(join(tmpdir(), 'classroom-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run classroom` as an instructor runs it, until it has printed its address, class code and token. */
async function startCli(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/classroom/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const printed: Record<string, string> = {};
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /^\s*(open|class code|instructor token):\s+(\S+)/.exec(line);
    if (match) printed[match[1]!] = match[2]!;
    if (printed['instructor token']) break;
  }
  return {
    url: printed.open!,
    classCode: printed['class code']!,
    instructorToken: printed['instructor token']!,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

it('prints the address, class code and instructor token; a restart on the same file keeps the class and its log', { timeout: 60_000 }, async () => {
  const args = ['--no-app', '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'class.sqlite')];
  const first = await startCli(...args);
  let code: string;
  try {
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.classCode).toMatch(/^[A-Z2-9]{12}$/);
    code = first.classCode;
    const student = (await call<JoinResponse>(`${first.url}/api/classes/${code}/join`, { body: { name: 'Ada' } })).body;
    const placed = await call(`${first.url}/api/classes/${code}/commands`, {
      token: student.sessionToken,
      body: decideOrder(placeOrder('kept'), [], 'kept'),
    });
    expect(placed.status).toBe(200);
  } finally {
    expect(await first.stop()).toBe(0);
  }
  const second = await startCli(...args);
  try {
    expect([second.classCode, second.instructorToken]).toEqual([first.classCode, first.instructorToken]);
    const log = await call<RecordedEvent[]>(`${second.url}/api/classes/${code}/events`, { token: second.instructorToken });
    expect(log.body.map((event) => event.eventId)).toEqual(['kept:0']);
  } finally {
    await second.stop();
  }
});

it('refuses an unknown option, saying which', { timeout: 60_000 }, async () => {
  const args = ['--no-app', '--port', '0', '--db', join(dir, 'other.sqlite'), '--prot', '80'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/classroom/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A server that starts anyway prints its address: the test fails then rather than waiting.
  const started = new Promise<string>((resolve) => child.stdout!.once('data', () => resolve('started')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    expect(await Promise.race([exited, started])).toBe(2);
    expect(stderr).toMatch(/Unknown option --prot/);
  } finally {
    child.kill('SIGTERM');
  }
});
