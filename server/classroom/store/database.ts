/**
 * What the classroom server needs of a database, in the few operations SQLite and PostgreSQL do differently. The
 * events themselves are written by Emmett's own `appendToStream` (emmett-sqlite, emmett-postgresql) into Emmett's
 * tables; beside them the server keeps small tables of its own for what Emmett lacks (see classTables.ts): each
 * class's log positions (1, 2, 3… without gaps, per class), event and command id lookups, snapshots, classes and
 * students.
 *
 * SQL is written once with `?` placeholders; the PostgreSQL side numbers them.
 */
export type SqlValue = string | number | null;

export type SqlExecutor = {
  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  command(sql: string, params?: readonly SqlValue[]): Promise<void>;
};

/** One event as handed to Emmett: the project's fields travel in Emmett's message metadata. */
export type EmmettMessage = {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: {
    readonly messageId: string;
    readonly eventId: string;
    readonly schemaVersion: number;
    readonly commandId: string;
    readonly correlationId: string;
    readonly causationId: string;
    readonly recordedAt: string;
  };
};

export type EmmettAppend = {
  /** The log (a class and its generation) the events belong to. */
  readonly logKey: string;
  /** The project's stream id (`order-1`). */
  readonly streamId: string;
  readonly messages: readonly EmmettMessage[];
  /** The stream's version the caller checked; Emmett refuses the append when it moved since. */
  readonly expectedStreamVersion: number;
  readonly recordedAtMs: number;
};

export type EmmettAppendOutcome =
  | { readonly ok: true; readonly firstPosition: number }
  | { readonly ok: false };

export interface ClassroomDatabase {
  readonly kind: 'sqlite' | 'postgres';
  /** Reads see committed data only. */
  readonly read: SqlExecutor;
  /**
   * Runs `work` as this process's only writer to the database when the database needs one (SQLite: one connection,
   * one transaction at a time); PostgreSQL runs writers side by side and lets its locks decide.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Small writes of the server's own tables, in one transaction. */
  write<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Emmett's appendToStream, and in the same transaction, under a lock of the log, the log's index rows (positions
   * after the log's head). `{ ok: false }`: Emmett refused (the stream moved) or an event id is already in the log;
   * nothing was written. Call it inside `exclusive`.
   */
  appendToEmmett(append: EmmettAppend): Promise<EmmettAppendOutcome>;
  close(): Promise<void>;
}

/** The stream name under which Emmett keeps a class's stream: the log key keeps classes (and resets) apart. */
export function emmettStreamName(logKey: string, streamId: string): string {
  return `${logKey}/${streamId}`;
}

/** Emmett's stream type, as its own stores derive it: the part before the first `-` (`order-1` → `order`). */
export function emmettStreamType(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : 'emt:unknown';
}
