import type { RecordedEvent } from '../eventStore/types';

/**
 * This browser's copy of the class's event log: the events the server recorded, in global order, with no gap.
 * Fed by the server's stream (SSE) and by catch-up reads; an event already held is ignored, an event past a gap is
 * not taken (the caller reads the missing ones first), so the copy is always a prefix of the server's log.
 */
export type ClassLog = {
  /** Takes the events that continue the copy; answers true when one lay past a gap (read from `head()` to fill it). */
  add(events: readonly RecordedEvent[]): { readonly added: number; readonly gap: boolean };
  head(): number;
  all(after: number, limit: number): RecordedEvent[];
  stream(streamId: string): readonly RecordedEvent[];
  ofCommand(commandId: string): readonly RecordedEvent[];
  streamIds(): string[];
  /** Forgets every event (the instructor reset the class). */
  clear(): void;
};

export function createClassLog(): ClassLog {
  let log: RecordedEvent[] = [];
  let streams = new Map<string, RecordedEvent[]>();
  let commands = new Map<string, RecordedEvent[]>();
  return {
    add(events) {
      let added = 0;
      let gap = false;
      for (const event of [...events].sort((a, b) => a.globalPosition - b.globalPosition)) {
        if (event.globalPosition <= log.length) continue;
        if (event.globalPosition !== log.length + 1) {
          gap = true;
          break;
        }
        const frozen = Object.freeze({ ...event, metadata: Object.freeze({ ...event.metadata }) });
        log.push(frozen);
        const stream = streams.get(event.streamId) ?? [];
        stream.push(frozen);
        streams.set(event.streamId, stream);
        const ofCommand = commands.get(event.metadata.commandId) ?? [];
        ofCommand.push(frozen);
        commands.set(event.metadata.commandId, ofCommand);
        added += 1;
      }
      return { added, gap };
    },
    head: () => log.length,
    all: (after, limit) => log.slice(Math.max(after, 0), Math.max(after, 0) + Math.max(limit, 0)),
    stream: (streamId) => streams.get(streamId) ?? [],
    ofCommand: (commandId) => commands.get(commandId) ?? [],
    streamIds: () => [...streams.keys()],
    clear() {
      log = [];
      streams = new Map();
      commands = new Map();
    },
  };
}
