import { isFrozenDocument } from './freezeDocument';
import type { ListOptions, ProjectionStore, RankedOptions, StoredDocument } from './projectionStore';
import type { Checkpoint, DocumentChange } from './types';

/**
 * Read models in plain Maps. Documents are cloned on the way in and out, as IndexedDB does, so a caller that mutates
 * a loaded document cannot change the stored one behind the checkpoint's back.
 *
 * Except between the projector and the store: the documents a batch commits are frozen (`freezeDocument`), so they
 * are kept as they are, and handed back as they are to the next batch's `loadDocuments`, which freezes what it loads
 * anyway. Cloning them both ways was a third of a rebuild. What `getDocument` and `listDocuments` hand to queries is
 * still a copy, which a caller may change.
 */
export function createMemoryProjectionStore(): ProjectionStore {
  const documents = new Map<string, Map<string, unknown>>();
  const checkpoints = new Map<string, Checkpoint>();
  let generation = 0;
  /** The read models' epoch counter (CheckpointRow.epoch): moved on by every reset, never back. */
  let epoch = 0;

  const docsOf = (projection: string): Map<string, unknown> => {
    let docs = documents.get(projection);
    if (!docs) {
      docs = new Map();
      documents.set(projection, docs);
    }
    return docs;
  };

  return {
    async loadDocuments<Doc>(projection: string, ids: readonly string[]) {
      const docs = docsOf(projection);
      const found = new Map<string, Doc>();
      for (const id of ids) {
        const doc = docs.get(id);
        if (doc !== undefined || docs.has(id)) found.set(id, (isFrozenDocument(doc) ? doc : structuredClone(doc)) as Doc);
      }
      return found;
    },
    async listDocuments<Doc>(projection: string, options: ListOptions = {}) {
      const prefix = options.idPrefix ?? '';
      return [...docsOf(projection).entries()]
        .filter(([id]) => id.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([id, doc]): StoredDocument<Doc> => ({ id, doc: structuredClone(doc) as Doc }));
    },
    async getDocument<Doc>(projection: string, id: string) {
      const doc = docsOf(projection).get(id);
      return doc === undefined ? undefined : (structuredClone(doc) as Doc);
    },
    async walkRanked<Doc>(projection: string, options: RankedOptions, visit: (doc: Doc, id: string) => boolean | void) {
      for (const [id, doc] of ranked(docsOf(projection), options)) {
        if (visit(structuredClone(doc) as Doc, id) === false) return;
      }
    },
    async countRanked(projection: string, options: RankedOptions) {
      return ranked(docsOf(projection), options).length;
    },
    async commit(projection: string, changes: readonly DocumentChange[], checkpoint: Checkpoint, options = {}) {
      if ((checkpoint.logGeneration ?? 0) !== generation) return false;
      const stored = checkpoints.get(projection);
      if (options.expectedPosition !== undefined) {
        if (options.expectedPosition !== (stored?.position ?? 0)) return false;
        // Cleared since the batch's checkpoint was read, even if back at that position.
        if (stored !== undefined && (stored.epoch ?? 0) !== (checkpoint.epoch ?? 0)) return false;
      }
      // Clone everything before touching the maps, so a document that cannot be cloned writes nothing.
      const cloned = changes.map((change) =>
        change.kind === 'put' && !isFrozenDocument(change.doc) ? { ...change, doc: structuredClone(change.doc) } : change,
      );
      const docs = docsOf(projection);
      for (const change of cloned) {
        if (change.kind === 'put') docs.set(change.id, change.doc);
        else docs.delete(change.id);
      }
      checkpoints.set(projection, structuredClone(checkpoint));
      return true;
    },
    async reset(projection: string, projectionVersion: number) {
      epoch += 1;
      const checkpoint = { projection, position: 0, projectionVersion, logGeneration: generation, epoch, fault: null };
      documents.delete(projection);
      checkpoints.set(projection, checkpoint);
      return { ...checkpoint };
    },
    async logGeneration() {
      return generation;
    },
    async startNewGeneration() {
      documents.clear();
      checkpoints.clear();
      generation += 1;
      return generation;
    },
    async readCheckpoint(projection: string) {
      const checkpoint = checkpoints.get(projection);
      return checkpoint === undefined ? undefined : structuredClone(checkpoint);
    },
  };
}

/** What an index key may be: the documents whose field is one of these are in the Dexie store's index. */
const isIndexable = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));

/**
 * The Dexie store's index order, kept by sorting (the memory store serves tests and the in-memory simulator, where
 * a read model is small): highest field first, equal fields by id descending.
 */
function ranked(docs: Map<string, unknown>, { by, status, lowestFirst = false }: RankedOptions): [string, unknown][] {
  const fieldOf = (doc: unknown): unknown => (doc as Record<string, unknown> | null)?.[by];
  const compare = (a: unknown, b: unknown): number =>
    typeof a === typeof b ? (a! < b! ? -1 : a! > b! ? 1 : 0) : typeof a === 'number' ? -1 : 1;
  const highestFirst = [...docs.entries()]
    .filter(([, doc]) => isIndexable(fieldOf(doc)) && (status === undefined || (doc as { status?: unknown }).status === status))
    .sort(([idA, a], [idB, b]) => compare(fieldOf(b), fieldOf(a)) || (idA < idB ? 1 : idA > idB ? -1 : 0));
  return lowestFirst ? highestFirst.reverse() : highestFirst;
}
