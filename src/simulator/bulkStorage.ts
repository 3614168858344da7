import { ConcurrencyError } from '../eventStore/errors';
import { upcast, type Upcasting } from '../eventStore/upcasters';
import type { EventStore, NewEvent, RecordedEvent } from '../eventStore/types';
import { isCopiedEvent } from '../eventStore/streamMigration';
import type { ProjectionStore } from '../projections/projectionStore';
import { orderEventTypes } from '../projections/readModels/orderEvents';
import { userEventTypes } from '../projections/readModels/users';
import { commandOfEvent, type DomainEvent, type TwinCommand } from './twinCommands';

/**
 * Writing many events at once, for the Data screen: seeding a generated history, importing a file, resetting.
 * `handleCommand` is one load–decide–append per command; a seeded history was already decided in memory by the
 * real decider, so here it only has to be written, many streams per transaction, with the same version checks.
 */

/** One decided command: its events, the stream version they were decided on, and what it does to the CRUD twin. */
export type BulkStep = {
  readonly streamId: string;
  /** The stream's version the command was decided on (0 = the stream is new). Checked when written. */
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
  readonly twin: TwinCommand;
};

export type BulkProgress = { readonly done: number; readonly total: number };

export interface BulkStorage {
  /**
   * Appends the steps in order, all or nothing: a step whose stream is not at its expected version (another
   * writer, or the same data seeded twice) throws a ConcurrencyError and nothing of the batch is written.
   * The CRUD twin follows the log by its checkpoint: a store may apply the steps' commands to it in the same write
   * (and move its checkpoint), or leave it to the twin's follower (crudTwin/).
   */
  appendSteps(steps: readonly BulkStep[], options?: { readonly quiet?: boolean }): Promise<void>;
  /**
   * Tells the store's subscribers (this tab's projector, other tabs) that the log grew. `appendSteps` does it itself
   * unless `quiet`: a long seed stays quiet until its end, so the projector does not compete with the writes.
   */
  announce(): Promise<void>;
  /**
   * Deletes every event and snapshot, then writes `events` exactly as they were recorded (ids, positions, times).
   * The events must already be validated. The CRUD twin of the old log is invalidated with it (a new log
   * generation): a store rebuilds it in the same write, or its follower rebuilds it from the new log.
   * Every read model and checkpoint is cleared and a new log generation started with it (on IndexedDB in the same
   * transaction), so the old log's read models cannot outlive it; the projector rebuilds them from the new log.
   * `twinEvents`: the same events as the twin reads them, personal fields decrypted (src/privacy/), for a store that
   * rebuilds the twin in the same write (IndexedDB); the stored events when missing. A store whose twin is rebuilt by
   * its follower ignores them: the follower reads the log through the decrypting store.
   */
  replaceAll(
    events: readonly RecordedEvent[],
    onProgress?: (progress: BulkProgress) => void,
    twinEvents?: readonly RecordedEvent[],
  ): Promise<void>;
}

/** Events the CRUD twin follows: orders and users. Seed 004's inventory, payment and saga events have no twin. */
const twinEventTypes: ReadonlySet<string> = new Set([...orderEventTypes, ...userEventTypes] satisfies DomainEvent['type'][]);

/**
 * The twin command an event recorded, read at today's schema version (an old OrderPlaced v1 is upcast first);
 * undefined for an event the twin does not follow.
 */
export function twinCommandOfRecorded(event: RecordedEvent, upcasting: Upcasting): TwinCommand | undefined {
  // A migration's copy is a fact the twin already applied from the original (src/eventStore/streamMigration.ts).
  if (!twinEventTypes.has(event.type) || isCopiedEvent(event)) return undefined;
  const current = upcast(event, upcasting.upcasters, upcasting.currentVersions);
  return commandOfEvent({ type: current.type, data: current.data } as DomainEvent);
}

/** A recorded event handed back to `appendToStream`, keeping its id and metadata. */
export function asNewEvent(event: RecordedEvent): NewEvent {
  const { commandId, correlationId, causationId } = event.metadata;
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: { commandId, correlationId, causationId },
  };
}

export type InterfaceBulkParts = {
  readonly store: EventStore;
  /** Its read models are invalidated (a new log generation) before the log is replaced. */
  readonly projectionStore: ProjectionStore;
  readonly upcasting: Upcasting;
  /**
   * Makes the store stamp the next appends with this time (undefined = its own clock again), so an imported event
   * keeps the `recordedAt` of its file. Without it, imported events are stamped with the time of the import.
   */
  readonly recordAt?: (at: string | undefined) => void;
};

/**
 * Bulk writing through the public interfaces only, one append per step: right for the memory store, where an append
 * costs microseconds, and for any store that offers nothing faster. Not atomic across steps.
 */
export function createInterfaceBulkStorage(parts: InterfaceBulkParts): BulkStorage {
  const { store, projectionStore, recordAt } = parts;
  return {
    // One append per step: the memory store tells its subscribers on every append, so there is nothing to add.
    async announce() {},
    async appendSteps(steps) {
      for (const step of steps) {
        const expectedVersion = step.expectedVersion === 0 ? 'noStream' : step.expectedVersion;
        const appended = await store.appendToStream(step.streamId, step.events, { expectedVersion });
        // The store took these events for a retry of an earlier append: the same data was written before. For a
        // bulk write that is a conflict, as it is on IndexedDB, not a silent success.
        if (appended.alreadyRecorded)
          throw new ConcurrencyError(step.streamId, expectedVersion, await store.streamVersion(step.streamId),
            'These events are already recorded: this data was written before.');
      }
    },
    async replaceAll(events, onProgress) {
      // Not atomic with the writes below (nothing in memory outlives a crash anyway), but first: no projector can
      // commit what it read of the old log once the generation has moved on.
      await projectionStore.startNewGeneration();
      await store.clear();
      const total = events.length;
      onProgress?.({ done: 0, total });
      try {
        for (let index = 0; index < total; index += 1) {
          const event = events[index]!;
          recordAt?.(event.metadata.recordedAt);
          await store.appendToStream(event.streamId, [asNewEvent(event)], { expectedVersion: event.streamPosition - 1 });
          if ((index + 1) % 1000 === 0) onProgress?.({ done: index + 1, total });
        }
      } finally {
        recordAt?.(undefined);
      }
      onProgress?.({ done: total, total });
    },
  };
}
