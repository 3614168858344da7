import * as v from 'valibot';
import { isEnvelope } from '../privacy/cipher';
import { fieldPath, isJsonObject } from '../domain/core/validation';
import { orderDecider } from '../domain/order/decider';
import { orderStreamId, type OrderEvent, type OrderState } from '../domain/order/types';
import { userDecider } from '../domain/user/decider';
import { userStreamId, type UserEvent, type UserState } from '../domain/user/types';
import { upcast, type Upcasting } from '../eventStore/upcasters';
import type { EventStore, RecordedEvent } from '../eventStore/types';
import { eventDataSchemas } from './eventDataSchemas';
import { checkMigrationEvent } from './versioning/importMigration';
import { streamMigratedType } from '../eventStore/streamMigration';
import { recordId, time } from '../domain/core/eventFields';
import type { Decider } from '../domain/core/decider';
import { commandOfInventoryEvent, inventoryDecider } from '../domain/inventory/decider';
import { inventoryEventTypes, inventoryStreamId, type InventoryEvent } from '../domain/inventory/types';
import { commandOfPaymentEvent, paymentDecider } from '../domain/payment/decider';
import { paymentStreamId, type PaymentEvent } from '../domain/payment/types';
import { commandOfSagaEvent, sagaDecider } from '../sagas/sagaDecider';
import { sagaEventTypes, sagaStreamId, type SagaEvent } from '../sagas/sagaMessages';
import { commandOfEvent } from './twinCommands';

/**
 * The workbook's export file: JSON Lines. Line 1 is a header (format name, format version, counts); every other
 * line is one recorded event exactly as the store presents it, in log order. An import is checked whole before
 * anything is written, and a refusal names the first bad line and why.
 */

export const exportFormat = 'event-workbook-events';
export const exportFormatVersion = 1;

export type ExportHeader = {
  readonly format: typeof exportFormat;
  readonly version: typeof exportFormatVersion;
  readonly events: number;
  readonly streams: number;
  readonly exportedAt: string;
};

/** The file's lines, each ending in a newline: hand them to `new Blob(lines)` without joining 100,000 strings. */
export function serializeEvents(events: readonly RecordedEvent[], exportedAt: string): string[] {
  const header: ExportHeader = {
    format: exportFormat,
    version: exportFormatVersion,
    events: events.length,
    streams: new Set(events.map((event) => event.streamId)).size,
    exportedAt,
  };
  return [`${JSON.stringify(header)}\n`, ...events.map((event) => `${JSON.stringify(event)}\n`)];
}

/** Reads the whole log in batches and serializes it. */
export async function exportStore(
  store: EventStore,
  options: { readonly now?: () => string; readonly onProgress?: (done: number, total: number) => void } = {},
): Promise<{ readonly lines: string[]; readonly events: number }> {
  const total = await store.headPosition();
  const events: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: events.length, limit: 5000 });
    if (batch.length === 0) break;
    events.push(...batch);
    options.onProgress?.(events.length, total);
  }
  return { lines: serializeEvents(events, (options.now ?? (() => new Date().toISOString()))()), events: events.length };
}

export type ImportResult =
  | { readonly ok: true; readonly header: ExportHeader; readonly events: RecordedEvent[] }
  | { readonly ok: false; readonly line: number; readonly reason: string };

// ---------- the envelope ----------

const wholeFromOne = v.pipe(v.number('must be a whole number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'));
const nonEmptyText = v.pipe(v.string('must be text'), v.nonEmpty('must not be empty'));

// Ids of the envelope are held to the limit the event store holds them to (eventStore/appendRules.ts).
const envelopeSchema = v.strictObject(
  {
    eventId: recordId,
    globalPosition: wholeFromOne,
    streamId: recordId,
    streamPosition: wholeFromOne,
    type: v.pipe(nonEmptyText, v.maxLength(100, 'must be at most 100 characters')),
    schemaVersion: wholeFromOne,
    data: v.unknown(),
    metadata: v.strictObject(
      {
        commandId: recordId,
        correlationId: recordId,
        causationId: recordId,
        recordedAt: time,
      },
      'must be an object with commandId, correlationId, causationId and recordedAt',
    ),
  },
  'must be a recorded event with eventId, globalPosition, streamId, streamPosition, type, schemaVersion, data and metadata',
);

