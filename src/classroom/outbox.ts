import type { CommandRequest } from './classroomApi';

/**
 * Appends decided while the class server was out of reach, kept (in localStorage, one key per class and student)
 * until they are sent, in the order they were decided. A reload does not lose them; leaving the class does.
 */
export type OutboxEntry = CommandRequest & {
  /** The command's id (its events' `metadata.commandId`): a resend is recognised by the server as the same append. */
  readonly commandId: string;
  /** "ConfirmOrder on order-42": which command, as the person is told when it is sent or refused. */
  readonly label: string;
  readonly queuedAt: string;
};

/** The part of `Storage` the outbox uses (localStorage in the page, a Map in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type Outbox = {
  entries(): readonly OutboxEntry[];
  add(entry: OutboxEntry): void;
  /** Removes the oldest entry once it has been sent (recorded or refused). */
  shift(): void;
  clear(): void;
  readonly size: number;
};

/** "ConfirmOrder on order-42", from the command the decider ran (or the events' types when there is none). */
export function commandLabel(request: CommandRequest): string {
  const command = request.command as { readonly type?: unknown } | undefined;
  const name = typeof command?.type === 'string' ? command.type : request.events.map((event) => event.type).join(', ');
  return `${name} on ${request.streamId}`;
}

export function createOutbox(storage: KeyValueStorage, key: string): Outbox {
  const read = (): OutboxEntry[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  };
  let entries = read();
  const write = () => {
    if (entries.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(entries));
  };
  return {
    entries: () => entries,
    add(entry) {
      entries = [...entries, entry];
      write();
    },
    shift() {
      entries = entries.slice(1);
      write();
    },
    clear() {
      entries = [];
      write();
    },
    get size() {
      return entries.length;
    },
  };
}
