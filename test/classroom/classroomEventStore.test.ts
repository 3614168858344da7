import { afterEach, describe, expect, it } from 'vitest';
import { createClassroomApi } from '../../src/classroom/classroomApi';
import { createClassroomEventStore, type Refusal } from '../../src/classroom/classroomEventStore';
import { createClassLog } from '../../src/classroom/classLog';
import { createOutbox } from '../../src/classroom/outbox';
import { createMemoryProjectionStore } from '../../src/projections/memoryProjectionStore';
import { createSimulator, workbookUpcasting } from '../../src/simulator/simulator';
import { classServer } from './support/classServer';

type Class = Awaited<ReturnType<typeof classServer>>;
const running: Class[] = [];
async function startClass(): Promise<Class> {
  const started = await classServer();
  running.push(started);
  return started;
}
/** The class's log as the server holds it (read with the instructor's token). */
const serverLog = (classroom: Class) => classroom.instructor.eventsAfter(0, 1000, classroom.server.instructorToken);
const serverStream = async (classroom: Class, streamId: string) =>
  (await serverLog(classroom)).filter((event) => event.streamId === streamId);
const pause = (classroom: Class, paused: boolean) => classroom.instructor.pause(classroom.server.instructorToken, paused);
afterEach(async () => {
  for (const started of running.splice(0)) await started.server.stop();
});

const order = {
  orderId: 'o-1',
  customerId: 'c-1',
  customerEmail: 'ada@example.com',
  items: [{ product: 'Laptop', quantity: 1, unitPrice: 1000 }],
};

/** One student's browser: its copy of the class log, its outbox (in a Map standing for localStorage), its simulator. */
async function student(classroom: Class, name: string) {
  const api = createClassroomApi({ server: classroom.server.url, code: classroom.server.classCode, fetch: classroom.fetch });
  const { sessionToken } = await api.join(name);
  const saved = new Map<string, string>();
  const storage = {
    getItem: (key: string) => saved.get(key) ?? null,
    setItem: (key: string, value: string) => void saved.set(key, value),
    removeItem: (key: string) => void saved.delete(key),
  };
  const outbox = createOutbox(storage, `outbox-${name}`);
  const refusals: Refusal[] = [];
  const reachability: boolean[] = [];
  const store = createClassroomEventStore({
    api,
    sessionToken,
    log: createClassLog(),
    outbox,
    upcasting: workbookUpcasting,
    onRefused: (refusal) => refusals.push(refusal),
    onReachable: (reachable) => reachability.push(reachable),
  });
  await store.catchUp();
  const simulator = await createSimulator({ store, projectionStore: createMemoryProjectionStore(), personalData: 'plain' });
  return { store, simulator, outbox, saved, refusals, reachability };
}

