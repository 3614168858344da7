import type { RecordedEvent } from '../eventStore/types';
import { recordedEventOf } from './classroomApi';

/**
 * The server's stream of the class's log (Server-Sent Events): `appended` carries one recorded event (its id is
 * the global position, so the browser's own reconnect resumes after the last one it got), `paused` / `resumed`,
 * `reset` and `replay` (a projection's name) carry the instructor's actions. When the stream closes for good
 * (the server went away and came back), it is opened again from the copy's head.
 */

/** The part of the browser's EventSource used here. */
export type EventSourceLike = {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
};

export type StreamStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type ClassStreamHandlers = {
  readonly onEvents: (events: readonly RecordedEvent[]) => void;
  readonly onStatus: (status: StreamStatus) => void;
  readonly onPaused: (paused: boolean) => void;
  readonly onReset: () => void;
  readonly onReplay: (projection: string) => void;
  /** The stream (re)opened: read what was missed and send what waits. */
  readonly onOpen: () => void;
};

const closed = 2;

/** The projection a `replay` message names: its data is the name, or `{ "projection": name }`. */
export function projectionOfReplay(data: string): string {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'string') return parsed;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { projection?: unknown }).projection === 'string') {
      return (parsed as { projection: string }).projection;
    }
  } catch {
    // Not JSON: the name as it is.
  }
  return data;
}

export function openClassStream(options: {
  readonly open: (url: string) => EventSourceLike;
  /** The stream's address, resuming after this global position. */
  readonly url: (after: number) => string;
  readonly head: () => number;
  readonly handlers: ClassStreamHandlers;
  /** How long to wait before opening a stream that closed; 3 s in the page. */
  readonly reopenAfterMs?: number;
}): { close(): void } {
  const { handlers } = options;
  let source: EventSourceLike | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    if (stopped) return;
    const current = options.open(options.url(options.head()));
    source = current;
    current.onopen = () => {
      handlers.onStatus('connected');
      handlers.onOpen();
    };
    current.onerror = () => {
      if (stopped || source !== current) return;
      if (current.readyState === closed) {
        handlers.onStatus('offline');
        current.close();
        timer = setTimeout(connect, options.reopenAfterMs ?? 3000);
      } else {
        handlers.onStatus('reconnecting');
      }
    };
    current.addEventListener('appended', (message) => {
      try {
        handlers.onEvents([recordedEventOf(JSON.parse(message.data))]);
      } catch (error) {
        console.error('The class server sent an event this browser cannot read', error);
      }
    });
    current.addEventListener('paused', () => handlers.onPaused(true));
    current.addEventListener('resumed', () => handlers.onPaused(false));
    current.addEventListener('reset', () => handlers.onReset());
    current.addEventListener('replay', (message) => handlers.onReplay(projectionOfReplay(message.data)));
  };
  handlers.onStatus('connecting');
  connect();
  return {
    close() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      source?.close();
    },
  };
}
