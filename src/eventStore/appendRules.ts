import { ValidationError, type FieldIssue } from '../domain/core/errors';
import { limits } from '../domain/core/limits';
import { ConcurrencyError } from './errors';
import { frozenCopy } from './frozenCopy';
import type { ExpectedVersion, NewEvent, RecordedEvent } from './types';

/**
 * The rules of `appendToStream` that do not depend on where events are kept, shared by the memory and Dexie
 * stores so that both refuse and accept exactly the same appends.
 */

/** Refuses a malformed batch before anything is read or written. */
export function validateNewEvents(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): void {
  // The usual append (a sound stream id and version, one well-formed event) allocates nothing here.
  if (typeof streamId === 'string' && isRecordId(streamId) && isExpectedVersion(expected) && events.length === 1 && isWellFormed(events[0])) return;
  const issues: FieldIssue[] = [];
  if (typeof streamId !== 'string' || streamId.length === 0)
    issues.push({ field: 'streamId', message: 'must be a non-empty string' });
  else if (streamId.length > limits.recordId)
    issues.push({ field: 'streamId', message: `must be at most ${limits.recordId} characters` });
  if (!isExpectedVersion(expected))
    issues.push({
      field: 'expectedVersion',
      message: `must be 'any', 'noStream', 'streamExists' or a whole number ≥ 0, got ${String(expected)}`,
    });
  // Only a batch of several events can repeat an id; a one-event append (the usual command) skips the set.
  const seen = events.length > 1 ? new Set<string>() : undefined;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index];
    // The field names are spelled out only for an event that has something wrong: this runs on every append.
    if (isWellFormed(event) && !seen?.has(event!.eventId)) {
      seen?.add(event!.eventId);
      continue;
    }
    const at = `events[${index}]`;
    if (typeof event?.eventId !== 'string' || event.eventId.length === 0)
      issues.push({ field: `${at}.eventId`, message: 'must be a non-empty string' });
    else if (event.eventId.length > limits.recordId)
      issues.push({ field: `${at}.eventId`, message: `must be at most ${limits.recordId} characters` });
    else if (seen?.has(event.eventId))
      issues.push({ field: `${at}.eventId`, message: `"${event.eventId}" appears twice in one append` });
    else seen?.add(event.eventId);
    if (typeof event?.type !== 'string' || event.type.length === 0)
      issues.push({ field: `${at}.type`, message: 'must be a non-empty string' });
    if (event?.schemaVersion !== undefined && !(isVersion(event.schemaVersion) && event.schemaVersion >= 1))
      issues.push({ field: `${at}.schemaVersion`, message: 'must be a whole number ≥ 1' });
    if (event?.data === undefined) issues.push({ field: `${at}.data`, message: 'is missing' });
    // An export file holds these ids and an import refuses longer ones: a store never records what it could not restore.
    for (const key of metadataIds) {
      const id: unknown = event?.metadata?.[key];
      if (!isRecordId(id)) issues.push({ field: `${at}.metadata.${key}`, message: `must be text of 1 to ${limits.recordId} characters` });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * The events with their data copied and frozen, or a ValidationError naming the first value no event can hold
 * (a cycle, a Date, a function, NaN...). Every store calls it before it reads or writes anything, so what one store
 * refuses every store refuses, with the same error: IndexedDB's own clone would accept a cycle, a Date or a Map.
 */
export function recordableEvents(events: readonly NewEvent[]): NewEvent[] {
  return events.map((event, index) => ({ ...event, data: frozenCopy(event.data, 'events', index, 'data') }));
}

const metadataIds = ['commandId', 'correlationId', 'causationId'] as const;

/** An optional id of the metadata: absent, or text an export file can hold. */
function isRecordId(id: unknown): boolean {
  return id === undefined || (typeof id === 'string' && id.length > 0 && id.length <= limits.recordId);
}

/** Every rule below at once, without naming anything: the fast path for the events that break none. */
function isWellFormed(event: NewEvent | undefined): boolean {
  return (
    typeof event?.eventId === 'string' &&
    event.eventId.length > 0 &&
    event.eventId.length <= limits.recordId &&
    typeof event.type === 'string' &&
    event.type.length > 0 &&
    (event.schemaVersion === undefined || (isVersion(event.schemaVersion) && event.schemaVersion >= 1)) &&
    event.data !== undefined &&
    isRecordId(event.metadata?.commandId) &&
    isRecordId(event.metadata?.correlationId) &&
    isRecordId(event.metadata?.causationId)
  );
}

function isExpectedVersion(expected: unknown): boolean {
  return expected === 'any' || expected === 'noStream' || expected === 'streamExists' || isVersion(expected);
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Whether the stream's version `actual` is what the caller expected. */
export function matchesExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  return (
    expected === 'any' ||
    (expected === 'noStream' && actual === 0) ||
    (expected === 'streamExists' && actual > 0) ||
    expected === actual
  );
}

/** Throws when the stream's version `actual` is not what the caller expected. */
export function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (!matchesExpectedVersion(expected, actual)) throw new ConcurrencyError(streamId, expected, actual);
}

