import { DomainError, ValidationError } from '../domain/core/errors';
import { recordableEvents, validateNewEvents } from '../eventStore/appendRules';
import { AppendNotRecordedError, ConcurrencyError } from '../eventStore/errors';
import { createListeners } from '../eventStore/listeners';
import { upcastAll, type Upcasting } from '../eventStore/upcasters';
import type { AppendResult, EventStore, RecordedEvent, Snapshot } from '../eventStore/types';
import { ClassroomError, type ClassroomApi, type CommandRequest } from './classroomApi';
import type { ClassLog } from './classLog';
import { commandLabel, type Outbox } from './outbox';
import type { ClassCommand } from './protocol';

/**
 * The event store of a class (issue 19): the project's EventStore contract over the class's log on the classroom
 * server. Reads come from this browser's copy of the log (`ClassLog`, fed by the server's stream and catch-up
 * reads); an append goes to the server with its expected version and the command that decided it, so two
 * students' commands on one order conflict for real. While the server is out of reach, appends wait in the outbox
 * and are sent, in order, when it is back; one the server then refuses is reported through `onRefused`.
 */

/** A command the outbox sent later and the server refused: which one, and why, in the person's terms. */
export type Refusal = {
  readonly label: string;
  readonly reason: 'conflict' | 'validation' | 'paused' | 'refused';
  readonly message: string;
};

export type ClassroomStoreParts = {
  readonly api: ClassroomApi;
  readonly sessionToken: string;
  readonly log: ClassLog;
  readonly outbox: Outbox;
  readonly upcasting?: Upcasting;
  /** Told when a request could not reach the server (the session shows "offline") or reached it again. */
  readonly onReachable?: (reachable: boolean) => void;
  readonly onRefused?: (refusal: Refusal) => void;
  readonly onOutboxChange?: (waiting: number) => void;
  readonly now?: () => string;
};

export type ClassroomEventStore = EventStore & {
  /** Reads the events the copy is missing from the server, until it holds the whole log. */
  catchUp(): Promise<void>;
  /** Events the server's stream delivered. */
  receive(events: readonly RecordedEvent[]): Promise<void>;
  /** Sends the waiting appends in order; stops at the first that cannot reach the server. */
  flushOutbox(): Promise<void>;
  /** The instructor reset the class: the copy forgets every event and snapshot. */
  forgetLog(): void;
};

/** What a person is told about a command the server did not record. */
export function refusalOf(label: string, error: ClassroomError): Refusal {
  switch (error.kind) {
    case 'conflict':
      return {
        label,
        reason: 'conflict',
        message: `${label} was not recorded: someone else changed ${label.split(' on ').at(-1)} first (it was at version ${String(error.details.actual)}, your command was decided on version ${String(error.details.expected)}). Look at the order again and send a new command.`,
      };
    case 'validation':
    case 'rule':
      return { label, reason: 'validation', message: `${label} was refused by the class server: ${error.message}` };
    case 'paused':
      return { label, reason: 'paused', message: `${label} was not recorded: the instructor had paused the class. Send it again once the class resumes.` };
    default:
      return { label, reason: 'refused', message: `${label} was not recorded: ${error.message}` };
  }
}

/** The command as the protocol carries it, `{ type, data }`, or null when the caller passed none. */
function classCommandOf(command: unknown): ClassCommand | null {
  if (typeof command !== 'object' || command === null) return null;
  const { type, data } = command as { readonly type?: unknown; readonly data?: unknown };
  return typeof type === 'string' ? { type, data } : null;
}

