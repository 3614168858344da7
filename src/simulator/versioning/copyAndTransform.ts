import { DomainError } from '../../domain/core/errors';
import { orderStreamId } from '../../domain/order/types';
import { ConcurrencyError } from '../../eventStore/errors';
import {
  isCopiedEvent,
  isStreamMigrated,
  migrationCommandId,
  streamMigratedType,
  type StreamMigratedData,
} from '../../eventStore/streamMigration';
import type { EventStore, NewEvent, RecordedEvent } from '../../eventStore/types';
import { upcast, type Upcasting } from '../../eventStore/upcasters';
import { shapeChanges, type ShapeChange } from './shapeDiff';

/**
 * Copy-and-transform on the app's own store (lesson 11): an order stream is copied into `order-v2-<id>`, each event
 * brought to today's schema by the project's upcasters, then a StreamMigrated marker is appended to the old stream
 * so writers move on (handleCommand refuses it from then on). The old stream is never changed, only ended.
 *
 * Run twice, it writes nothing the second time: the copies have fixed ids and the new stream is compared with the
 * copy it should hold. A new stream that holds anything else is refused, with nothing written. Each append names
 * the version it read (`noStream`, then the old stream's version for the marker): a writer that gets in between
 * makes the migration stop and say so, and running it again finishes the job.
 */

/** The stream an order's events are copied into. */
export const copyStreamIdOf = (orderId: string): string => `order-v2-${orderId}`;

const copyPrefix = copyStreamIdOf('');

/** The migration refused to run; nothing was written by the step that refused. */
export class MigrationRefusedError extends DomainError {
  constructor(message: string) {
    super('MigrationRefused', message);
  }
}

export type MigrationStores = {
  /** Where the copy and the marker are written and read back: the app's store. */
  readonly store: EventStore;
  /**
   * The old stream as stored, before any upcaster runs: the migration applies the upcasters itself, so the screen
   * can show what each one changed. Defaults to `store.readStream` (a store that upcasts as it reads).
   */
  readonly readAsStored?: (streamId: string) => Promise<RecordedEvent[]>;
  readonly upcasting: Upcasting;
  readonly now: () => string;
};

/** One event of the old stream beside its copy; `changes` is what the transformation did to its schema and data. */
export type MigratedPair = {
  readonly original: RecordedEvent;
  /** The copy as recorded in the new stream; undefined while it is not there (a migration stopped halfway). */
  readonly copy: RecordedEvent | undefined;
  readonly changes: readonly ShapeChange[];
};

export type StreamMigrationView = {
  readonly orderId: string;
  readonly from: string;
  readonly to: string;
  /** The old stream as stored, its marker last once migrated. */
  readonly original: readonly RecordedEvent[];
  readonly copy: readonly RecordedEvent[];
  readonly pairs: readonly MigratedPair[];
  /** The marker that ends the old stream, when it is there. */
  readonly marker: RecordedEvent | undefined;
};

export type MigrationRun = {
  /** Copies appended by this run (0 when the stream was migrated before). */
  readonly copiesWritten: number;
  readonly markerWritten: boolean;
  readonly view: StreamMigrationView;
};

/** Order ids whose streams can be migrated: every order stream that is not itself a copy. */
export async function migratableOrderIds(store: EventStore): Promise<string[]> {
  const orderPrefix = orderStreamId('');
  return (await store.streamIds(orderPrefix)).filter((id) => !id.startsWith(copyPrefix)).map((id) => id.slice(orderPrefix.length));
}

/** One stored event brought to today's schema, as the copy the new stream holds (ids fixed, so a rerun matches it). */
function copyOf(original: RecordedEvent, from: string, to: string, upcasting: Upcasting): NewEvent {
  let current: RecordedEvent;
  try {
    current = upcast(original, upcasting.upcasters, upcasting.currentVersions);
  } catch (error) {
    throw new MigrationRefusedError(
      `Event ${original.streamPosition} of ${from} (${original.type} v${original.schemaVersion}) cannot be brought to today's schema: ${error instanceof Error ? error.message : String(error)} Nothing was written.`,
    );
  }
  return {
    // Unique in the log (one global position per original, and an original is copied into one stream only).
    eventId: `copied-${original.globalPosition}`,
    type: current.type,
    schemaVersion: current.schemaVersion,
    data: current.data,
    metadata: {
      commandId: migrationCommandId(from, to),
      // The copy stays in its command's trace, and names the event it was copied from.
      correlationId: original.metadata.correlationId,
      causationId: original.eventId,
    },
  };
}

const json = (value: unknown): string => JSON.stringify(value);

/** Whether a recorded event is exactly the copy the migration would write there. */
const isCopy = (recorded: RecordedEvent, expected: NewEvent): boolean =>
  recorded.eventId === expected.eventId &&
  recorded.type === expected.type &&
  recorded.schemaVersion === expected.schemaVersion &&
  json(recorded.data) === json(expected.data) &&
  recorded.metadata.causationId === expected.metadata?.causationId;

