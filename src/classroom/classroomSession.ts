import type { EventStore } from '../eventStore/types';
import type { Upcasting } from '../eventStore/upcasters';
import type { WorkbookSimulator } from '../simulator/simulator';
import { checkClassCode, checkServerAddress, ClassroomError, createClassroomApi, type ClassroomApi } from './classroomApi';
import { createClassroomEventStore, type ClassroomEventStore, type Refusal } from './classroomEventStore';
import { createClassLog } from './classLog';
import { openClassStream, type EventSourceLike, type StreamStatus } from './classConnection';
import { createOutbox, type KeyValueStorage, type Outbox } from './outbox';
import { maxNameLength, sessionKey } from './classroomLimits';

/**
 * Classroom mode (issue 19): joining a class swaps the simulator the screens read for one whose event store is the
 * class's log on the classroom server (decided here, recorded there), with its read models in memory; leaving
 * swaps back to this browser's own simulator, which was never touched meanwhile.
 */

export type ClassroomView =
  | { readonly phase: 'own' }
  | {
      readonly phase: 'joined';
      readonly code: string;
      readonly name: string;
      readonly server: string;
      readonly connection: StreamStatus;
      /** Commands in the outbox, waiting for the server. */
      readonly waiting: number;
      readonly paused: boolean;
      /** Commands the server refused after they waited (newest last), until the person dismisses them. */
      readonly refusals: readonly Refusal[];
    };

export type JoinForm = { readonly code: string; readonly name: string; readonly server: string };

/** What a reload needs to carry on in the class without joining again. */
type SavedSession = JoinForm & { readonly studentId: string; readonly sessionToken: string };

export type ClassroomParts = {
  readonly ownSimulator: WorkbookSimulator;
  /**
   * A simulator over the class's store, its read models in memory and personal fields plain (see
   * `classSimulator`). Passed in, so this module, loaded on first use, shares no code with the first screen's.
   */
  readonly createSimulator: (store: EventStore) => Promise<WorkbookSimulator>;
  /** How old event versions are read (the app's upcasters). */
  readonly upcasting?: Upcasting;
  /** Hands the screens the simulator to read: the class's after a join, the own one after leaving. */
  readonly show: (simulator: WorkbookSimulator) => void;
  readonly storage: KeyValueStorage;
  /** The page's own origin: the only server this page's security policy lets it talk to. */
  readonly origin: string;
  readonly fetch?: typeof fetch;
  readonly openEventSource?: (url: string) => EventSourceLike;
  /** How often waiting commands are tried again while the server is out of reach. */
  readonly retryEveryMs?: number;
};

const outboxKey = (session: SavedSession) => `event-workbook.classroom.outbox.${session.code}.${session.studentId}`;

export type Classroom = ReturnType<typeof createClassroom>;