const headerSchema = v.object({
  format: v.literal(exportFormat, `must be "${exportFormat}": this file is not an Event Workbook export`),
  version: v.number('must be a number'),
  events: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative')),
  streams: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative')),
  exportedAt: v.string('must be text'),
});

/** `metadata.recordedAt: must be an ISO 8601 time`: the first issue, with where it is. */
function firstIssue(issues: readonly v.BaseIssue<unknown>[], prefix: string): string {
  const issue = issues[0]!;
  const keys = issue.path?.map((item) => item.key) ?? [];
  const path = fieldPath([...(prefix ? [prefix] : []), ...keys]);
  const message = issue.input === undefined && keys.length > 0 ? 'is required' : issue.message;
  return path ? `${path}: ${message}` : message;
}

// ---------- the deciders' view of the history ----------

/** Where each stream's aggregate stands as the file's events are read, to check each event could have happened. */
type StreamState =
  | { readonly aggregate: 'order'; state: OrderState }
  | { readonly aggregate: 'user'; state: UserState }
  | { readonly aggregate: 'inventory' | 'payment' | 'saga'; state: unknown };

const quote = (value: unknown): string => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
};

/** The first place two JSON values differ, in words; undefined when they are equal. */
function firstDifference(inFile: unknown, decided: unknown, path: (string | number)[] = []): string | undefined {
  if (Object.is(inFile, decided)) return undefined;
  // A personal field sealed with its person's key (src/privacy/): a fresh IV makes every encryption differ, and the
  // plain value is not for the validator to read. The other fields of the event are still checked.
  if (isEnvelope(inFile) && typeof decided === 'string') return undefined;
  const where = path.length > 0 ? fieldPath(path) : 'data';
  if (Array.isArray(inFile) && Array.isArray(decided)) {
    if (inFile.length !== decided.length) return `${where} has ${inFile.length} entries, the decider records ${decided.length}`;
    for (let index = 0; index < inFile.length; index += 1) {
      const difference = firstDifference(inFile[index], decided[index], [...path, index]);
      if (difference) return difference;
    }
    return undefined;
  }
  if (isJsonObject(inFile) && isJsonObject(decided)) {
    for (const key of new Set([...Object.keys(decided), ...Object.keys(inFile)])) {
      const difference = firstDifference(inFile[key], decided[key], [...path, key]);
      if (difference) return difference;
    }
    return undefined;
  }
  return `${where} is ${quote(inFile)} in the file, but the decider records ${quote(decided)}`;
}

/**
 * Decides the command the event records, on the state of its stream so far: the event must be exactly what the
 * decider would have recorded there. Returns the reason when it is not.
 */
