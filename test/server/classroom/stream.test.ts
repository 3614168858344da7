import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResponse, ErrorBody, InstructorView, JoinResponse } from '../../../src/classroom/protocol';
import { ConcurrencyError } from '../../../src/eventStore/errors';
import type { RecordedEvent } from '../../../src/eventStore/types';
import { call, startTestServer, type TestServer } from './support/testServer';
import { openEventStream, type SseMessage } from './support/sseClient';
import { decideOrder, placeOrder } from './support/browserSide';

let server: TestServer;
let ada: JoinResponse;
let bob: JoinResponse;

beforeAll(async () => {
  // An hour's window for the rates: every command of this file counts, however slowly the machine runs it.
  server = await startTestServer({ classrooms: { heartbeatMs: 200, rateWindowSeconds: 3600 } });
  ada = (await call<JoinResponse>(`${server.classUrl}/join`, { body: { name: 'Ada' } })).body;
  bob = (await call<JoinResponse>(`${server.classUrl}/join`, { body: { name: 'Bob' } })).body;
});
afterAll(() => server.stop());

const send = (token: string, body: unknown) => call<CommandResponse & ErrorBody>(`${server.classUrl}/commands`, { token, body });
const appended = (messages: readonly SseMessage[]) =>
  messages.filter((message) => message.event === 'appended').map((message) => JSON.parse(message.data) as RecordedEvent);
const log = async () => (await call<RecordedEvent[]>(`${server.classUrl}/events`, { token: ada.sessionToken })).body;

describe('commands', () => {
  it('a stale expected version is a 409 with the event store’s own message, and nothing is written', async () => {
    const first = await send(ada.sessionToken, decideOrder(placeOrder('shared'), [], 'ada-1'));
    expect(first.status).toBe(200);
    const before = await log();
    // Bob decided on the empty stream too: his PlaceOrder is stale.
    const stale = await send(bob.sessionToken, decideOrder(placeOrder('shared'), [], 'bob-1'));
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      error: 'ConcurrencyError',
      message: new ConcurrencyError('order-shared', 'noStream', 1).message,
      streamId: 'order-shared',
      expected: 'noStream',
      actual: 1,
    });
    expect(await log()).toEqual(before);
  });

  it('a retry of a recorded command is answered with the events recorded the first time, written once', async () => {
    const request = decideOrder({ type: 'ConfirmOrder', data: { orderId: 'shared', at: new Date().toISOString() } }, await log(), 'ada-2');
    const first = await send(ada.sessionToken, request);
    const retry = await send(ada.sessionToken, request);
    expect(first.body.alreadyRecorded).toBe(false);
    expect(retry.status).toBe(200);
    expect(retry.body.alreadyRecorded).toBe(true);
    expect(retry.body.events).toEqual(first.body.events);
    expect((await log()).filter((event) => event.eventId === 'ada-2:0')).toHaveLength(1);
  });
});

describe('the event stream', () => {
  it('sends each event once, in order, from where the browser says it is, then live', async () => {
    const before = await log();
    const stream = openEventStream(`${server.classUrl}/stream?token=${bob.sessionToken}&after=1`);
    try {
      await stream.until((messages) => appended(messages).length === before.length - 1);
      const next = await send(ada.sessionToken, decideOrder(placeOrder('live'), [], 'ada-3'));
      expect(next.status).toBe(200);
      await stream.until((messages) => appended(messages).length === before.length);
      const received = appended(stream.messages);
      expect(received.map((event) => event.globalPosition)).toEqual(before.map((event) => event.globalPosition + 1));
      expect(received.at(-1)).toEqual(next.body.events[0]);
      expect(stream.messages.filter((message) => message.event === 'appended').map((message) => message.id)).toEqual(
        received.map((event) => String(event.globalPosition)),
      );
    } finally {
      await stream.close();
    }
  });

  it('resumes after Last-Event-ID', async () => {
    const all = await log();
    const stream = openEventStream(`${server.classUrl}/stream?token=${ada.sessionToken}`, { 'Last-Event-ID': String(all.length - 1) });
    try {
      await stream.until((messages) => appended(messages).length === 1);
      expect(appended(stream.messages)).toEqual([all.at(-1)]);
    } finally {
      await stream.close();
    }
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const stream = openEventStream(`${server.classUrl}/stream?token=${ada.sessionToken}&after=${(await log()).length}`);
    try {
      await stream.until(() => stream.comments.includes('heartbeat'));
    } finally {
      await stream.close();
    }
  });

  it('refuses a stream without a session of this class', async () => {
    const stream = openEventStream(`${server.classUrl}/stream?token=nobody`);
    await expect(stream.until(() => false)).rejects.toThrow(/401/);
    await stream.close();
  });
});