/** The old stream's facts (its marker left out), refusing streams that cannot be migrated (to `to`). */
function factsOf(original: readonly RecordedEvent[], from: string, to: string): RecordedEvent[] {
  if (original.length === 0) throw new MigrationRefusedError(`There is no stream ${from}: pick an order that is in the store. Nothing was written.`);
  if (original.some(isCopiedEvent)) throw new MigrationRefusedError(`${from} is itself a migration's copy; migrate the order it was copied from. Nothing was written.`);
  const markers = original.filter((event) => isStreamMigrated(event));
  const marker = markers[0];
  if (marker !== undefined && isStreamMigrated(marker) && marker.data.migratedTo !== to)
    throw new MigrationRefusedError(`${from} was already migrated to ${marker.data.migratedTo}. Nothing was written.`);
  if (markers.length > 1 || (marker !== undefined && original.at(-1) !== marker))
    throw new MigrationRefusedError(`${from} has events after its StreamMigrated marker, which no writer may append. Nothing was written.`);
  return original.filter((event) => !isStreamMigrated(event));
}

/** Copies order `orderId`'s stream into `order-v2-<orderId>` at today's schema and ends the old stream. */
export async function migrateOrderStream(stores: MigrationStores, orderId: string): Promise<MigrationRun> {
  const { store, upcasting } = stores;
  const readAsStored = stores.readAsStored ?? ((streamId: string) => store.readStream(streamId));
  if (orderId.trim() === '') throw new MigrationRefusedError('Pick an order to migrate. Nothing was written.');
  const from = orderStreamId(orderId);
  const to = copyStreamIdOf(orderId);
  const original = await readAsStored(from);
  const facts = factsOf(original, from, to);
  const copies = facts.map((event) => copyOf(event, from, to, upcasting));

  const existing = await store.readStream(to);
  const mismatch = existing.findIndex((recorded, index) => copies[index] === undefined || !isCopy(recorded, copies[index]!));
  if (mismatch >= 0) {
    const recorded = existing[mismatch]!;
    throw new MigrationRefusedError(
      `${to} already exists and holds other events: its event ${recorded.streamPosition} (${recorded.type}, id ${recorded.eventId}) is not the copy of event ${mismatch + 1} of ${from}. Nothing was written; a migration never writes into a stream it did not make.`,
    );
  }

  const missing = copies.slice(existing.length);
  if (missing.length > 0) {
    try {
      await store.appendToStream(to, missing, { expectedVersion: existing.length === 0 ? 'noStream' : existing.length });
    } catch (error) {
      if (error instanceof ConcurrencyError)
        throw new MigrationRefusedError(`Something wrote to ${to} while it was being copied (${error.message}). Nothing was written; run the migration again.`);
      throw error;
    }
  }

  let markerWritten = false;
  if (!isStreamMigrated(original.at(-1))) {
    const data: StreamMigratedData = { migratedTo: to, eventsCopied: facts.length, migratedAt: stores.now() };
    try {
      await store.appendToStream(from, [{ eventId: `migrated-${from}>${to}`, type: streamMigratedType, data, metadata: { commandId: migrationCommandId(from, to) } }], {
        expectedVersion: original.length,
      });
      markerWritten = true;
    } catch (error) {
      if (error instanceof ConcurrencyError)
        throw new MigrationRefusedError(
          `${from} changed while it was being copied (${error.message}): ${to} holds its first ${facts.length} events, and ${from} was not ended. Run the migration again to copy the rest.`,
        );
      throw error;
    }
  }
  return { copiesWritten: missing.length, markerWritten, view: await migrationView(stores, orderId) };
}

/** Both streams of an order's migration as they are now (for the screen, and after a reload). */
export async function migrationView(stores: Omit<MigrationStores, 'now'>, orderId: string): Promise<StreamMigrationView> {
  const { store, upcasting } = stores;
  const readAsStored = stores.readAsStored ?? ((streamId: string) => store.readStream(streamId));
  const from = orderStreamId(orderId);
  const to = copyStreamIdOf(orderId);
  const [original, copy] = await Promise.all([readAsStored(from), store.readStream(to)]);
  const byCause = new Map(copy.map((event) => [event.metadata.causationId, event]));
  const pairs = original
    .filter((event) => !isStreamMigrated(event))
    .map((event) => {
      const copied = byCause.get(event.eventId);
      const current = copied ?? safeUpcast(event, upcasting);
      return {
        original: event,
        copy: copied,
        changes: shapeChanges({ schemaVersion: event.schemaVersion, data: event.data }, { schemaVersion: current.schemaVersion, data: current.data }),
      };
    });
  return { orderId, from, to, original, copy, pairs, marker: original.find((event) => isStreamMigrated(event)) };
}

function safeUpcast(event: RecordedEvent, upcasting: Upcasting): RecordedEvent {
  try {
    return upcast(event, upcasting.upcasters, upcasting.currentVersions);
  } catch {
    return event;
  }
}
