import * as v from 'valibot';
import { limits } from '../../domain/core/limits';
import { isCopiedEvent, streamMigratedType } from '../../eventStore/streamMigration';
import type { RecordedEvent } from '../../eventStore/types';
import { upcast, type Upcasting } from '../../eventStore/upcasters';
import { copyStreamIdOf } from './copyAndTransform';

/**
 * What an import checks of a copy-and-transform migration (copyAndTransform.ts) in an exported log. No decider
 * wrote these events, so they are checked against what the migration writes: a copy must be exactly its original
 * (named by its causationId, earlier in the file) brought to today's schema, in the order's `order-v2-<id>` stream;
 * a StreamMigrated marker must end an order stream, say how many events were copied and where to; and nothing may
 * follow a marker in its stream.
 */

const markerData = v.strictObject(
  {
    migratedTo: v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(limits.recordId, `must be at most ${limits.recordId} characters`)),
    eventsCopied: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative')),
    migratedAt: v.pipe(v.string('must be text'), v.isoTimestamp('must be an ISO 8601 time')),
  },
  'must be a StreamMigrated object with exactly: migratedTo, eventsCopied, migratedAt',
);

export type MigrationCheck = {
  /** Streams a marker has ended so far in the file. */
  readonly ended: Set<string>;
  /** An earlier event of the file by its id. */
  readonly earlier: (eventId: string) => RecordedEvent | undefined;
  readonly upcasting: Upcasting;
  /** The first place two events' data differ, in words (ciphertexts of one person's field count as equal). */
  readonly differs: (inFile: unknown, expected: unknown) => string | undefined;
};

/** The reason a migration's event cannot stand here; undefined when it can; 'not a migration' for any other event. */
export function checkMigrationEvent(event: RecordedEvent, check: MigrationCheck): string | undefined | 'not a migration' {
  if (check.ended.has(event.streamId))
    return `stream ${event.streamId} ended with its StreamMigrated marker: no event may follow it (writers moved to the new stream)`;
  if (event.type === streamMigratedType) {
    const data = v.safeParse(markerData, event.data);
    if (!data.success) return `data does not match StreamMigrated: ${data.issues[0]!.message}`;
    const orderId = event.streamId.startsWith('order-') ? event.streamId.slice('order-'.length) : undefined;
    if (orderId === undefined || orderId.startsWith('v2-')) return `a StreamMigrated marker ends an order stream (order-<id>), not ${event.streamId}`;
    if (data.output.migratedTo !== copyStreamIdOf(orderId)) return `${event.streamId} is migrated to ${copyStreamIdOf(orderId)}, not ${data.output.migratedTo}`;
    if (data.output.eventsCopied !== event.streamPosition - 1)
      return `the marker says ${data.output.eventsCopied} events were copied, but ${event.streamPosition - 1} come before it in ${event.streamId}`;
    check.ended.add(event.streamId);
    return undefined;
  }
  if (!isCopiedEvent(event)) return 'not a migration';
  const original = check.earlier(event.metadata.causationId);
  if (original === undefined) return `this copy names ${event.metadata.causationId} as its original, which is not earlier in the file`;
  const orderId = (original.data as { orderId?: unknown }).orderId;
  if (typeof orderId !== 'string' || event.streamId !== copyStreamIdOf(orderId))
    return `the copy of an event of ${original.streamId} belongs in ${typeof orderId === 'string' ? copyStreamIdOf(orderId) : 'an order-v2 stream'}, not in ${event.streamId}`;
  const current = upcast(original, check.upcasting.upcasters, check.upcasting.currentVersions);
  if (event.type !== current.type || event.schemaVersion !== current.schemaVersion)
    return `the copy of ${original.eventId} is ${event.type} v${event.schemaVersion}, but its original is ${current.type} v${current.schemaVersion} today`;
  const difference = check.differs(event.data, current.data);
  return difference === undefined ? undefined : `the copy of ${original.eventId} is not its original at today's schema: ${difference}`;
}