describe('the instructor', () => {
  it('pauses (commands 423, browsers told) and resumes the class', async () => {
    const stream = openEventStream(`${server.classUrl}/stream?token=${ada.sessionToken}&after=${(await log()).length}`);
    try {
      const paused = await call(`${server.classUrl}/pause`, { token: server.instructorToken, body: { paused: true } });
      expect(paused.status).toBe(200);
      await stream.until((messages) => messages.some((message) => message.event === 'paused'));
      const refused = await send(ada.sessionToken, decideOrder(placeOrder('while-paused'), [], 'ada-paused'));
      expect(refused.status).toBe(423);
      expect(refused.body.error).toBe('Paused');
      await call(`${server.classUrl}/pause`, { token: server.instructorToken, body: { paused: false } });
      await stream.until((messages) => messages.some((message) => message.event === 'resumed'));
      expect((await send(ada.sessionToken, decideOrder(placeOrder('while-paused'), [], 'ada-paused'))).status).toBe(200);
    } finally {
      await stream.close();
    }
  });

  it('asks browsers to rebuild a projection', async () => {
    const stream = openEventStream(`${server.classUrl}/stream?token=${bob.sessionToken}&after=${(await log()).length}`);
    try {
      expect((await call(`${server.classUrl}/projections/orders/replay`, { token: server.instructorToken, body: {} })).status).toBe(200);
      await stream.until((messages) => messages.some((message) => message.event === 'replay'));
      expect(JSON.parse(stream.messages.find((message) => message.event === 'replay')!.data)).toEqual({ projection: 'orders' });
      const bad = await call(`${server.classUrl}/projections/${encodeURIComponent('<script>')}/replay`, { token: server.instructorToken, body: {} });
      expect(bad.status).toBe(422);
    } finally {
      await stream.close();
    }
  });

  it('sees each student, connected or not, their checkpoint and lag', async () => {
    const head = (await log()).length;
    expect((await call(`${server.classUrl}/progress`, { token: bob.sessionToken, body: { checkpoint: head - 2 } })).status).toBe(200);
    expect((await call(`${server.classUrl}/progress`, { token: bob.sessionToken, body: { checkpoint: -1 } })).status).toBe(422);
    const stream = openEventStream(`${server.classUrl}/stream?token=${bob.sessionToken}&after=${head}`);
    try {
      await stream.until(() => stream.status === 200);
      const view = (await call<InstructorView>(`${server.classUrl}/instructor`, { token: server.instructorToken })).body;
      expect(view.headPosition).toBe(head);
      expect(view.students.find((row) => row.name === 'Bob')).toMatchObject({ connected: true, checkpoint: head - 2, lag: 2 });
      const commands = new Set((await log()).map((event) => event.metadata.commandId));
      expect(view.rateWindowSeconds).toBe(3600);
      expect(Math.round(view.commandsPerSecond * 3600)).toBe(commands.size);
      // One 409 so far: Bob's stale PlaceOrder in the first test.
      expect(Math.round(view.conflictsPerSecond * 3600)).toBe(1);
    } finally {
      await stream.close();
    }
  });

  it('resets the class: the log is empty, browsers are told, and new events start again at 1', async () => {
    const stream = openEventStream(`${server.classUrl}/stream?token=${ada.sessionToken}&after=${(await log()).length}`);
    try {
      await stream.until(() => stream.status === 200);
      const reset = await call(`${server.classUrl}/reset`, { token: server.instructorToken, body: { confirm: server.classCode } });
      expect(reset.status).toBe(200);
      await stream.until((messages) => messages.some((message) => message.event === 'reset'));
      expect(await log()).toEqual([]);
      const again = await send(ada.sessionToken, decideOrder(placeOrder('shared'), [], 'after-reset'));
      expect(again.status).toBe(200);
      expect(again.body.events[0]).toMatchObject({ globalPosition: 1, streamPosition: 1 });
      await stream.until((messages) => appended(messages).some((event) => event.eventId === 'after-reset:0'));
      expect(appended(stream.messages).at(-1)!.globalPosition).toBe(1);
    } finally {
      await stream.close();
    }
  });
});
