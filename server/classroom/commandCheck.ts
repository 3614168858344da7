import * as v from 'valibot';
import { fold, type Decider } from '../../src/domain/core/decider';
import { DomainError, NotFoundError, ValidationError } from '../../src/domain/core/errors';
import { limits } from '../../src/domain/core/limits';
import type { Message } from '../../src/domain/core/message';
import { fieldPath } from '../../src/domain/core/validation';
import { orderDecider } from '../../src/domain/order/decider';
import { parseOrderCommand } from '../../src/domain/order/schemas';
import { orderCommandTypes, orderEventSchemaVersions, orderStreamId, type OrderCommand } from '../../src/domain/order/types';
import { userDecider } from '../../src/domain/user/decider';
import { parseUserCommand } from '../../src/domain/user/schemas';
import { userStreamId, type UserCommand } from '../../src/domain/user/types';
import { checkExpectedVersion } from '../../src/eventStore/appendRules';
import { rehydrate, type SnapshotPolicy } from '../../src/eventStore/handleCommand';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent } from '../../src/eventStore/types';
import {
  classCommandTypes,
  maxEventsPerCommand,
  type ClassCommandType,
  type CommandRequest,
} from '../../src/classroom/protocol';
import { HttpError, validationError } from './http/httpError';

/**
 * The server's side of POST …/commands. The browser decided the events; the server trusts none of it: it validates
 * the request's shape, the command with the domain's own schemas, folds the stream from its own log, runs the
 * domain's decider on the command and appends only what the decider decides (with the browser's event ids and
 * metadata, so retries and traces still work). Nothing is written unless every check passes.
 */

const recordId = v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(limits.recordId, `must be at most ${limits.recordId} characters`));
const expectedVersionSchema = v.union(
  [v.picklist(['any', 'noStream', 'streamExists']), v.pipe(v.number(), v.safeInteger(), v.minValue(0))],
  "must be 'any', 'noStream', 'streamExists' or a whole number ≥ 0",
);
const newEventSchema = v.strictObject(
  {
    eventId: recordId,
    type: v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(100, 'must be at most 100 characters')),
    schemaVersion: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(1, 'must be ≥ 1'))),
    data: v.unknown(),
    metadata: v.optional(
      v.strictObject(
        { commandId: v.optional(recordId), correlationId: v.optional(recordId), causationId: v.optional(recordId) },
        'may hold only commandId, correlationId and causationId',
      ),
    ),
  },
  'must be an event {eventId, type, schemaVersion?, data, metadata?} and nothing else',
);
const requestSchema = v.strictObject(
  {
    streamId: recordId,
    expectedVersion: expectedVersionSchema,
    command: v.strictObject(
      {
        type: v.picklist(classCommandTypes, `must be one of ${classCommandTypes.join(', ')}`),
        data: v.custom<Record<string, unknown>>(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
          'must be a JSON object',
        ),
      },
      'must be a command {type, data} and nothing else',
    ),
    events: v.pipe(
      v.array(newEventSchema, 'must be a list of events'),
      v.maxLength(maxEventsPerCommand, `must hold at most ${maxEventsPerCommand} events`),
    ),
  },
  'must be {streamId, expectedVersion, command, events} and nothing else',
);

/** As in the browser (simulator's defaultSnapshotPolicy): a stream is folded from its latest snapshot and the tail. */
const snapshotPolicy: SnapshotPolicy = { every: 50, stateVersion: 1 };

const orderCommands: ReadonlySet<string> = new Set(orderCommandTypes);

type Routed = {
  readonly streamId: string;
  readonly decider: Decider<unknown, Message<string, unknown>, unknown>;
  readonly command: unknown;
  readonly schemaVersions: Readonly<Record<string, number>>;
};

/** The command validated by its aggregate's schemas, and where it goes. `at` is the server's clock. */
function route(type: ClassCommandType, data: unknown, at: string): Routed {
  try {
    if (orderCommands.has(type)) {
      const command = parseOrderCommand(type as OrderCommand['type'], data, at);
      return {
        streamId: orderStreamId(command.data.orderId),
        decider: orderDecider as unknown as Routed['decider'],
        command,
        schemaVersions: orderEventSchemaVersions,
      };
    }
    const command = parseUserCommand(type as UserCommand['type'], data, at);
    return {
      streamId: userStreamId(command.data.userId),
      decider: userDecider as unknown as Routed['decider'],
      command,
      schemaVersions: {},
    };
  } catch (error) {
    if (error instanceof ValidationError)
      throw validationError(error.issues.map((issue) => ({ path: `command.data.${issue.field}`, reason: issue.message })));
    throw error;
  }
}

/** Validates the request body's shape; a 422 names every bad field. */
export function parseCommandRequest(body: unknown): CommandRequest {
  const result = v.safeParse(requestSchema, body);
  if (result.success) return result.output as CommandRequest;
  const seen = new Set<string>();
  const issues: { path: string; reason: string }[] = [];
  for (const issue of result.issues) {
    const path = fieldPath(issue.path?.map((item) => item.key) ?? []);
    if (seen.has(path)) continue;
    seen.add(path);
    issues.push({ path, reason: issue.input === undefined && path !== '' ? 'is required' : issue.message });
  }
  throw validationError(issues);
}

