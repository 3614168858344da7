import type { RecordedEvent } from '../eventStore/types';
import { isCopiedEvent } from '../eventStore/streamMigration';
import type { ProjectionStore } from './projectionStore';
import { freezeDocument } from './freezeDocument';
import type { AnyProjection, Checkpoint, DocumentChange, DocumentView, ProjectionFault } from './types';

export type BatchResult = {
  /** The checkpoint as stored after the batch (unchanged when nothing was new or another writer got there first). */
  readonly checkpoint: Checkpoint;
  /** Events the batch moved the checkpoint past (handled or not). */
  readonly advancedBy: number;
  /** False when the stored checkpoint had moved since `from` was read: nothing was written. */
  readonly committed: boolean;
};

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Applies a batch of events to one projection and commits the documents and the checkpoint once.
 *
 * - Events at or before the checkpoint are dropped: applying the same batch twice changes nothing.
 * - Each event works on its own layer over the batch's documents; when evolve throws, that layer is thrown away, the
 *   events before it are committed, and the checkpoint records the fault on the failing event.
 * - Every document in the batch is frozen (as loaded, and as put), so `get` hands it out without a copy: an evolve
 *   that mutates what it read throws there, and cannot leave a half-changed document behind for the next event.
 * - `known`, when given, holds every document of the projection as committed up to `from` (a rebuild builds it in
 *   memory from the empty read model): the batch reads from it instead of the store, and writes its changes into it
 *   before the commit. When the commit throws or reports `committed: false`, `known` no longer matches the store and
 *   the caller must drop it.
 */
export async function applyBatch(
  projection: AnyProjection,
  projectionStore: ProjectionStore,
  events: readonly RecordedEvent[],
  from: Checkpoint,
  known?: Map<string, unknown>,
): Promise<BatchResult> {
  const plan = planBatch(projection, events, from);
  if (plan === null) return { checkpoint: from, advancedBy: 0, committed: true };
  let batchDocs: Map<string, unknown>;
  if (known) {
    // Already frozen: everything in it was put by an earlier batch.
    batchDocs = known;
  } else {
    const declared = new Set<string>();
    for (const ids of plan.idsOf) if (ids) for (const id of ids) declared.add(id);
    batchDocs = await projectionStore.loadDocuments<unknown>(projection.name, [...declared]);
    for (const doc of batchDocs.values()) freezeDocument(doc);
  }
  const changes = new Map<string, DocumentChange>();
  const { checkpoint, advancedBy } = evolveBatch(projection, plan, from, batchDocs, changes);
  const result = await commitChanges(projectionStore, projection.name, changes, checkpoint, from);
  return result.committed ? { ...result, advancedBy } : result;
}

/** A batch applied in memory only: where it leaves the projection, and how many events it moved past. */
export type AppliedInMemory = { readonly checkpoint: Checkpoint; readonly advancedBy: number };

/**
 * Applies a batch to a read model held whole in memory (`documents`: every document as applied up to `from`), and
 * records each document it changes in `changes`, net per id, to be committed later with `commitChanges`: a rebuild
 * applies several batches between two commits, so a document that changes in each (a customer, a bucket, an order
 * whose events straddle two batches) is written once. Same rules as `applyBatch` otherwise; nothing is stored.
 */
export function applyInMemory(
  projection: AnyProjection,
  events: readonly RecordedEvent[],
  from: Checkpoint,
  documents: Map<string, unknown>,
  changes: Map<string, DocumentChange>,
): AppliedInMemory {
  const plan = planBatch(projection, events, from);
  if (plan === null) return { checkpoint: from, advancedBy: 0 };
  return evolveBatch(projection, plan, from, documents, changes);
}

/**
 * Commits the changes with the checkpoint they lead to, in one transaction, if the stored checkpoint is still
 * `committed` (the one they were applied from); otherwise writes nothing and answers the stored checkpoint.
 */
export async function commitChanges(
  projectionStore: ProjectionStore,
  name: string,
  changes: ReadonlyMap<string, DocumentChange>,
  checkpoint: Checkpoint,
  committed: Checkpoint,
): Promise<BatchResult> {
  const stored = await projectionStore.commit(name, [...changes.values()], checkpoint, {
    expectedPosition: committed.position,
  });
  if (!stored) {
    const current = await projectionStore.readCheckpoint(name);
    return { checkpoint: current ?? committed, advancedBy: 0, committed: false };
  }
  return { checkpoint, advancedBy: checkpoint.position - committed.position, committed: true };
}

