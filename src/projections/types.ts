import type { CheckpointRow } from '../db/schema';
import type { RecordedEvent } from '../eventStore/types';

/**
 * A read model is an evolve function too: it folds events into documents. Unlike an aggregate it may touch several
 * documents per event (the order and the summary), so it works through a `DocumentView` instead of returning a state.
 * The view is the only thing `evolve` may change; the projector does every read and write around it, in batches.
 */

/** The documents of one batch, loaded before the events are applied and written back once at the end. */
export interface DocumentView<Doc> {
  /**
   * The document, or `undefined` when it does not exist. Asking for an id that `documentIds` did not name throws:
   * the projector only loads what the projection declared, so a silent `undefined` would hide a bug.
   */
  get(id: string): Doc | undefined;
  put(id: string, doc: Doc): void;
  delete(id: string): void;
}

export interface Projection<Doc> {
  /** Key of its documents and checkpoint, e.g. `orders`. */
  readonly name: string;
  /** Bump it when evolve or the document shape changes: a stored checkpoint of another version forces a rebuild. */
  readonly version: number;
  /** Event types it reads; the projector moves the checkpoint past every other event without calling evolve. */
  readonly handles: readonly string[];
  /** Ids of the documents `evolve` will read or write for this event, so a batch can load them all at once. */
  documentIds(event: RecordedEvent): readonly string[];
  /** Applies one event. Pure apart from the view: no I/O, no clock, no randomness (a replay must give the same docs). */
  evolve(docs: DocumentView<Doc>, event: RecordedEvent): void;
}

/** A projection of any document type, as the projector and the stores hold them side by side. */
// Method syntax in Projection/DocumentView makes Projection<OrderDoc> assignable here (parameters are bivariant).
export type AnyProjection = Projection<unknown>;

/** One write a batch makes to one document. */
export type DocumentChange =
  | { readonly kind: 'put'; readonly id: string; readonly doc: unknown }
  | { readonly kind: 'delete'; readonly id: string };

/** The event a projection could not apply; it waits there until someone skips or retries it. */
export type ProjectionFault = NonNullable<CheckpointRow['fault']>;

/** How far one projection has read the log: a row of the `checkpoints` table. */
export type Checkpoint = CheckpointRow;