export async function acceptCommand(store: EventStore, request: CommandRequest, at: string): Promise<AppendResult> {
  const routed = route(request.command.type as ClassCommandType, request.command.data, at);
  if (routed.streamId !== request.streamId)
    throw validationError([
      { path: 'streamId', reason: `${request.command.type} for this ${routed.streamId.split('-')[0]} goes to ${routed.streamId}` },
    ]);
  const eventIds = request.events.map((event) => event.eventId);
  if (new Set(eventIds).size !== eventIds.length)
    throw validationError([{ path: 'events', reason: 'two events share an eventId' }]);

  // A retry of events already recorded: the store answers with them (or a conflict), and writes nothing.
  if (request.events.length > 0) {
    const earlier = await store.eventsOfCommand(request.events[0]!.metadata?.commandId ?? request.events[0]!.eventId);
    if (earlier.some((event) => eventIds.includes(event.eventId)))
      return store.appendToStream(request.streamId, request.events, { expectedVersion: request.expectedVersion });
  }

  // A stale version is refused before any event is read: under contention most attempts end here.
  checkExpectedVersion(routed.streamId, request.expectedVersion, await store.streamVersion(routed.streamId));
  const loaded = await rehydrate(store, routed.decider, routed.streamId, { snapshots: snapshotPolicy });
  const { state, version } = loaded;
  checkExpectedVersion(routed.streamId, request.expectedVersion, version);
  let decided: Message<string, unknown>[];
  try {
    decided = routed.decider.decide(routed.command, state);
  } catch (error) {
    if (error instanceof DomainError) throw new HttpError(422, { error: 'DomainError', code: error.code, message: error.message });
    if (error instanceof NotFoundError)
      throw new HttpError(422, { error: 'DomainError', code: 'NotFound', message: error.message });
    if (error instanceof ValidationError)
      throw validationError(error.issues.map((issue) => ({ path: `command.data.${issue.field}`, reason: issue.message })));
    throw error;
  }

  const issues = differences(decided, request.events, routed.schemaVersions);
  if (issues.length > 0) throw validationError(issues);
  if (decided.length === 0) return { nextExpectedVersion: version, events: [], alreadyRecorded: false };

  const events: NewEvent[] = decided.map((event, index) => {
    const sent = request.events[index]!;
    return {
      eventId: sent.eventId,
      type: event.type,
      schemaVersion: routed.schemaVersions[event.type] ?? 1,
      data: event.data,
      ...(sent.metadata === undefined ? {} : { metadata: sent.metadata }),
    };
  });
  const expected: ExpectedVersion = version === 0 ? 'noStream' : version;
  const appended = await store.appendToStream(routed.streamId, events, { expectedVersion: expected });
  const next = appended.nextExpectedVersion;
  if (!appended.alreadyRecorded && Math.floor(next / snapshotPolicy.every) > Math.floor(version / snapshotPolicy.every))
    await store
      .saveSnapshot({
        streamId: routed.streamId,
        streamPosition: next,
        stateVersion: snapshotPolicy.stateVersion,
        state: fold(routed.decider.evolve, decided, state),
        takenAt: at,
      })
      // A snapshot is a shortcut: the events are recorded, the next command replays the tail instead.
      .catch(() => undefined);
  return appended;
}

/** Where the browser's events differ from what the decider decides (timestamps may differ, nothing else). */
function differences(
  decided: readonly Message<string, unknown>[],
  sent: readonly NewEvent[],
  schemaVersions: Readonly<Record<string, number>>,
): { path: string; reason: string }[] {
  if (decided.length !== sent.length)
    return [
      {
        path: 'events',
        reason: `the command decides ${decided.length} event(s) (${decided.map((event) => event.type).join(', ') || 'none'}), not ${sent.length}`,
      },
    ];
  const issues: { path: string; reason: string }[] = [];
  decided.forEach((event, index) => {
    const other = sent[index]!;
    if (other.type !== event.type) {
      issues.push({ path: `events[${index}].type`, reason: `the command decides ${event.type}, not ${other.type}` });
      return;
    }
    const version = schemaVersions[event.type] ?? 1;
    if ((other.schemaVersion ?? 1) !== version)
      issues.push({ path: `events[${index}].schemaVersion`, reason: `${event.type} is written at version ${version}` });
    const where = firstDifference(event.data, other.data, `events[${index}].data`);
    if (where !== undefined) issues.push({ path: where, reason: 'is not what the command decides' });
  });
  return issues;
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The path of the first value that differs; two ISO times count as the same (each side stamps its own clock). */
function firstDifference(decided: unknown, sent: unknown, path: string): string | undefined {
  if (Object.is(decided, sent)) return undefined;
  if (typeof decided === 'string' && typeof sent === 'string')
    return isoTime.test(decided) && isoTime.test(sent) ? undefined : path;
  if (Array.isArray(decided) && Array.isArray(sent)) {
    if (decided.length !== sent.length) return path;
    for (let index = 0; index < decided.length; index += 1) {
      const found = firstDifference(decided[index], sent[index], `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isPlainObject(decided) && isPlainObject(sent)) {
    const keys = new Set([...Object.keys(decided), ...Object.keys(sent)]);
    for (const key of keys) {
      const found = firstDifference(decided[key], sent[key], `${path}.${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return path;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
