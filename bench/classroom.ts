import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { appendToStream as appendToSqlite, createEventStoreSchema, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import type { CommandResponse, JoinResponse } from '../src/classroom/protocol';
import { compareThroughput, compareTime, type BenchResult } from '../src/performance/benchResult';
import type { RecordedEvent } from '../src/eventStore/types';
import { decideOrder, placeOrder } from '../test/server/classroom/support/browserSide';
import { openEventStream } from '../test/server/classroom/support/sseClient';
import { call } from '../test/server/classroom/support/testServer';

/**
 * The classroom server (`npm run classroom`) under a class of simulated students, against Emmett's own
 * `appendToStream` on the same database in the same run:
 * - commands/s: S students, each in its own loop over its own orders (PlaceOrder, then status changes), over HTTP,
 *   the server in a process of its own; every command is validated, re-decided by the domain and appended with one
 *   event, so the baseline is one-event appends by Emmett's `appendToStream` with an expected version, as many
 *   writers at once as the database allows (SQLite: one connection, one after another; PostgreSQL: 32);
 * - lag: how long after a command's 200 an SSE client of the class receives its event (median and 95th percentile),
 *   against the mean time of one of Emmett's appends.
 */
export async function benchClassroom(quick: boolean): Promise<BenchResult[]> {
  const students = 500;
  const commandsEach = quick ? 2 : 6;
  const results: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'classroom-bench-'));
  try {
    const databases: [string, string][] = [['SQLite', `sqlite:${join(dir, 'classroom.sqlite')}`]];
    if (process.env.CLASSROOM_PG_URL) databases.push(['PostgreSQL', process.env.CLASSROOM_PG_URL]);
    for (const [name, target] of databases) {
      const appends = students * commandsEach;
      const emmett =
        name === 'SQLite' ? await emmettSqliteAppends(join(dir, 'emmett.sqlite'), appends) : await emmettPostgresAppends(target, appends);
      const measured = await classOfStudents(target, students, commandsEach);
      results.push(
        compareThroughput(
          `classroom server on ${name}: ${students} students × ${commandsEach} commands over HTTP`,
          'commands/s',
          measured.commandsPerSecond,
          `Emmett's appendToStream, one event each (${emmett.writers} writer${emmett.writers > 1 ? 's' : ''})`,
          emmett.appendsPerSecond,
        ),
        compareTime(`classroom on ${name}: SSE lag after a command's answer, median`, measured.lagMedianMs, "one of Emmett's appends (mean)", emmett.meanAppendMs),
        compareTime(`classroom on ${name}: SSE lag, 95th percentile`, measured.lagP95Ms, "one of Emmett's appends (mean)", emmett.meanAppendMs),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

type EmmettFigures = { readonly appendsPerSecond: number; readonly meanAppendMs: number; readonly writers: number };

async function emmettSqliteAppends(file: string, appends: number): Promise<EmmettFigures> {
  const connection = sqliteConnection({ fileName: file });
  await connection.command('PRAGMA synchronous = NORMAL'); // as the classroom server runs it
  await createEventStoreSchema(connection);
  const started = performance.now();
  for (let index = 0; index < appends; index += 1)
    await appendToSqlite(connection, `order-${index % 1000}`, 'order', [{ type: 'OrderStatusSet', data: { index } }], {
      expectedStreamVersion: BigInt(Math.floor(index / 1000)),
    });
  const ms = performance.now() - started;
  connection.close();
  return { appendsPerSecond: appends / (ms / 1000), meanAppendMs: ms / appends, writers: 1 };
}

async function emmettPostgresAppends(url: string, appends: number): Promise<EmmettFigures> {
  const store = getPostgreSQLEventStore(url);
  const writers = 32;
  const run = `bench-${Date.now()}`;
  await store.appendToStream(`${run}-warmup`, [{ type: 'Warmup', data: {} }]);
  const started = performance.now();
  let total = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = writer, version = 0n; index < appends; index += writers, version += 1n) {
        const t = performance.now();
        await store.appendToStream(`${run}-order-${writer}`, [{ type: 'OrderStatusSet', data: { index } }], { expectedStreamVersion: version });
        total += performance.now() - t;
      }
    }),
  );
  const ms = performance.now() - started;
  await store.close();
  return { appendsPerSecond: appends / (ms / 1000), meanAppendMs: total / appends, writers };
}

async function classOfStudents(target: string, students: number, commandsEach: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/classroomServer.ts', target], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
    if (first.done) throw new Error('the classroom server exited before it listened');
    const server = JSON.parse(first.value as string) as { url: string; classCode: string; instructorToken: string };
    const classUrl = `${server.url}/api/classes/${server.classCode}`;
    const watcher = openEventStream(`${classUrl}/stream?token=${server.instructorToken}`);
    const joined: JoinResponse[] = [];
    for (let start = 0; start < students; start += 50)
      joined.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, students - start) }, async (_, index) => {
            const answer = await call<JoinResponse>(`${classUrl}/join`, { body: { name: `student ${start + index}` } });
            if (answer.status !== 201) throw new Error(`join answered ${answer.status}`);
            return answer.body;
          }),
        )),
      );
    const acceptedAt = new Map<string, number>();
    const statuses = ['confirmed', 'processing', 'shipped', 'delivered', 'pending'] as const;
    const started = performance.now();
    await Promise.all(
      joined.map(async (student, number) => {
        const orderId = `bench-${number}`;
        const stream: RecordedEvent[] = [];
        for (let index = 0; index < commandsEach; index += 1) {
          const command =
            index === 0
              ? placeOrder(orderId)
              : ({ type: 'SetOrderStatus', data: { orderId, status: statuses[index % statuses.length]!, at: new Date().toISOString() } } as const);
          const answer = await call<CommandResponse>(`${classUrl}/commands`, {
            token: student.sessionToken,
            body: decideOrder(command, stream, `${orderId}-${index}`),
          });
          if (answer.status !== 200) throw new Error(`a command answered ${answer.status}: ${JSON.stringify(answer.body)}`);
          const now = performance.now();
          for (const event of answer.body.events) acceptedAt.set(event.eventId, now);
          stream.push(...answer.body.events);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = students * commandsEach;
    await watcher.until((messages) => messages.filter((message) => message.event === 'appended').length >= total);
    await watcher.close();
    const lags = watcher.messages
      .filter((message) => message.event === 'appended')
      .map((message) => Math.max(0, message.at - acceptedAt.get((JSON.parse(message.data) as RecordedEvent).eventId)!))
      .sort((a, b) => a - b);
    return {
      commandsPerSecond: total / seconds,
      lagMedianMs: lags[Math.floor(lags.length / 2)]!,
      lagP95Ms: lags[Math.floor(lags.length * 0.95)]!,
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