function checkAgainstDecider(event: RecordedEvent, streams: Map<string, StreamState>): string | undefined {
  const { type, data } = event;
  const seed004 = checkSeed004Event(event, streams);
  if (seed004 !== 'not seed 004') return seed004;
  const isUserEvent = type === 'UserCreated' || type === 'UserEmailUpdated';
  const ownerId = isUserEvent ? (data as { userId: string }).userId : (data as { orderId: string }).orderId;
  const expectedStream = isUserEvent ? userStreamId(ownerId) : orderStreamId(ownerId);
  if (event.streamId !== expectedStream)
    return `a ${type} event of ${isUserEvent ? 'user' : 'order'} ${quote(ownerId)} belongs in stream ${expectedStream}, not in ${event.streamId}`;
  const twin = commandOfEvent({ type, data } as OrderEvent | UserEvent);
  try {
    if (twin.aggregate === 'order') {
      const stream = streams.get(event.streamId) ?? { aggregate: 'order', state: orderDecider.initialState() };
      if (stream.aggregate !== 'order') return `stream ${event.streamId} holds user events, not order events`;
      const decided = orderDecider.decide(twin.command, stream.state);
      const difference = decided.length === 1 && decided[0]!.type === type ? firstDifference(data, decided[0]!.data) : `the decider records ${decided.map((e) => e.type).join(', ') || 'nothing'}`;
      if (difference) return `${type} is not what the order decider records for ${twin.command.type}: ${difference}`;
      stream.state = orderDecider.evolve(stream.state, decided[0]!);
      streams.set(event.streamId, stream);
    } else {
      const stream = streams.get(event.streamId) ?? { aggregate: 'user', state: userDecider.initialState() };
      if (stream.aggregate !== 'user') return `stream ${event.streamId} holds order events, not user events`;
      const decided = userDecider.decide(twin.command, stream.state);
      const difference = decided.length === 1 && decided[0]!.type === type ? firstDifference(data, decided[0]!.data) : `the decider records ${decided.map((e) => e.type).join(', ') || 'nothing'}`;
      if (difference) return `${type} is not what the user decider records for ${twin.command.type}: ${difference}`;
      stream.state = userDecider.evolve(stream.state, decided[0]!);
      streams.set(event.streamId, stream);
    }
  } catch (error) {
    return `${type} could not have happened here: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}

const inventoryTypes: ReadonlySet<string> = new Set(inventoryEventTypes);
const paymentEventTypes: ReadonlySet<string> = new Set(['PaymentCharged', 'PaymentDeclined', 'PaymentRefunded']);
const sagaTypes: ReadonlySet<string> = new Set(sagaEventTypes);

/** Seed 004's aggregates (inventory, payment, the order saga), checked like orders: the event must be what the decider records. */
function checkSeed004Event(event: RecordedEvent, streams: Map<string, StreamState>): string | undefined | 'not seed 004' {
  const { type, data, streamId } = event;
  if (inventoryTypes.has(type)) {
    const product = (data as { product: string }).product;
    return checkWith(event, streams, 'inventory', inventoryDecider, inventoryStreamId(product), `of product ${quote(product)}`, () =>
      commandOfInventoryEvent({ type, data } as InventoryEvent),
    );
  }
  if (paymentEventTypes.has(type)) {
    const orderId = (data as { orderId: string }).orderId;
    return checkWith(event, streams, 'payment', paymentDecider, paymentStreamId(orderId), `of order ${quote(orderId)}`, () =>
      commandOfPaymentEvent({ type, data } as PaymentEvent),
    );
  }
  if (sagaTypes.has(type)) {
    // Only SagaStarted names its order; the saga's later events belong to the stream it started.
    const expected = type === 'SagaStarted' ? sagaStreamId((data as { orderId: string }).orderId) : streamId;
    if (type === 'SagaStarted' && (data as { sagaId: string }).sagaId !== expected)
      return `SagaStarted must name its own stream as sagaId: ${quote(expected)}, not ${quote((data as { sagaId: string }).sagaId)}`;
    return checkWith(event, streams, 'saga', sagaDecider, expected, 'of its order', () => commandOfSagaEvent({ type, data } as SagaEvent));
  }
  return 'not seed 004';
}

function checkWith<Command, Event extends { readonly type: string; readonly data: unknown }, State>(
  event: RecordedEvent,
  streams: Map<string, StreamState>,
  aggregate: 'inventory' | 'payment' | 'saga',
  decider: Decider<Command, Event, State>,
  expectedStream: string,
  owner: string,
  commandOf: () => Command,
): string | undefined {
  const { type, data } = event;
  if (event.streamId !== expectedStream) return `a ${type} event ${owner} belongs in stream ${expectedStream}, not in ${event.streamId}`;
  const stream = streams.get(event.streamId) ?? { aggregate, state: decider.initialState() };
  if (stream.aggregate !== aggregate) return `stream ${event.streamId} holds ${stream.aggregate} events, not ${aggregate} events`;
  try {
    const decided = decider.decide(commandOf(), stream.state as State);
    const difference =
      decided.length === 1 && decided[0]!.type === type
        ? firstDifference(data, decided[0]!.data)
        : `the decider records ${decided.map((e) => e.type).join(', ') || 'nothing'}`;
    if (difference) return `${type} is not what the ${aggregate} decider records here: ${difference}`;
    stream.state = decider.evolve(stream.state as State, decided[0]!);
    streams.set(event.streamId, stream);
  } catch (error) {
    return `${type} could not have happened here: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}

// ---------- the whole file ----------

/**
 * Checks an export file line by line and returns its events, or the first bad line (1 = the header) and why.
 * Nothing is written here: the caller writes only what came back with `ok: true`.
 */
export function validateImport(text: string, upcasting: Upcasting): ImportResult {
  const lines = text.split(/\r?\n/);
  // A file ends with a newline: the empty strings after the last line are not lines.
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length === 0) return { ok: false, line: 1, reason: 'the file is empty: an export starts with a header line' };

  const fail = (line: number, reason: string): ImportResult => ({ ok: false, line, reason });
  let headerJson: unknown;
  try {
    headerJson = JSON.parse(lines[0]!);
  } catch (error) {
    return fail(1, `this is not an Event Workbook export: its first line should be a JSON header like {"format": "${exportFormat}", …} (${jsonErrorOf(error)})`);
  }
  const headerResult = v.safeParse(headerSchema, headerJson);
  if (!headerResult.success) return fail(1, `bad header: ${firstIssue(headerResult.issues, '')}`);
  if (headerResult.output.version !== exportFormatVersion)
    return fail(1, `format version ${quote(headerResult.output.version)} is unknown: this workbook reads version ${exportFormatVersion}`);
  const header = headerResult.output as ExportHeader;

  const events: RecordedEvent[] = [];
  const versions = new Map<string, number>();
  const eventLines = new Map<string, number>();
  const streams = new Map<string, StreamState>();
  const endedStreams = new Set<string>();
  for (let index = 1; index < lines.length; index += 1) {
    const line = index + 1;
    const source = lines[index]!;
    if (source.trim() === '') return fail(line, 'the line is empty: every line after the header holds one event');
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (error) {
      return fail(line, `bad JSON: ${jsonErrorOf(error)}`);
    }
    const envelope = v.safeParse(envelopeSchema, json);
    if (!envelope.success) return fail(line, `not a recorded event: ${firstIssue(envelope.issues, '')}`);
    const event = envelope.output as RecordedEvent;

    // A copy-and-transform migration's copies and marker: checked against what the migration writes, not a decider.
    const migration = checkMigrationEvent(event, {
      ended: endedStreams,
      earlier: (eventId) => {
        const at = eventLines.get(eventId);
        return at === undefined ? undefined : events[at - 2];
      },
      upcasting,
      differs: (inFile, expected) => firstDifference(inFile, expected),
    });
    const isMigration = migration !== 'not a migration';
    if (isMigration && migration !== undefined) return fail(line, migration);

    // A marker's data was checked above: it holds no aggregate's fact, so no event schema knows it.
    if (!(isMigration && event.type === streamMigratedType)) {
      const versionsOfType = eventDataSchemas[event.type];
      if (!versionsOfType || !Object.hasOwn(eventDataSchemas, event.type))
        return fail(line, `unknown event type ${quote(event.type)}: the workbook knows ${Object.keys(eventDataSchemas).join(', ')}`);
      const dataSchema = versionsOfType[event.schemaVersion];
      if (!dataSchema)
        return fail(
          line,
          `schemaVersion ${event.schemaVersion} of ${event.type} is unknown: the workbook reads version ${Object.keys(versionsOfType).join(', ')}`,
        );
      const data = v.safeParse(dataSchema, event.data);
      if (!data.success) return fail(line, `data does not match ${event.type} v${event.schemaVersion}: ${firstIssue(data.issues, 'data')}`);
    }

    const expectedGlobal = events.length + 1;
    if (event.globalPosition !== expectedGlobal)
      return fail(
        line,
        event.globalPosition <= events.length
          ? `globalPosition is not increasing: ${event.globalPosition} comes after ${events.length}`
          : `globalPosition gap: expected ${expectedGlobal} after ${events.length}, got ${event.globalPosition}`,
      );
    const earlier = eventLines.get(event.eventId);
    if (earlier !== undefined) return fail(line, `eventId ${quote(event.eventId)} is already used at line ${earlier}`);
    const expectedStream = (versions.get(event.streamId) ?? 0) + 1;
    if (event.streamPosition !== expectedStream)
      return fail(
        line,
        `streamPosition gap in stream ${event.streamId}: expected ${expectedStream}, got ${event.streamPosition}`,
      );

    let current: RecordedEvent;
    try {
      current = upcast(event, upcasting.upcasters, upcasting.currentVersions);
    } catch (error) {
      return fail(line, `cannot upcast ${event.type} v${event.schemaVersion}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const refused = isMigration ? undefined : checkAgainstDecider(current, streams);
    if (refused) return fail(line, refused);

    versions.set(event.streamId, event.streamPosition);
    eventLines.set(event.eventId, line);
    events.push(event);
  }
  if (header.events !== events.length)
    return fail(1, `the header announces ${header.events} events, but the file holds ${events.length}`);
  if (header.streams !== versions.size)
    return fail(1, `the header announces ${header.streams} streams, but the file's events are in ${versions.size}`);
  return { ok: true, header, events };
}

/** JSON.parse's message without the engine's quoting of the whole line. */
function jsonErrorOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 120 ? `${message.slice(0, 120)}…` : message;
}
