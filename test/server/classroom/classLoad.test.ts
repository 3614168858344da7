import { afterAll, expect, it } from 'vitest';
import type { CommandResponse, JoinResponse } from '../../../src/classroom/protocol';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import type { EventStore, RecordedEvent } from '../../../src/eventStore/types';
import { workbookProjections } from '../../../src/projections/allProjections';
import { createMemoryProjectionStore } from '../../../src/projections/memoryProjectionStore';
import { createProjector } from '../../../src/projections/projector';
import { createClassRegistry } from '../../../server/classroom/store/classRegistry';
import { createEmmettEventStore } from '../../../server/classroom/store/emmettEventStore';
import { decideOrder, placeOrder } from './support/browserSide';
import { runStudent } from './support/simulatedStudent';
import { openEventStream } from './support/sseClient';
import { call, startTestServer, type TestServer } from './support/testServer';

const students = 30;
/**
 * 100 each is the issue's load: it passes, but took 52 s on the shared 2-core machine (load average 8–11): under
 * contention most attempts are 409s, and each costs a command and a catch-up. `npm test` runs 8 each: the same
 * thirty students at once on the same ten orders, so the same contention (every student's first command races
 * the others'), a twelfth of the length; CLASSROOM_LOAD_COMMANDS=100 runs the whole load, and the bench goes further.
 */
const commandsEach = Number(process.env.CLASSROOM_LOAD_COMMANDS ?? 8);
const orderIds = Array.from({ length: 10 }, (_, index) => `o-${index + 1}`);

const generous = {
  perAddress: { perSecond: 100_000, burst: 100_000 },
  joinsPerAddress: { perSecond: 1000, burst: 1000 },
  perSession: { perSecond: 100_000, burst: 100_000 },
};
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

/** Read models built by the project's projector from a log, as documents per projection. */
async function readModels(store: EventStore) {
  const projectionStore = createMemoryProjectionStore();
  const projector = createProjector({ store, projectionStore, projections: workbookProjections });
  await projector.start();
  await projector.whenCaughtUp();
  projector.stop();
  return Object.fromEntries(
    await Promise.all(workbookProjections.map(async (projection) => [projection.name, await projectionStore.listDocuments(projection.name)] as const)),
  );
}

/**
 * The class is served by every server in `classUrls` (one SQLite server, or several on one PostgreSQL): students
 * take them in turn, and the stream is watched on the last one.
 */
async function classLoad(server: TestServer, classUrls: readonly string[]) {
  const classUrl = classUrls[0]!;
  const teacher = (await call<JoinResponse>(`${classUrl}/join`, { body: { name: 'Teacher' } })).body;
  for (const orderId of orderIds) {
    const placed = await call<CommandResponse>(`${classUrl}/commands`, {
      token: teacher.sessionToken,
      body: decideOrder(placeOrder(orderId), [], `place-${orderId}`),
    });
    expect(placed.status).toBe(200);
  }
  const watcher = openEventStream(`${classUrls.at(-1)}/stream?token=${server.instructorToken}`);

  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const started = performance.now();
  const runs = await Promise.all(
    Array.from({ length: students }, (_, index) => runStudent(classUrls[index % classUrls.length]!, `student-${index}`, commandsEach, orderIds, random)),
  );
  const seconds = (performance.now() - started) / 1000;

  expect(runs.flatMap((run) => run.refusedOther)).toEqual([]);
  expect(runs.map((run) => run.accepted)).toEqual(Array(students).fill(commandsEach));
  const conflicts = runs.reduce((sum, run) => sum + run.conflicts, 0);
  expect(conflicts).toBeGreaterThan(0);

  const log = (await call<RecordedEvent[]>(`${classUrl}/events?limit=1000`, { token: server.instructorToken })).body;
  for (let after = log.length; after % 1000 === 0 && after > 0; after = log.length) {
    const more = (await call<RecordedEvent[]>(`${classUrl}/events?after=${after}&limit=1000`, { token: server.instructorToken })).body;
    if (more.length === 0) break;
    log.push(...more);
  }
  const total = students * commandsEach + orderIds.length;
  expect(log.map((event) => event.globalPosition)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
  const accepted = runs.flatMap((run) => run.acceptedEventIds);
  expect(new Set(log.map((event) => event.eventId)).size).toBe(total);
  expect(new Set(accepted).size).toBe(accepted.length);
  expect(log.map((event) => event.eventId).sort()).toEqual([...orderIds.map((orderId) => `place-${orderId}:0`), ...accepted].sort());
  for (const orderId of orderIds) {
    const stream = log.filter((event) => event.streamId === `order-${orderId}`);
    expect(stream.map((event) => event.streamPosition)).toEqual(Array.from({ length: stream.length }, (_, index) => index + 1));
  }

  // A browser's read models, built from what the stream sent, equal those built from the server's own log.
  await watcher.until((messages) => messages.filter((message) => message.event === 'appended').length >= total);
  await watcher.close();
  const sent = watcher.messages.filter((message) => message.event === 'appended').map((message) => JSON.parse(message.data) as RecordedEvent);
  expect(sent).toEqual(log);
  const browserStore = createMemoryEventStore();
  for (const event of sent)
    await browserStore.appendToStream(event.streamId, [
      { eventId: event.eventId, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata },
    ]);
  const serverStore = createEmmettEventStore(server.db, createClassRegistry(server.db).logKeys(server.classCode));
  const fromStream = await readModels(browserStore);
  const fromServer = await readModels(serverStore);
  expect(Object.values(fromServer.orders ?? []).length).toBe(orderIds.length);
  expect(fromStream).toEqual(fromServer);
  console.log(
    `classroom load (${server.db.kind}, ${classUrls.length} server(s)): ${students} students × ${commandsEach} commands in ${seconds.toFixed(1)} s ` +
      `(${((students * commandsEach) / seconds).toFixed(0)} accepted commands/s, ${conflicts} conflicts answered 409 and retried)`,
  );
}

const title = `${students} students × ${commandsEach} commands on ${orderIds.length} shared orders: every accepted event once, streams gapless, conflicts retried, SSE read models equal the server's`;

it(`${title} (SQLite)`, { timeout: 120_000 }, async () => {
  const server = await startTestServer({ rateLimits: generous });
  servers.push(server);
  await classLoad(server, [server.classUrl]);
});

const postgresUrl = process.env.CLASSROOM_PG_URL;
it.skipIf(!postgresUrl)(`${title} (two servers on one PostgreSQL)`, { timeout: 120_000 }, async () => {
  const first = await startTestServer({ database: { postgresUrl: postgresUrl! }, newClass: true, rateLimits: generous });
  servers.push(first);
  const second = await startTestServer({ database: { postgresUrl: postgresUrl! }, rateLimits: generous });
  servers.push(second);
  await classLoad(first, [first.classUrl, `${second.url}/api/classes/${first.classCode}`]);
});
