import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { OrderItem } from '../domain/order/types';
import type { RecordedEvent, Snapshot } from '../eventStore/types';
import type { SubjectKey } from '../privacy/keyStore';
import type { SelfCheckAnswer } from '../workbook/selfCheck/types';
import { countReadWriteTransactions } from './writesInFlight';

/**
 * The one Dexie schema of the app. Every `version()` stays here with its upgrade; an old one is never edited
 * (a browser that opened version 1 must still upgrade cleanly to whatever comes after).
 */

/** An event row: the recorded event plus `commandId` lifted out of metadata so it can be indexed. */
export type EventRow = RecordedEvent & { readonly commandId: string };

/** One document of one read model. */
export type ReadModelRow = {
  readonly projection: string;
  readonly id: string;
  readonly doc: unknown;
};

/** How far a projection has read the log, and whether it is stuck on an event. */
export type CheckpointRow = {
  readonly projection: string;
  /** Global position of the last event applied (0 = none). */
  readonly position: number;
  /** The projection's code version when its documents were written; a different one forces a rebuild. */
  readonly projectionVersion: number;
  /**
   * The log generation (db/logGeneration.ts) whose events the documents were computed from. Absent in a row written
   * before generations existed: generation 0.
   */
  readonly logGeneration?: number;
  /**
   * Which clearing of the read model these documents were built after: every reset (a rebuild starts with one) takes
   * the next number of a counter the whole database shares (db/readModelEpoch.ts). A rebuild can end at the very
   * position it started from, so the position alone does not name one state of the documents; (epoch, position)
   * does, and it is stored here so that every tab sees it. Absent in a row written before epochs existed: 0.
   */
  readonly epoch?: number;
  readonly fault: null | {
    readonly globalPosition: number;
    readonly eventType: string;
    readonly reason: string;
  };
};

/** The CRUD twin's table: one row per order, overwritten in place (seed 000's MongoDB collection). */
export type CrudOrderRow = {
  readonly orderId: string;
  readonly customerId: string;
  readonly customerEmail: string | null;
  /** Seed 000's single product; for an order of several lines, the names joined and the quantities summed. */
  readonly product: string;
  readonly quantity: number;
  /** The lines as placed (not indexed), so the twin can hold seed 002 orders too. */
  readonly items: readonly OrderItem[];
  readonly total: number;
  readonly status: string;
  readonly updatedAt: string;
};

/** What one CRUD overwrite destroyed: the old value of one field, which no table keeps any more. */
export type CrudLossRow = {
  readonly id?: number;
  readonly orderId: string;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly at: string;
};

/** The CRUD twin of seed 001's users table: one row per user, the email overwritten in place. */
export type CrudUserRow = {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly updatedAt: string;
};

/** An email that an update of the users twin destroyed. */
export type CrudUserLossRow = {
  readonly id?: number;
  readonly userId: string;
  readonly field: 'email';
  readonly oldValue: string;
  readonly newValue: string;
  readonly at: string;
};

export type MetaRow = { readonly key: string; readonly value: unknown };

export class WorkbookDb extends Dexie {
  events!: EntityTable<EventRow, 'globalPosition'>;
  snapshots!: EntityTable<Snapshot, 'streamId'>;
  readModels!: Dexie.Table<ReadModelRow, [string, string]>;
  checkpoints!: EntityTable<CheckpointRow, 'projection'>;
  crudOrders!: EntityTable<CrudOrderRow, 'orderId'>;
  crudLosses!: EntityTable<CrudLossRow, 'id'>;
  crudUsers!: EntityTable<CrudUserRow, 'userId'>;
  crudUserLosses!: EntityTable<CrudUserLossRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** Crypto-shredding (src/privacy/): each person's AES-GCM keys, never in the events. Deleting them forgets the person. */
  subjectKeys!: EntityTable<SubjectKey, 'keyId'>;