/**
 * Some of the events being appended are already recorded (`recorded`: those of their ids found in the log, in
 * log order). A retry of an append that did succeed is recognised and answered with the events recorded the first
 * time: every id recorded, in this stream, in this order, on consecutive positions right after the expected version.
 * Anything else (some ids recorded, or recorded elsewhere) means another writer got in between: a conflict.
 */
export function matchRetriedAppend(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
  actual: number,
  recorded: readonly RecordedEvent[],
): RecordedEvent[] {
  const first = recorded[0];
  const start = typeof expected === 'number' ? expected + 1 : expected === 'noStream' ? 1 : first?.streamPosition;
  const matches =
    first !== undefined &&
    start !== undefined &&
    recorded.length === events.length &&
    (expected !== 'streamExists' || start > 1) &&
    recorded.every(
      (event, index) =>
        event.eventId === events[index]?.eventId &&
        event.streamId === streamId &&
        event.streamPosition === start + index,
    );
  if (matches) return [...recorded];
  const ids = recorded.map((event) => `${event.eventId} (${event.streamId} #${event.streamPosition})`).join(', ');
  throw new ConcurrencyError(
    streamId,
    expected,
    actual,
    `Some of its events were already recorded elsewhere: ${ids}.`,
  );
}

/**
 * `toRecordedEvents` and `recordableEvents` in one pass, each event and its metadata frozen: the memory store's
 * append, which keeps these very objects. One object per event, its metadata and its data copy, instead of three
 * copies of each event, most of what an append cost. Throws the same ValidationError as `recordableEvents` before
 * anything is written (the caller writes only after it returns).
 */
export function frozenRecordedEvents(
  streamId: string,
  events: readonly NewEvent[],
  streamVersion: number,
  headPosition: number,
  recordedAt: string,
): RecordedEvent[] {
  const recorded = new Array<RecordedEvent>(events.length);
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index]!;
    const commandId = event.metadata?.commandId ?? event.eventId;
    recorded[index] = Object.freeze({
      eventId: event.eventId,
      globalPosition: headPosition + index + 1,
      streamId,
      streamPosition: streamVersion + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: frozenCopy(event.data, 'events', index, 'data'),
      metadata: Object.freeze({
        commandId,
        correlationId: event.metadata?.correlationId ?? commandId,
        causationId: event.metadata?.causationId ?? commandId,
        recordedAt,
      }),
    });
  }
  return recorded;
}

/** The events as they will be recorded: positions assigned, metadata completed. */
export function toRecordedEvents(
  streamId: string,
  events: readonly NewEvent[],
  streamVersion: number,
  headPosition: number,
  recordedAt: string,
): RecordedEvent[] {
  return events.map((event, index) => {
    const commandId = event.metadata?.commandId ?? event.eventId;
    return {
      eventId: event.eventId,
      globalPosition: headPosition + index + 1,
      streamId,
      streamPosition: streamVersion + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: event.data,
      metadata: {
        commandId,
        correlationId: event.metadata?.correlationId ?? commandId,
        causationId: event.metadata?.causationId ?? commandId,
        recordedAt,
      },
    };
  });
}