describe('the classroom event store', { timeout: 30_000 }, () => {
  it('records on the server: another student reads the same events, in the same order, with personal fields as typed', async () => {
    const server = await startClass();
    const ada = await student(server, 'Ada');
    const bob = await student(server, 'Bob');
    expect(await ada.simulator.execute('PlaceOrder', order)).toMatchObject({ ok: true, streamId: 'order-o-1' });
    expect(await ada.simulator.execute('ConfirmOrder', { orderId: 'o-1' })).toMatchObject({ ok: true });

    await bob.store.catchUp();
    const onServer = await serverLog(server);
    expect((await bob.store.readAll()).map((event) => event.eventId)).toEqual(onServer.map((event) => event.eventId));
    expect(onServer.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderConfirmed']);
    expect((onServer[0]!.data as { customerEmail: string }).customerEmail).toBe('ada@example.com');
    await bob.simulator.projector.whenCaughtUp();
    expect(await bob.simulator.queries.orderById('o-1')).toMatchObject({ status: 'confirmed' });
  });

  it('two students decide on the same version: the second gets the ConcurrencyError, and a retry decides on the winner', async () => {
    const server = await startClass();
    const ada = await student(server, 'Ada');
    const bob = await student(server, 'Bob');
    await ada.simulator.execute('PlaceOrder', order);
    await bob.store.catchUp();

    expect(await ada.simulator.execute('ConfirmOrder', { orderId: 'o-1' }, { expectedVersion: 1 })).toMatchObject({ ok: true });
    const lost = await bob.simulator.execute('CancelOrder', { orderId: 'o-1', reason: 'Bob cancels' }, { expectedVersion: 1 });
    expect(lost).toMatchObject({ ok: false, kind: 'conflict' });
    expect(lost.ok ? '' : lost.message).toBe('Stream order-o-1 is at version 2, but the command expected version 1.');
    // The refusal brought Bob's copy up to date: deciding again on version 2 is accepted.
    expect(await bob.store.streamVersion('order-o-1')).toBe(2);
    expect(await bob.simulator.execute('CancelOrder', { orderId: 'o-1', reason: 'Bob cancels' }, { expectedVersion: 2 })).toMatchObject({ ok: true });
    expect((await serverStream(server, 'order-o-1')).map((event) => event.type)).toEqual(['OrderPlaced', 'OrderConfirmed', 'OrderCancelled']);
  });

  it('a copy that missed an event is refused by the server, reads what it missed and retries on its own', async () => {
    const server = await startClass();
    const ada = await student(server, 'Ada');
    const bob = await student(server, 'Bob');
    await ada.simulator.execute('PlaceOrder', order);
    await bob.store.catchUp();
    await ada.simulator.execute('ConfirmOrder', { orderId: 'o-1' });
    // Bob has not heard of the confirmation: his append at version 1 conflicts, the store catches up, the retry wins.
    const sentBefore = server.network.commands;
    expect(await bob.simulator.execute('CancelOrder', { orderId: 'o-1', reason: 'Bob cancels' })).toMatchObject({ ok: true });
    expect(server.network.commands - sentBefore).toBe(2);
    const stream = await serverStream(server, 'order-o-1');
    expect(stream.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderConfirmed', 'OrderCancelled']);
    expect(stream[2]!.data).toMatchObject({ previousStatus: 'confirmed' });
  });

  it('offline: commands wait in a persisted outbox and are sent in order when the server is back', async () => {
    const server = await startClass();
    const ada = await student(server, 'Ada');
    await ada.simulator.execute('PlaceOrder', order);
    // Flushing an empty outbox (as on every reconnect) must not stop a later flush from sending.
    await ada.store.flushOutbox();
    server.network.cut = true;

    const waiting = await ada.simulator.execute('PlaceOrder', { ...order, orderId: 'o-2' });
    expect(waiting).toMatchObject({ ok: false, kind: 'storage' });
    expect(waiting.ok ? '' : waiting.message).toMatch(/PlaceOrder on order-o-2 waits in your outbox \(1 waiting\)/);
    await ada.simulator.execute('PlaceOrder', { ...order, orderId: 'o-3' });
    expect(ada.outbox.size).toBe(2);
    expect(JSON.parse([...ada.saved.values()][0]!).map((entry: { label: string }) => entry.label)).toEqual([
      'PlaceOrder on order-o-2',
      'PlaceOrder on order-o-3',
    ]);
    expect(ada.reachability.at(-1)).toBe(false);
    expect((await serverLog(server)).map((event) => event.streamId)).toEqual(['order-o-1']);

    await ada.store.flushOutbox();
    expect(ada.outbox.size).toBe(2);
    server.network.cut = false;
    await ada.store.flushOutbox();
    expect(ada.outbox.size).toBe(0);
    expect(ada.saved.size).toBe(0);
    expect((await serverLog(server)).map((event) => event.streamId)).toEqual(['order-o-1', 'order-o-2', 'order-o-3']);
    expect((await ada.store.readAll()).map((event) => event.streamId)).toEqual(['order-o-1', 'order-o-2', 'order-o-3']);
    expect(ada.refusals).toEqual([]);
  });

  it('a waiting command the server then refuses is explained: which command, and why', async () => {
    const server = await startClass();
    const ada = await student(server, 'Ada');
    const bob = await student(server, 'Bob');
    await ada.simulator.execute('PlaceOrder', order);
    await bob.store.catchUp();
    server.network.cut = true;
    await bob.simulator.execute('ConfirmOrder', { orderId: 'o-1' });
    server.network.cut = false;
    await ada.simulator.execute('CancelOrder', { orderId: 'o-1', reason: 'Ada cancels' });

    await bob.store.flushOutbox();
    expect(bob.refusals).toEqual([
      {
        label: 'ConfirmOrder on order-o-1',
        reason: 'conflict',
        message:
          'ConfirmOrder on order-o-1 was not recorded: someone else changed order-o-1 first (it was at version 2, your command was decided on version 1). Look at the order again and send a new command.',
      },
    ]);
    expect(bob.outbox.size).toBe(0);

    server.network.cut = true;
    await bob.simulator.execute('PlaceOrder', { ...order, orderId: 'o-9' });
    server.network.cut = false;
    await pause(server, true);
    await bob.store.flushOutbox();
    expect(bob.refusals.at(-1)).toMatchObject({ label: 'PlaceOrder on order-o-9', reason: 'paused' });
    expect(bob.refusals.at(-1)?.message).toMatch(/the instructor had paused the class/);
  });

  it('a paused class refuses a command with the pause explained, and nothing is recorded', async () => {
    const server = await startClass();
    const ada = await student(server, 'Ada');
    await pause(server, true);
    const refused = await ada.simulator.execute('PlaceOrder', order);
    expect(refused).toMatchObject({ ok: false, kind: 'storage', message: 'The instructor has paused the class: nothing is recorded until they resume it.' });
    expect((await serverLog(server)).length).toBe(0);
    expect(ada.outbox.size).toBe(0);
  });

  it('the class log cannot be cleared from a student browser', async () => {
    const server = await startClass();
    const ada = await student(server, 'Ada');
    await ada.simulator.execute('PlaceOrder', order);
    await expect(ada.store.clear()).rejects.toThrow(/only the instructor can reset it/);
    expect((await serverLog(server)).length).toBe(1);
  });
});
