import type { Checkpoint, DocumentChange } from './types';

/** A document with the id it is stored under. */
export type StoredDocument<Doc> = { readonly id: string; readonly doc: Doc };

export type CommitOptions = {
  /**
   * The checkpoint position the batch was computed from. When the stored one differs (another tab, or an earlier
   * run, committed first), nothing is written and `commit` returns false: the batch would apply events twice.
   */
  readonly expectedPosition?: number;
};

export type ListOptions = {
  /** Only documents whose id starts with this, e.g. `customer:` among a projection's customer and order documents. */
  readonly idPrefix?: string;
};

/** A document field an index orders a projection's documents by (the `readModels` indexes in db/schema.ts). */
export type RankField = 'placedAt' | 'totalSpentCents';

export type RankedOptions = {
  /** The field the documents come in order of, highest first. Documents without it are left out. */
  readonly by: RankField;
  /** Only documents whose `status` is this (with `by: 'placedAt'`, served by its own index). */
  readonly status?: string;
  /** Lowest value first (equal values: id ascending) instead of highest first. */
  readonly lowestFirst?: boolean;
};

/** Told each document in turn; returning false stops the walk (nothing more is read). */
export type RankedVisitor<Doc> = (doc: Doc, id: string) => boolean | void;

/**
 * Where read models and their checkpoints live. Documents are keyed by (projection, id). Every write that moves a
 * checkpoint writes the documents in the same transaction, so documents and checkpoint never disagree.
 *
 * Read models follow one generation of the log (db/logGeneration.ts): replacing the log starts a new one, and a
 * checkpoint of another generation can never be committed, so nothing computed from a replaced log is written.
 */
export interface ProjectionStore {
  /** The documents that exist among `ids`; missing ids are absent from the map. */
  loadDocuments<Doc>(projection: string, ids: readonly string[]): Promise<Map<string, Doc>>;
  /** Every document of the projection (or those whose id has the prefix), ordered by id. */
  listDocuments<Doc>(projection: string, options?: ListOptions): Promise<StoredDocument<Doc>[]>;
  getDocument<Doc>(projection: string, id: string): Promise<Doc | undefined>;
  /**
   * Walks the documents that have the `by` field, highest value first (equal values: id descending; `lowestFirst`:
   * the other way round), through an index, so a screen that shows the newest 50 orders reads about 50 documents,
   * not the whole read model.
   */
  walkRanked<Doc>(projection: string, options: RankedOptions, visit: RankedVisitor<Doc>): Promise<void>;
  /** How many documents `walkRanked` would visit, counted in the index. */
  countRanked(projection: string, options: RankedOptions): Promise<number>;
  /**
   * Writes the document changes and the checkpoint atomically. False (and nothing written) on a stale position (with
   * `expectedPosition`: also when the stored checkpoint is of another epoch, i.e. the read model was cleared since),
   * or when the checkpoint's log generation is not the current one (the log was replaced since it was read).
   */
  commit(projection: string, changes: readonly DocumentChange[], checkpoint: Checkpoint, options?: CommitOptions): Promise<boolean>;
  /**
   * Deletes every document of the projection and sets its checkpoint to 0 at `projectionVersion`, the current log
   * generation and a new epoch (CheckpointRow.epoch), atomically; returns that checkpoint.
   */
  reset(projection: string, projectionVersion: number): Promise<Checkpoint>;
  /** The generation of the log that read models follow now; it changes every time the log is replaced. */
  logGeneration(): Promise<number>;
  /**
   * Clears every document and checkpoint of every projection and starts a new log generation, atomically; returns
   * it. For a store whose log lives elsewhere (memory): call it with the log's replacement. The Dexie store's log
   * replacements do it inside their own transaction (db/logGeneration.ts).
   */
  startNewGeneration(): Promise<number>;
  /** Undefined when the projection never ran. */
  readCheckpoint(projection: string): Promise<Checkpoint | undefined>;
}