/** The events of a batch the projection has not applied yet, the documents each names, and a fault naming them. */
type BatchPlan = {
  readonly applicable: readonly RecordedEvent[];
  /** `idsOf[i]` belongs to `applicable[i]`; events the projection does not handle have none. */
  readonly idsOf: readonly (readonly string[] | undefined)[];
  /** The event whose `documentIds` threw: the batch stops before it. */
  readonly fault: ProjectionFault | null;
};

const faultAt = (event: RecordedEvent, error: unknown): ProjectionFault => ({
  globalPosition: event.globalPosition,
  eventType: event.type,
  reason: reasonOf(error),
});

/** Null when the batch holds nothing newer than `from`. */
function planBatch(projection: AnyProjection, events: readonly RecordedEvent[], from: Checkpoint): BatchPlan | null {
  const fresh = events.filter((event) => event.globalPosition > from.position);
  if (fresh.length === 0) return null;
  const handled = new Set(projection.handles);
  // Ask every event for its documents first, so the batch loads them in one read.
  const idsOf: (readonly string[] | undefined)[] = [];
  for (const [index, event] of fresh.entries()) {
    // A migration's copy restates a fact this projection applied from the original: a read model whose evolve is
    // not idempotent would count it twice (src/eventStore/streamMigration.ts).
    if (!handled.has(event.type) || isCopiedEvent(event)) {
      idsOf.push(undefined);
      continue;
    }
    try {
      idsOf.push(projection.documentIds(event));
    } catch (error) {
      return { applicable: fresh.slice(0, index), idsOf, fault: faultAt(event, error) };
    }
  }
  return { applicable: fresh, idsOf, fault: null };
}

/** Runs evolve over the plan's events on `batchDocs`, recording every change in it and, net per id, in `changes`. */
function evolveBatch(
  projection: AnyProjection,
  plan: BatchPlan,
  from: Checkpoint,
  batchDocs: Map<string, unknown>,
  changes: Map<string, DocumentChange>,
): AppliedInMemory {
  let fault = plan.fault;
  // One view for the whole batch, pointed at the current event: building one (and its layer) per event showed up
  // in profiles as much as the read models' own work. The layer is an array: an event writes one to three documents.
  let current: RecordedEvent | undefined;
  let allowed: readonly string[] = [];
  const layer: DocumentChange[] = [];
  const write = (change: DocumentChange): void => {
    const index = layer.findIndex((written) => written.id === change.id);
    if (index >= 0) layer[index] = change;
    else layer.push(change);
  };
  const view: DocumentView<unknown> = {
    get(id) {
      // One or two ids per event: `includes` beats building a Set for every event.
      if (!allowed.includes(id)) {
        throw new Error(
          `${projection.name} read document "${id}" without naming it in documentIds for ${current?.type}.`,
        );
      }
      const written = layer.find((change) => change.id === id);
      if (written !== undefined) return written.kind === 'delete' ? undefined : written.doc;
      return batchDocs.get(id);
    },
    put(id, doc) {
      write({ kind: 'put', id, doc: freezeDocument(doc) });
    },
    delete(id) {
      write({ kind: 'delete', id });
    },
  };

  let position = from.position;
  let advancedBy = 0;
  for (const [index, event] of plan.applicable.entries()) {
    const ids = plan.idsOf[index];
    if (ids !== undefined) {
      current = event;
      allowed = ids;
      layer.length = 0;
      try {
        projection.evolve(view, event);
      } catch (error) {
        fault = faultAt(event, error);
        break;
      }
      for (const change of layer) {
        if (change.kind === 'delete') batchDocs.delete(change.id);
        else batchDocs.set(change.id, change.doc);
        changes.set(change.id, change);
      }
    }
    position = event.globalPosition;
    advancedBy += 1;
  }
  // A view kept by evolve past its event must not reach into the next batch's documents.
  allowed = [];

  const checkpoint: Checkpoint = {
    projection: projection.name,
    position,
    projectionVersion: from.projectionVersion,
    // The generation of the log these events were read from: the store refuses it if the log was replaced since.
    logGeneration: from.logGeneration ?? 0,
    // Which clearing of the read model this builds on: the store refuses it if the read model was cleared since.
    epoch: from.epoch ?? 0,
    fault,
  };
  return { checkpoint, advancedBy };
}
