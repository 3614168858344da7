import {
  CheckFailure,
  deepFreeze,
  expectEqual,
  expectTrue,
  fc,
  forAll,
  studentFunction,
  withoutMutation,
  type ExerciseTests,
  type StudentModule,
} from '../support/checks';
import type { NewEvent, RecordedEvent, Streams } from '../support/events';

type Append = (streams: Streams, streamId: string, events: readonly NewEvent[], expectedVersion: number) => number;

export const comparisonRule =
  'After each append the stream is compared by value with the expected list of { type, data, streamId, position }, ' +
  'positions 1, 2, 3, ... with no gaps. A stale expected version must throw a VersionConflictError whose ' +
  'expectedVersion and actualVersion are the two versions, and leave every stream exactly as it was.';

const placed: NewEvent = deepFreeze({ type: 'OrderPlaced', data: { orderId: '1001' } });
const confirmed: NewEvent = deepFreeze({ type: 'OrderConfirmed', data: { orderId: '1001' } });
const shipped: NewEvent = deepFreeze({ type: 'OrderShipped', data: { orderId: '1001' } });
const cancelled: NewEvent = deepFreeze({ type: 'OrderCancelled', data: { orderId: '1001' } });

const recorded = (streamId: string, events: readonly NewEvent[], from = 1): RecordedEvent[] =>
  events.map((event, index) => ({ ...event, streamId, position: from + index }));

/** A copy of the store's content as plain data, to compare before and after. */
const contentOf = (streams: Streams): Record<string, unknown> => Object.fromEntries([...streams].map(([id, events]) => [id, events.map((event) => ({ ...event }))]));