  /** `options` lets tests and tools hand in another IndexedDB (e.g. fake-indexeddb's `indexedDB`, `IDBKeyRange`). */
  constructor(name = 'event-workbook', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      // globalPosition is assigned inside the append transaction (not ++) so positions never have gaps.
      // The unique [streamId+streamPosition] index is what makes optimistic concurrency hold across tabs.
      events: 'globalPosition, &[streamId+streamPosition], &eventId, commandId, type',
      snapshots: 'streamId',
      readModels: '[projection+id], projection',
      checkpoints: 'projection',
      crudOrders: 'orderId',
      crudLosses: '++id, orderId',
      crudUsers: 'userId',
      crudUserLosses: '++id, userId',
      meta: 'key',
    });
    // Screens read a window of a read model (the newest 50 orders, the top 10 customers) through these indexes
    // instead of listing every document and sorting it. A document without the field (a user, the summary, a
    // top-customers order entry) is simply not in that index. No upgrade: IndexedDB fills new indexes itself.
    this.version(2).stores({
      readModels: '[projection+id], projection, [projection+doc.placedAt], [projection+doc.status+doc.placedAt], [projection+doc.totalSpentCents]',
    });
    // 3: the subjects' keys of crypto-shredding (src/privacy/). A new table only: nothing to upgrade.
    this.version(3).stores({
      subjectKeys: 'keyId, subjectId',
    });
    // 4: no `projection` index. The primary key [projection+id] already lists a projection's rows (a key range, as
    // the projection store reads and resets them), and every read-model row put wrote an entry in it for nothing.
    // IndexedDB drops the index itself: nothing to upgrade.
    this.version(4).stores({
      readModels: '[projection+id], [projection+doc.placedAt], [projection+doc.status+doc.placedAt], [projection+doc.totalSpentCents]',
    });
    // A new version of the app waits for these writes to end before it reloads the page (src/db/writesInFlight.ts).
    this.use(countReadWriteTransactions);
  }
}

/** Current schema version number, shown in the "another tab upgraded the database" message. */
export const schemaVersion = 4;

/**
 * A student's work: kept in its own database so that resetting or importing the simulator's events can never touch
 * an answer. Same rule as above: every `version()` stays, with its upgrade.
 */

/** The text a student wrote for one exercise: Exercise 06's answers.md, or a coding exercise's source. */
export type AnswerRow = {
  /** e.g. `06-cqrs-event-sourcing` or `01-order-decide`. */
  readonly exerciseId: string;
  readonly text: string;
  readonly updatedAt: string;
};

/** How far a student got on one item (a requirement of Exercise 06, or a whole coding exercise). */
export type ProgressRow = {
  readonly exerciseId: string;
  /** The requirement number as a string (`'1'`..`'6'`), or `'exercise'` for a coding exercise as a whole. */
  readonly itemId: string;
  readonly status: 'pass' | 'fail' | 'unchecked';
  /** The grader's last message, shown again after a reload. */
  readonly message: string;
  /** How many staged hints the student has opened (0 = none). */
  readonly hintsRevealed: number;
  /** True once the student explicitly gave up, which unlocks the solution. */
  readonly gaveUp: boolean;
  readonly updatedAt: string;
};

/** A student's last checked answer to one self-check question of a lesson (src/workbook/selfCheck/). */
export type SelfCheckRow = {
  readonly lessonId: string;
  readonly questionId: string;
  /** The answer itself, not a verdict: it is graded again when shown, against the question as it reads now. */
  readonly answer: SelfCheckAnswer;
  readonly updatedAt: string;
};

export class ProgressDb extends Dexie {
  answers!: EntityTable<AnswerRow, 'exerciseId'>;
  progress!: Dexie.Table<ProgressRow, [string, string]>;
  selfChecks!: Dexie.Table<SelfCheckRow, [string, string]>;

  constructor(name = 'event-workbook-progress', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      answers: 'exerciseId',
      progress: '[exerciseId+itemId], exerciseId',
    });
    // 2: the lessons' self-checks. A new table only: version 1's answers and progress stay as they are.
    this.version(2).stores({
      selfChecks: '[lessonId+questionId], lessonId',
    });
    this.use(countReadWriteTransactions);
  }
}
