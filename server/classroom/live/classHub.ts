import type { ServerResponse } from 'node:http';
import type { EventStore, RecordedEvent } from '../../../src/eventStore/types';
import type { ClassRegistry } from '../store/classRegistry';

export type ClassHubOptions = {
  readonly code: string;
  readonly store: EventStore;
  readonly registry: ClassRegistry;
  /** How often the hub looks for what other server processes did (appends, pause, reset, replay). */
  readonly pollMs: number;
  readonly heartbeatMs: number;
  /** Recent events kept in memory so clients that keep up are served without a read each. */
  readonly bufferSize?: number;
  /** A client this far behind in unsent bytes is dropped; its EventSource reconnects with Last-Event-ID. */
  readonly maxBufferedBytes?: number;
};

type Client = {
  readonly response: ServerResponse;
  readonly studentId: string | undefined;
  /** The last position written to this client. */
  cursor: number;
  delivering: boolean;
  again: boolean;
};

const readBatch = 1000;

/**
 * One class's Server-Sent Events in this process: every connected browser gets each event of the class log once,
 * in order, from where it says it is (Last-Event-ID / ?after=), then live; and the instructor's pause, reset and
 * replay. The hub reads the log once per change for all clients that keep up; a client behind reads its own
 * batches. It wakes on this process's appends (`poke`) and polls for those of other processes sharing the database.
 */
export function createClassHub(options: ClassHubOptions) {
  const { code, store, registry } = options;
  const bufferSize = options.bufferSize ?? 5000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 8 * 1024 * 1024;
  const clients = new Set<Client>();
  let buffer: RecordedEvent[] = [];
  /** The last position the hub has read (the log's head as far as this hub knows). */
  let readUpTo = 0;
  let known: { generation: number; paused: boolean; replaySeq: number } | undefined;
  let pumping = false;
  let pumpAgain = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const write = (client: Client, text: string) => {
    if (client.response.writableEnded) return;
    client.response.write(text);
    if (client.response.writableLength > maxBufferedBytes) drop(client);
  };
  const broadcast = (event: string, data: unknown) => {
    const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of clients) write(client, text);
  };
  const drop = (client: Client) => {
    clients.delete(client);
    if (!client.response.writableEnded) client.response.end();
    if (clients.size === 0) stopTimers();
  };

  async function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        await pumpOnce();
      } while (pumpAgain && !closed);
    } catch (error) {
      console.error(`classroom: class ${code}: reading the log failed`, error);
    } finally {
      pumping = false;
    }
  }

  async function pumpOnce(): Promise<void> {
    const row = await registry.findClass(code, { fresh: true });
    if (!row) return;
    if (known === undefined) known = { generation: row.generation, paused: row.paused, replaySeq: row.replaySeq };
    if (row.generation !== known.generation) {
      known.generation = row.generation;
      buffer = [];
      readUpTo = 0;
      for (const client of clients) client.cursor = 0;
      broadcast('reset', { headPosition: 0 });
    }
    if (row.paused !== known.paused) {
      known.paused = row.paused;
      broadcast(row.paused ? 'paused' : 'resumed', { paused: row.paused });
    }
    if (row.replaySeq !== known.replaySeq) {
      known.replaySeq = row.replaySeq;
      if (row.replayProjection !== null) broadcast('replay', { projection: row.replayProjection });
    }
    for (;;) {
      const events = await store.readAll({ after: readUpTo, limit: readBatch });
      if (events.length === 0) break;
      buffer.push(...events);
      readUpTo = events[events.length - 1]!.globalPosition;
      if (events.length < readBatch) break;
    }
    if (buffer.length > bufferSize) buffer = buffer.slice(buffer.length - bufferSize);
    await Promise.all([...clients].map(deliver));
  }

  /** Writes what the client has not had yet: from the buffer when it keeps up, from the log when behind. */
  async function deliver(client: Client): Promise<void> {
    if (client.delivering) {
      client.again = true;
      return;
    }
    client.delivering = true;
    try {
      do {
        client.again = false;
        while (client.cursor < readUpTo && clients.has(client)) {
          const first = buffer[0]?.globalPosition ?? readUpTo + 1;
          const events =
            client.cursor + 1 >= first
              ? buffer.slice(client.cursor + 1 - first)
              : await store.readAll({ after: client.cursor, limit: Math.min(readBatch, first - 1 - client.cursor) });
          if (events.length === 0) break;
          let text = '';
          for (const event of events)
            if (event.globalPosition > client.cursor)
              text += `id: ${event.globalPosition}\nevent: appended\ndata: ${JSON.stringify(event)}\n\n`;
          client.cursor = events[events.length - 1]!.globalPosition;
          write(client, text);
        }
      } while (client.again && clients.has(client));
    } finally {
      client.delivering = false;
    }
  }

  function startTimers() {
    if (pollTimer) return;
    pollTimer = setInterval(() => void pump(), options.pollMs);
    heartbeatTimer = setInterval(() => {
      for (const client of clients) write(client, ': heartbeat\n\n');
      void registry.touch(connectedStudents()).catch(() => undefined);
    }, options.heartbeatMs);
    pollTimer.unref();
    heartbeatTimer.unref();
  }
  function stopTimers() {
    clearInterval(pollTimer);
    clearInterval(heartbeatTimer);
    pollTimer = heartbeatTimer = undefined;
  }

  function connectedStudents(): string[] {
    return [...new Set([...clients].flatMap((client) => (client.studentId ? [client.studentId] : [])))];
  }

  const unsubscribe = store.subscribe(() => void pump());

  return {
    /** Opens the event stream on `response` from after `after`. */
    async addClient(response: ServerResponse, after: number, studentId: string | undefined): Promise<void> {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      response.write('retry: 2000\n\n');
      const head = await store.headPosition();
      // A position past the head is from before a reset: the browser must start again from 1.
      if (after > head) response.write(`event: reset\ndata: ${JSON.stringify({ headPosition: 0 })}\n\n`);
      const client: Client = { response, studentId, cursor: after > head ? 0 : after, delivering: false, again: false };
      clients.add(client);
      response.on('close', () => {
        clients.delete(client);
        if (clients.size === 0) stopTimers();
      });
      startTimers();
      if (studentId) void registry.touch([studentId]).catch(() => undefined);
      await pump();
      await deliver(client);
    },
    poke: () => void pump(),
    connectedStudents,
    get clientCount() {
      return clients.size;
    },
    close() {
      closed = true;
      unsubscribe();
      stopTimers();
      for (const client of [...clients]) drop(client);
    },
  };
}

export type ClassHub = ReturnType<typeof createClassHub>;
