import type { RecordedEvent } from '../eventStore/types';
import type { ProjectionStore } from './projectionStore';
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
 */
export async function applyBatch(
  projection: AnyProjection,
  projectionStore: ProjectionStore,
  events: readonly RecordedEvent[],
  from: Checkpoint,
): Promise<BatchResult> {
  const fresh = events.filter((event) => event.globalPosition > from.position);
  if (fresh.length === 0) return { checkpoint: from, advancedBy: 0, committed: true };

  const handled = new Set(projection.handles);
  let fault: ProjectionFault | null = null;
  const faultAt = (event: RecordedEvent, error: unknown): ProjectionFault => ({
    globalPosition: event.globalPosition,
    eventType: event.type,
    reason: reasonOf(error),
  });

  // Ask every event for its documents first, so the batch loads them in one read.
  const idsPerEvent = new Map<number, readonly string[]>();
  let applicable: RecordedEvent[] = fresh;
  for (const [index, event] of fresh.entries()) {
    if (!handled.has(event.type)) continue;
    try {
      idsPerEvent.set(event.globalPosition, projection.documentIds(event));
    } catch (error) {
      fault = faultAt(event, error);
      applicable = fresh.slice(0, index);
      break;
    }
  }
  const declared = new Set([...idsPerEvent.values()].flat());
  const batchDocs = await projectionStore.loadDocuments<unknown>(projection.name, [...declared]);
  // Net change per document id; `undefined` in batchDocs after a delete is represented by the delete change.
  const changes = new Map<string, DocumentChange>();

  let position = from.position;
  let advancedBy = 0;
  for (const event of applicable) {
    if (handled.has(event.type)) {
      const allowed = new Set(idsPerEvent.get(event.globalPosition));
      const layer = new Map<string, { doc: unknown } | 'deleted'>();
      const view: DocumentView<unknown> = {
        get(id) {
          if (!allowed.has(id)) {
            throw new Error(
              `${projection.name} read document "${id}" without naming it in documentIds for ${event.type}.`,
            );
          }
          const written = layer.get(id);
          if (written !== undefined) return written === 'deleted' ? undefined : written.doc;
          // A copy, so that an evolve that mutates what it read and then throws leaves the batch untouched.
          const doc = batchDocs.get(id);
          return doc === undefined ? undefined : structuredClone(doc);
        },
        put(id, doc) {
          layer.set(id, { doc });
        },
        delete(id) {
          layer.set(id, 'deleted');
        },
      };
      try {
        projection.evolve(view, event);
      } catch (error) {
        fault = faultAt(event, error);
        break;
      }
      for (const [id, written] of layer) {
        if (written === 'deleted') {
          batchDocs.delete(id);
          changes.set(id, { kind: 'delete', id });
        } else {
          batchDocs.set(id, written.doc);
          changes.set(id, { kind: 'put', id, doc: written.doc });
        }
      }
    }
    position = event.globalPosition;
    advancedBy += 1;
  }

  const checkpoint: Checkpoint = {
    projection: projection.name,
    position,
    projectionVersion: from.projectionVersion,
    fault,
  };
  const committed = await projectionStore.commit(projection.name, [...changes.values()], checkpoint, {
    expectedPosition: from.position,
  });
  if (!committed) {
    const stored = await projectionStore.readCheckpoint(projection.name);
    return { checkpoint: stored ?? from, advancedBy: 0, committed: false };
  }
  return { checkpoint, advancedBy, committed: true };
}