export function defineExerciseTests(student: StudentModule): ExerciseTests {
  const append = studentFunction<Append>(student, 'appendToStream');
  const run = (streams: Streams, streamId: string, events: readonly NewEvent[], expectedVersion: number): number =>
    withoutMutation(() => append(streams, streamId, events, expectedVersion), 'events');

  /** Expects a conflict naming both versions, and a store left exactly as it was. */
  function expectConflict(streams: Streams, streamId: string, events: readonly NewEvent[], expectedVersion: number, actualVersion: number, situation: string): void {
    const before = contentOf(streams);
    let returned: unknown;
    try {
      returned = run(streams, streamId, events, expectedVersion);
    } catch (error) {
      if (error instanceof CheckFailure) throw error;
      const found = (error ?? {}) as { name?: unknown; expectedVersion?: unknown; actualVersion?: unknown; message?: unknown };
      expectTrue(found.name === 'VersionConflictError', `${situation}: throw new VersionConflictError(streamId, expectedVersion, actualVersion); your code threw ${String(found.name)}: ${String(found.message)}`);
      expectEqual(
        { expectedVersion: found.expectedVersion, actualVersion: found.actualVersion },
        { expectedVersion, actualVersion },
        `${situation}: the conflict must name the version the caller expected (${expectedVersion}) and the stream's real version (${actualVersion}).`,
      );
      expectEqual(contentOf(streams), before, `${situation}: a refused append must write nothing (check the version before storing any event).`);
      return;
    }
    throw new CheckFailure(`${situation}: the append should be refused with a VersionConflictError, but it returned ${JSON.stringify(returned)}.`, { expectedVersion, actualVersion }, contentOf(streams));
  }

  return {
    checks: [
      {
        name: 'the first append to a new stream, expecting version 0, records positions 1, 2, ...',
        run: () => {
          const streams: Streams = new Map();
          const version = run(streams, 'order-1001', [placed, confirmed], 0);
          expectEqual(version, 2, 'Appending 2 events to an empty stream should return its new version, 2.');
          expectEqual(contentOf(streams), { 'order-1001': recorded('order-1001', [placed, confirmed]) }, 'The stream should hold both events, each with streamId and position 1, 2.');
        },
      },
      {
        name: 'an append expecting the current version continues the positions',
        run: () => {
          const streams: Streams = new Map([['order-1001', recorded('order-1001', [placed, confirmed])]]);
          expectEqual(run(streams, 'order-1001', [shipped], 2), 3, 'The stream is at version 2; appending one event with expectedVersion 2 should return 3.');
          expectEqual(contentOf(streams), { 'order-1001': recorded('order-1001', [placed, confirmed, shipped]) }, 'OrderShipped should be stored at position 3, after the two events already there.');
        },
      },
      {
        name: 'a stale expected version is refused, naming both versions, and writes nothing',
        run: () => {
          const streams: Streams = new Map([['order-1001', recorded('order-1001', [placed, confirmed, shipped])]]);
          expectConflict(streams, 'order-1001', [cancelled], 1, 3, 'The stream is at version 3 but the caller read version 1');
        },
      },
      {
        name: 'an expected version ahead of the stream, or 0 for an existing stream, is refused too',
        run: () => {
          const streams: Streams = new Map([['order-1001', recorded('order-1001', [placed, confirmed])]]);
          expectConflict(streams, 'order-1001', [shipped], 5, 2, 'The stream is at version 2 but the caller expected 5');
          expectConflict(streams, 'order-1001', [placed], 0, 2, 'The caller expected a new stream (version 0) but order-1001 has 2 events');
        },
      },
      {
        name: 'two writers who read the same version: the first wins, the second gets a conflict',
        run: () => {
          const streams: Streams = new Map([['order-1001', recorded('order-1001', [placed])]]);
          expectEqual(run(streams, 'order-1001', [confirmed], 1), 2, 'The first writer read version 1 and appends OrderConfirmed: new version 2.');
          expectConflict(streams, 'order-1001', [cancelled], 1, 2, 'The second writer also read version 1, but the first writer has since moved the stream to 2');
          expectEqual(run(streams, 'order-1001', [cancelled], 2), 3, 'After reading again (version 2), the second writer can append: new version 3.');
        },
      },
      {
        name: 'an append touches only its own stream',
        run: () => {
          const other = recorded('order-2002', [placed]);
          const streams: Streams = new Map([['order-2002', other]]);
          run(streams, 'order-1001', [placed], 0);
          expectEqual(contentOf(streams)['order-2002'], other, 'Appending to order-1001 must leave order-2002 exactly as it was.');
        },
      },
      {
        name: 'for any sequence of appends, exactly those with the current version succeed and positions have no gaps',
        run: () =>
          forAll(
            fc.array(fc.record({ streamId: fc.constantFrom('order-a', 'order-b'), count: fc.integer({ min: 1, max: 3 }), drift: fc.constantFrom(0, 0, -1, 1, 2) }), { minLength: 1, maxLength: 15 }),
            (steps) => {
              const streams: Streams = new Map();
              const versions: Record<string, number> = { 'order-a': 0, 'order-b': 0 };
              for (const [index, step] of steps.entries()) {
                const actual = versions[step.streamId]!;
                const expected = actual + step.drift;
                const events = deepFreeze(Array.from({ length: step.count }, (_, n) => ({ type: 'Step', data: { step: index, n } })));
                if (step.drift === 0) {
                  expectEqual(run(streams, step.streamId, events, expected), actual + step.count, `Step ${index + 1}: ${step.streamId} is at version ${actual}; appending ${step.count} with that version should return ${actual + step.count}.`);
                  versions[step.streamId] = actual + step.count;
                } else {
                  expectConflict(streams, step.streamId, events, expected, actual, `Step ${index + 1}: ${step.streamId} is at version ${actual}, the append expected ${expected}`);
                }
              }
              for (const [streamId, events] of streams) {
                expectEqual(events.map((event) => event.position), Array.from({ length: versions[streamId]! }, (_, n) => n + 1), `${streamId} should have positions 1..${versions[streamId]} with no gaps or repeats.`);
              }
            },
          ),
      },
    ],
    goal: {
      title: 'Two people ship and cancel order 1001 at the same time',
      given: 'Order 1001 has 2 events. Alice and Bob both read version 2. Alice appends OrderShipped expecting 2; then Bob appends OrderCancelled expecting 2.',
      rule: comparisonRule,
      expected: {
        alice: 'new version 3',
        bob: 'VersionConflictError: expected 2, actual 3',
        stream: recorded('order-1001', [placed, confirmed, shipped]),
      },
      actual: () => {
        const streams: Streams = new Map([['order-1001', recorded('order-1001', [placed, confirmed])]]);
        const attempt = (events: readonly NewEvent[]): string => {
          try {
            return `new version ${String(append(streams, 'order-1001', events, 2))}`;
          } catch (error) {
            const found = error as { name?: unknown; expectedVersion?: unknown; actualVersion?: unknown };
            return `${String(found.name)}: expected ${String(found.expectedVersion)}, actual ${String(found.actualVersion)}`;
          }
        };
        const alice = attempt([shipped]);
        const bob = attempt([cancelled]);
        return { alice, bob, stream: contentOf(streams)['order-1001'] ?? [] };
      },
    },
  };
}