export function createClassroom(parts: ClassroomParts) {
  let view: ClassroomView = { phase: 'own' };
  const listeners = new Set<(view: ClassroomView) => void>();
  let active: ActiveClass | undefined;

  const setView = (next: ClassroomView) => {
    view = next;
    for (const listener of listeners) listener(view);
  };
  const update = (change: Partial<Extract<ClassroomView, { phase: 'joined' }>>) => {
    if (view.phase === 'joined') setView({ ...view, ...change });
  };

  type ActiveClass = {
    readonly session: SavedSession;
    readonly api: ClassroomApi;
    readonly store: ClassroomEventStore;
    readonly outbox: Outbox;
    simulator: WorkbookSimulator;
    stopProgress: () => void;
    stream: { close(): void };
    retry: ReturnType<typeof setInterval>;
    streamStatus: StreamStatus;
    reachable: boolean;
  };

  /** A request that could not reach the server says more than a stream that still looks open. */
  const connectionOf = (current: ActiveClass): StreamStatus => (current.reachable ? current.streamStatus : 'offline');

  /** Reports the projector's checkpoint (the slowest read model's) to the server, so the instructor sees real lag. */
  function reportProgress(current: ActiveClass): () => void {
    let sent = -1;
    let sending = false;
    const send = () => {
      const checkpoint = Math.min(...current.simulator.projector.getStatus().projections.map((projection) => projection.checkpoint));
      if (sending || checkpoint === sent || !Number.isFinite(checkpoint)) return;
      sending = true;
      current.api
        .reportProgress(current.session.sessionToken, checkpoint)
        .then(() => {
          sent = checkpoint;
        })
        .catch(() => undefined)
        .finally(() => {
          sending = false;
          if (current.simulator.projector.getStatus().projections.every((projection) => projection.checkpoint !== sent)) send();
        });
    };
    send();
    return current.simulator.projector.onChange(send);
  }

  const buildSimulator = (store: ClassroomEventStore) => parts.createSimulator(store);

  async function enter(session: SavedSession, reachable: boolean, paused = false): Promise<void> {
    const api = createClassroomApi({ server: session.server, code: session.code, ...(parts.fetch ? { fetch: parts.fetch } : {}) });
    const outbox = createOutbox(parts.storage, outboxKey(session));
    const log = createClassLog();
    let current: ActiveClass | undefined;
    const store = createClassroomEventStore({
      api,
      sessionToken: session.sessionToken,
      log,
      outbox,
      ...(parts.upcasting ? { upcasting: parts.upcasting } : {}),
      onReachable: (ok) => {
        if (current === undefined || current.reachable === ok) return;
        current.reachable = ok;
        update({ connection: connectionOf(current) });
      },
      onOutboxChange: (waiting) => update({ waiting }),
      onRefused: (refusal) => {
        if (view.phase === 'joined') update({ refusals: [...view.refusals, refusal] });
      },
    });
    // Read the log before the screens switch, so they open on the class as it is (a server out of reach after a
    // reload is not a failure: the class opens offline with its outbox, and catches up on reconnect).
    if (reachable) await store.catchUp();
    const simulator = await buildSimulator(store);
    current = {
      session,
      api,
      store,
      outbox,
      simulator,
      stopProgress: () => undefined,
      stream: { close: () => undefined },
      retry: setInterval(() => {
        if (outbox.size > 0) void store.flushOutbox().catch(() => undefined);
      }, parts.retryEveryMs ?? 2000),
      streamStatus: 'connecting',
      reachable,
    };
    const live = current;
    active = live;
    live.stopProgress = reportProgress(live);
    setView({
      phase: 'joined',
      code: session.code,
      name: session.name,
      server: session.server,
      connection: connectionOf(live),
      waiting: outbox.size,
      paused,
      refusals: [],
    });
    const open = parts.openEventSource ?? ((url: string) => new EventSource(url));
    live.stream = openClassStream({
      open,
      url: (after) => api.streamUrl(session.sessionToken, after),
      head: () => log.head(),
      handlers: {
        onEvents: (events) => void store.receive(events).catch(() => undefined),
        onStatus: (status) => {
          live.streamStatus = status;
          update({ connection: connectionOf(live) });
        },
        onOpen: () => {
          live.reachable = true;
          update({ connection: connectionOf(live) });
          void store
            .catchUp()
            .then(() => store.flushOutbox())
            .catch(() => undefined);
        },
        onPaused: (paused) => update({ paused }),
        onReset: () => void restart(live),
        onReplay: (projection) => {
          const known = live.simulator.projector.getStatus().projections.some((status) => status.name === projection);
          if (known) void live.simulator.projector.rebuild(projection);
        },
      },
    });
    parts.show(simulator);
  }

  /** The instructor reset the class: the copy and every read model start again from the (empty) log. */
  async function restart(current: ActiveClass): Promise<void> {
    current.stopProgress();
    current.simulator.close();
    current.store.forgetLog();
    current.simulator = await buildSimulator(current.store);
    current.stopProgress = reportProgress(current);
    if (active === current) parts.show(current.simulator);
  }

  function stop(): void {
    const current = active;
    active = undefined;
    if (current === undefined) return;
    clearInterval(current.retry);
    current.stream.close();
    current.stopProgress();
    current.simulator.close();
  }

  return {
    view: () => view,
    /** The class's simulator while joined. */
    get simulator(): WorkbookSimulator | undefined {
      return active?.simulator;
    },
    onChange(listener: (view: ClassroomView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /**
     * Joins a class: checks the form, asks the server for a seat, reads the class's log and switches the screens to
     * it. Throws a `ClassroomError` saying what to fix (wrong code, server unreachable, name refused); nothing
     * changes then.
     */
    async join(form: JoinForm): Promise<void> {
      const code = checkClassCode(form.code);
      const server = checkServerAddress(form.server || parts.origin);
      const name = form.name.trim();
      if (name === '') throw new ClassroomError('nameRefused', 'Type the name the class will see you by.');
      if (name.length > maxNameLength) throw new ClassroomError('nameRefused', `A name is at most ${maxNameLength} characters.`);
      if (server !== new URL(parts.origin).origin) {
        throw new ClassroomError(
          'unreachable',
          `This page may only talk to the address it was opened from (${new URL(parts.origin).origin}), for your safety. Open ${server} in your browser: the class server serves the workbook there, then join from that page.`,
        );
      }
      const api = createClassroomApi({ server, code, ...(parts.fetch ? { fetch: parts.fetch } : {}) });
      const seat = await api.join(name);
      const session: SavedSession = { code, name, server, studentId: seat.studentId, sessionToken: seat.sessionToken };
      stop();
      await enter(session, true, seat.paused);
      parts.storage.setItem(sessionKey, JSON.stringify(session));
    },
    /** Back to this browser's own store (the class's outbox is dropped: what waited is not sent). */
    leave(): void {
      const current = active;
      stop();
      if (current !== undefined) current.outbox.clear();
      parts.storage.removeItem(sessionKey);
      setView({ phase: 'own' });
      parts.show(parts.ownSimulator);
    },
    /** After a reload: back into the class this browser had joined, if any. Answers why not, when it cannot. */
    async restore(): Promise<string | undefined> {
      let session: SavedSession;
      try {
        session = JSON.parse(parts.storage.getItem(sessionKey) ?? 'null') as SavedSession;
      } catch {
        return undefined;
      }
      if (session === null || typeof session.sessionToken !== 'string') return undefined;
      try {
        await enter(session, true);
      } catch (error) {
        if (error instanceof ClassroomError && error.kind === 'unreachable') {
          await enter(session, false);
          return undefined;
        }
        parts.storage.removeItem(sessionKey);
        return `You were in class ${session.code}, but ${error instanceof Error ? error.message : String(error)}`;
      }
      return undefined;
    },
    dismissRefusals(): void {
      update({ refusals: [] });
    },
  };
}
