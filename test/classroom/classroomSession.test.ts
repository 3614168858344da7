import { describe, expect, it } from 'vitest';
import type { EventSourceLike } from '../../src/classroom/classConnection';
import { createClassroom, type ClassroomView } from '../../src/classroom/classroomSession';
import { sessionKey } from '../../src/classroom/classroomLimits';
import { createClassSimulator, createMemorySimulator, workbookUpcasting, type WorkbookSimulator } from '../../src/simulator/simulator';
import { classServerFetch } from './support/classServerFetch';

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

async function browser(server: ReturnType<typeof classServerFetch>) {
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
    origin: 'http://class.test',
    fetch: server.fetch,
    openEventSource: (url) => new DrivenEventSource(url),
    retryEveryMs: 60_000,
  });
  classroom.onChange((view) => views.push(view));
  return { own, saved, classroom, views, shown: () => shown };
}

describe('joining and leaving a class', () => {
  it('refuses a wrong code, a taken name, an unreachable server and another origin, each in words, and stays on the own store', async () => {
    const server = classServerFetch({ refusedNames: ['Ada'] });
    const { classroom, own, shown, saved } = await browser(server);
    const join = (form: Partial<{ code: string; name: string; server: string }>) =>
      classroom.join({ code: server.code, name: 'Bob', server: 'http://class.test', ...form });

    await expect(join({ code: 'NOPE42' })).rejects.toThrow('There is no class NOPE42 on http://class.test. Check the code your instructor gave.');
    await expect(join({ code: '<script>' })).rejects.toThrow(/A class code is 3 to 32 letters or digits/);
    await expect(join({ name: 'Ada' })).rejects.toThrow('name: Ada is not allowed in this class');
    await expect(join({ name: '   ' })).rejects.toThrow('Type the name the class will see you by.');
    await expect(join({ server: 'http://elsewhere.test:8080' })).rejects.toThrow(/may only talk to the address it was opened from \(http:\/\/class.test\)/);
    await expect(join({ server: 'javascript:alert(1)' })).rejects.toThrow(/must start with http:\/\/ or https:\/\//);
    server.state.reachable = false;
    await expect(join({})).rejects.toThrow(/The class server at http:\/\/class.test cannot be reached/);

    expect(classroom.view()).toEqual({ phase: 'own' });
    expect(shown()).toBe(own);
    expect(saved.size).toBe(0);
  });

  it('joins: the screens read the class log, the stream feeds it, and leaving returns to the own store untouched', async () => {
    const server = classServerFetch();
    const { classroom, own, shown, saved } = await browser(server);
    await own.execute('PlaceOrder', { ...order, orderId: 'mine-1' });
    await own.execute('PlaceOrder', { ...order, orderId: 'mine-2' });
    const ownBefore = (await own.store.readAll()).map((event) => event.eventId);

    await classroom.join({ code: server.code.toLowerCase(), name: 'Ada', server: '' });
    expect(classroom.view()).toMatchObject({ phase: 'joined', code: server.code, name: 'Ada', server: 'http://class.test', waiting: 0 });
    expect(JSON.parse(saved.get(sessionKey)!)).toMatchObject({ code: server.code, name: 'Ada', sessionToken: 'token-1' });
    const inClass = shown();
    expect(inClass).not.toBe(own);
    expect(await inClass.execute('PlaceOrder', order)).toMatchObject({ ok: true });

    // Another student's event reaches this browser through the stream.
    const source = DrivenEventSource.opened.at(-1)!;
    expect(source.url).toBe(`http://class.test/api/classes/${server.code}/stream?token=token-1&after=0`);
    source.open();
    expect(classroom.view()).toMatchObject({ connection: 'connected' });
    const other = await server.store.appendToStream('order-o-2', [
      { eventId: 'bob:0', type: 'OrderPlaced', schemaVersion: 2, data: { ...order, orderId: 'o-2', placedAt: '2026-01-01T00:00:00.000Z' } },
    ]);
    source.emit('appended', JSON.stringify(other.events[0]));
    await expect.poll(async () => (await inClass.store.readAll()).map((event) => event.streamId)).toEqual(['order-o-1', 'order-o-2']);
    await inClass.projector.whenCaughtUp();
    await expect.poll(() => server.progress.get('Ada')).toBe(2);

    source.emit('paused', '');
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
    const server = classServerFetch();
    const first = await browser(server);
    await first.classroom.join({ code: server.code, name: 'Ada', server: 'http://class.test' });
    server.state.reachable = false;
    const outcome = await first.shown().execute('PlaceOrder', order);
    expect(outcome.ok ? '' : outcome.message).toMatch(/waits in your outbox/);
    expect(first.classroom.view()).toMatchObject({ waiting: 1, connection: 'offline' });

    // The same browser storage, a new page.
    const again = await browser(server);
    for (const [key, value] of first.saved) again.saved.set(key, value);
    expect(await again.classroom.restore()).toBeUndefined();
    expect(again.classroom.view()).toMatchObject({ phase: 'joined', name: 'Ada', waiting: 1, connection: 'offline' });

    server.state.reachable = true;
    DrivenEventSource.opened.at(-1)!.open();
    await expect.poll(() => again.classroom.view()).toMatchObject({ waiting: 0, connection: 'connected' });
    expect((await server.store.readAll()).map((event) => event.streamId)).toEqual(['order-o-1']);
  });
});