export function createClassroomEventStore(parts: ClassroomStoreParts): ClassroomEventStore {
  const { api, sessionToken, log, outbox } = parts;
  const listeners = createListeners();
  const snapshots = new Map<string, Snapshot>();
  const present = (events: RecordedEvent[]) => upcastAll(events, parts.upcasting);
  const now = parts.now ?? (() => new Date().toISOString());

  function take(events: readonly RecordedEvent[]): { gap: boolean } {
    const { added, gap } = log.add(events);
    if (added > 0) listeners.notify({ headPosition: log.head() });
    return { gap };
  }

  let catchingUp: Promise<void> | undefined;
  /** One catch-up at a time; a caller during one waits for it. (Cleared after it settles, never inside it.) */
  function catchUp(): Promise<void> {
    catchingUp ??= readMissing().finally(() => {
      catchingUp = undefined;
    });
    return catchingUp;
  }
  async function readMissing(): Promise<void> {
    try {
      for (;;) {
        const events = await api.eventsAfter(log.head(), 1000, sessionToken);
        take(events);
        if (events.length < 1000) break;
      }
      parts.onReachable?.(true);
    } catch (error) {
      if (error instanceof ClassroomError && error.kind === 'unreachable') parts.onReachable?.(false);
      throw error;
    }
  }

  async function recorded(answer: { readonly events: readonly RecordedEvent[] }): Promise<void> {
    if (take(answer.events).gap) await catchUp().catch(() => undefined);
  }

  function enqueue(request: CommandRequest, commandId: string): never {
    outbox.add({ ...request, commandId, label: commandLabel(request), queuedAt: now() });
    parts.onOutboxChange?.(outbox.size);
    throw new AppendNotRecordedError(
      'waiting',
      `The class server cannot be reached: ${commandLabel(request)} waits in your outbox (${outbox.size} waiting) and is sent as soon as the server is back.`,
    );
  }

  let flushing: Promise<void> | undefined;
  /**
   * One flush at a time. Cleared after it settles: a flush of an empty outbox finishes synchronously, and clearing
   * inside it would run before the assignment and leave a settled promise standing for ever (no flush again).
   */
  function flushOutbox(): Promise<void> {
    flushing ??= sendWaiting().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }
  async function sendWaiting(): Promise<void> {
    for (let entry = outbox.entries()[0]; entry !== undefined; entry = outbox.entries()[0]) {
      try {
        const { streamId, expectedVersion, command, events } = entry;
        await recorded(await api.sendCommand(sessionToken, { streamId, expectedVersion, command, events }));
        parts.onReachable?.(true);
      } catch (error) {
        if (!(error instanceof ClassroomError)) throw error;
        // Still out of reach, or asked to slow down: the entry stays first in line for the next attempt.
        if (error.kind === 'unreachable') {
          parts.onReachable?.(false);
          return;
        }
        if (error.kind === 'rateLimited') return;
        parts.onRefused?.(refusalOf(entry.label, error));
        if (error.kind === 'conflict') await catchUp().catch(() => undefined);
      }
      outbox.shift();
      parts.onOutboxChange?.(outbox.size);
    }
  }

  const store: ClassroomEventStore = {
    async appendToStream(streamId, appended, options = {}): Promise<AppendResult> {
      const expectedVersion = options.expectedVersion ?? 'any';
      validateNewEvents(streamId, appended, expectedVersion);
      const events = recordableEvents(appended);
      const commandId = events[0]?.metadata?.commandId ?? events[0]?.eventId ?? '';
      const request: CommandRequest = { streamId, expectedVersion, command: classCommandOf(options.command), events };
      // Commands leave in the order they were decided: while some wait, a new one waits behind them.
      if (outbox.size > 0) {
        void flushOutbox().catch(() => undefined);
        enqueue(request, commandId);
      }
      let answer;
      try {
        answer = await api.sendCommand(sessionToken, request);
      } catch (error) {
        if (!(error instanceof ClassroomError)) throw error;
        switch (error.kind) {
          case 'unreachable':
            // The request may have been recorded before the connection dropped: resending it is safe, the server
            // recognises the same event ids and answers with what it recorded the first time.
            parts.onReachable?.(false);
            return enqueue(request, commandId);
          case 'conflict': {
            // The copy is behind the server: read what was missed, so a retry decides on the state that won.
            await catchUp().catch(() => undefined);
            const actual = Number.isInteger(error.details.actual) ? (error.details.actual as number) : log.stream(streamId).length;
            throw new ConcurrencyError(streamId, expectedVersion, actual);
          }
          case 'validation':
            throw new ValidationError([{ field: error.details.path ?? 'command', message: `the class server refused it: ${error.message}` }]);
          case 'rule':
            throw new DomainError(error.details.code ?? 'DomainError', error.message);
          case 'paused':
          case 'rateLimited':
            throw new AppendNotRecordedError(error.kind, error.message);
          default:
            throw new AppendNotRecordedError('refused', error.message);
        }
      }
      parts.onReachable?.(true);
      await recorded(answer);
      return { nextExpectedVersion: answer.nextExpectedVersion, events: present([...answer.events]), alreadyRecorded: answer.alreadyRecorded };
    },
    async readStream(streamId, { from = 1, to } = {}) {
      return present(log.stream(streamId).slice(Math.max(from, 1) - 1, to === undefined ? undefined : Math.max(to, 0)));
    },
    async streamVersion(streamId) {
      return log.stream(streamId).length;
    },
    async readAll({ after = 0, limit = 1000 } = {}) {
      return present(log.all(after, limit));
    },
    async headPosition() {
      return log.head();
    },
    async eventsOfCommand(commandId) {
      return present([...log.ofCommand(commandId)]);
    },
    async streamIds(prefix = '') {
      return log.streamIds().filter((streamId) => streamId.startsWith(prefix));
    },
    subscribe: (listener) => listeners.add(listener),
    // Snapshots are this browser's shortcut through the class's streams: they stay here, never sent.
    async saveSnapshot(snapshot) {
      snapshots.set(snapshot.streamId, structuredClone(snapshot));
    },
    async loadSnapshot(streamId) {
      const snapshot = snapshots.get(streamId);
      return snapshot && structuredClone(snapshot);
    },
    async clear() {
      throw new AppendNotRecordedError('refused', "The class's log belongs to the class: only the instructor can reset it. Leave the class to reset your own data.");
    },
    close() {
      listeners.clear();
    },
    catchUp,
    async receive(events) {
      if (take(events).gap) await catchUp();
    },
    flushOutbox,
    forgetLog() {
      log.clear();
      snapshots.clear();
      listeners.notify({ headPosition: 0 });
    },
  };
  return store;
}
