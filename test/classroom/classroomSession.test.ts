import { afterEach, describe, expect, it } from 'vitest';
import type { EventSourceLike } from '../../src/classroom/classConnection';
import { createClassroom, type ClassroomView } from '../../src/classroom/classroomSession';
import { sessionKey } from '../../src/classroom/classroomLimits';
import { workbookUpcasting, type WorkbookSimulator } from '../../src/simulator/simulator';
import { createClassSimulator, createMemorySimulator } from '../../src/simulator/memorySimulators';
import { classServer } from './support/classServer';

type Class = Awaited<ReturnType<typeof classServer>>;
const running: Class[] = [];
const leaveAll: (() => void)[] = [];
async function startClass(): Promise<Class> {
  const started = await classServer();
  running.push(started);
  return started;
}
afterEach(async () => {
  for (const leave of leaveAll.splice(0)) leave();
  for (const started of running.splice(0)) await started.server.stop();
});

/** The server's stream as the test drives it: open it, deliver a message, see which address it was opened at. */
class DrivenEventSource implements EventSourceLike {
  static opened: DrivenEventSource[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    DrivenEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
  close() {
    this.readyState = 2;
  }
}

const order = { orderId: 'o-1', customerId: 'c-1', customerEmail: 'ada@example.com', items: [{ product: 'Pen', quantity: 1, unitPrice: 2 }] };

async function browser(server: Class) {
  const own = await createMemorySimulator();
  const saved = new Map<string, string>();
  let shown: WorkbookSimulator = own;
  const views: ClassroomView[] = [];
  const classroom = createClassroom({
    ownSimulator: own,
    createSimulator: createClassSimulator,
    upcasting: workbookUpcasting,
    show: (simulator) => {
      shown = simulator;
    },
    storage: {
      getItem: (key) => saved.get(key) ?? null,
      setItem: (key, value) => void saved.set(key, value),
      removeItem: (key) => void saved.delete(key),
    },
    origin: server.server.url,
    fetch: server.fetch,
    openEventSource: (url) => new DrivenEventSource(url),
    retryEveryMs: 60_000,
  });
  classroom.onChange((view) => views.push(view));
  leaveAll.push(() => classroom.view().phase === 'joined' && classroom.leave());
  return { own, saved, classroom, views, shown: () => shown };
}

describe('joining and leaving a class', { timeout: 30_000 }, () => {
  it('refuses a wrong code, a refused name, an unreachable server and another origin, each in words, and stays on the own store', async () => {
    const server = await startClass();
    const url = server.server.url;
    const { classroom, own, shown, saved } = await browser(server);
    const join = (form: Partial<{ code: string; name: string; server: string }>) =>
      classroom.join({ code: server.server.classCode, name: 'Bob', server: url, ...form });

    await expect(join({ code: 'NOPE42' })).rejects.toThrow(`There is no class NOPE42 on ${url}. Check the code your instructor gave.`);
    await expect(join({ code: '<script>' })).rejects.toThrow(/A class code is 3 to 32 letters or digits/);
    await expect(join({ name: 'Ada\u0007' })).rejects.toMatchObject({ kind: 'nameRefused' });
    await expect(join({ name: '   ' })).rejects.toThrow('Type the name the class will see you by.');
    await expect(join({ server: 'http://elsewhere.test:8080' })).rejects.toThrow(`may only talk to the address it was opened from (${url})`);
    await expect(join({ server: 'javascript:alert(1)' })).rejects.toThrow(/must start with http:\/\/ or https:\/\//);
    server.network.cut = true;
    await expect(join({})).rejects.toThrow(`The class server at ${url} cannot be reached`);

    expect(classroom.view()).toEqual({ phase: 'own' });
    expect(shown()).toBe(own);
    expect(saved.size).toBe(0);
    expect((await server.instructor.instructor(server.server.instructorToken)).students).toEqual([]);
  });

  it('joins: the screens read the class log, the stream feeds it, progress is reported, and leaving returns to the own store untouched', async () => {
    const server = await startClass();
    const { classroom, own, shown, saved } = await browser(server);
    await own.execute('PlaceOrder', { ...order, orderId: 'mine-1' });
    await own.execute('PlaceOrder', { ...order, orderId: 'mine-2' });
    const ownBefore = (await own.store.readAll()).map((event) => event.eventId);

    await classroom.join({ code: server.server.classCode.toLowerCase(), name: 'Ada', server: '' });
    expect(classroom.view()).toMatchObject({ phase: 'joined', code: server.server.classCode, name: 'Ada', server: server.server.url, waiting: 0 });
    const session = JSON.parse(saved.get(sessionKey)!) as { sessionToken: string };
    expect(session).toMatchObject({ code: server.server.classCode, name: 'Ada' });
    const inClass = shown();
    expect(inClass).not.toBe(own);
    expect(await inClass.execute('PlaceOrder', order)).toMatchObject({ ok: true });

    // Another student's command reaches this browser through the stream.
    const source = DrivenEventSource.opened.at(-1)!;
    expect(source.url).toBe(`${server.server.url}/api/classes/${server.server.classCode}/stream?token=${session.sessionToken}&after=0`);
    source.open();
    expect(classroom.view()).toMatchObject({ connection: 'connected' });
    const bob = await browser(server);
    await bob.classroom.join({ code: server.server.classCode, name: 'Bob', server: server.server.url });
    expect(await bob.shown().execute('PlaceOrder', { ...order, orderId: 'o-2' })).toMatchObject({ ok: true });
    const [bobsEvent] = await server.instructor.eventsAfter(1, 1, server.server.instructorToken);
    expect(bobsEvent).toMatchObject({ globalPosition: 2, streamId: 'order-o-2' });
    source.emit('appended', JSON.stringify(bobsEvent));
    await expect.poll(async () => (await inClass.store.readAll()).map((event) => event.streamId)).toEqual(['order-o-1', 'order-o-2']);
    await inClass.projector.whenCaughtUp();
    await expect
      .poll(async () => (await server.instructor.instructor(server.server.instructorToken)).students.find((student) => student.name === 'Ada')?.checkpoint)
      .toBe(2);

    source.emit('paused', JSON.stringify({ paused: true }));
    expect(classroom.view()).toMatchObject({ paused: true });

    classroom.leave();
    expect(classroom.view()).toEqual({ phase: 'own' });
    expect(shown()).toBe(own);
    expect(source.readyState).toBe(2);
    expect(saved.has(sessionKey)).toBe(false);
    const ownAfter = await own.store.readAll();
    expect(ownAfter.map((event) => event.eventId)).toEqual(ownBefore);
    expect(ownAfter.map((event) => event.streamId)).toEqual(['order-mine-1', 'order-mine-2']);
  });

  it('after a reload with the server out of reach, the class opens offline with the waiting commands', async () => {
    const server = await startClass();
    const first = await browser(server);
    await first.classroom.join({ code: server.server.classCode, name: 'Ada', server: server.server.url });
    server.network.cut = true;
    const outcome = await first.shown().execute('PlaceOrder', order);
    expect(outcome.ok ? '' : outcome.message).toMatch(/waits in your outbox/);
    expect(first.classroom.view()).toMatchObject({ waiting: 1, connection: 'offline' });

    // The same browser storage, a new page.
    const again = await browser(server);
    for (const [key, value] of first.saved) again.saved.set(key, value);
    expect(await again.classroom.restore()).toBeUndefined();
    expect(again.classroom.view()).toMatchObject({ phase: 'joined', name: 'Ada', waiting: 1, connection: 'offline' });

    server.network.cut = false;
    DrivenEventSource.opened.at(-1)!.open();
    await expect.poll(() => again.classroom.view()).toMatchObject({ waiting: 0, connection: 'connected' });
    expect((await server.instructor.eventsAfter(0, 10, server.server.instructorToken)).map((event) => event.streamId)).toEqual(['order-o-1']);
  });

  it('the instructor resets the class: the copy and the read models start again from the empty log; a replay rebuilds one projection', async () => {
    const server = await startClass();
    const { classroom, shown } = await browser(server);
    await classroom.join({ code: server.server.classCode, name: 'Ada', server: server.server.url });
    const before = shown();
    expect(await before.execute('PlaceOrder', order)).toMatchObject({ ok: true });
    await before.projector.whenCaughtUp();
    expect(await before.queries.orderById('o-1')).toMatchObject({ status: 'pending' });
    const source = DrivenEventSource.opened.at(-1)!;
    source.open();

    await server.instructor.reset(server.server.instructorToken, server.server.classCode);
    source.emit('reset', JSON.stringify({ headPosition: 0 }));
    await expect.poll(() => shown()).not.toBe(before);
    const after = shown();
    expect(await after.store.readAll()).toEqual([]);
    await after.projector.whenCaughtUp();
    expect(await after.queries.orderById('o-1')).toBeUndefined();

    // The class goes on from position 1, and a replay asked by the instructor rebuilds that read model here.
    expect(await after.execute('PlaceOrder', { ...order, orderId: 'o-2' })).toMatchObject({ ok: true });
    expect((await after.store.readAll()).map((event) => [event.globalPosition, event.streamId])).toEqual([[1, 'order-o-2']]);
    let rebuilt = false;
    after.projector.onChange((status) => {
      if (status.projections.some((projection) => projection.name === 'orders' && projection.status === 'rebuilding')) rebuilt = true;
    });
    source.emit('replay', JSON.stringify({ projection: 'orders' }));
    await expect.poll(() => rebuilt).toBe(true);
    await after.projector.whenCaughtUp();
    expect(await after.queries.orderById('o-2')).toMatchObject({ status: 'pending' });
  });
});
