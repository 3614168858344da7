import { deepFreeze, expectEqual, fc, forAll, studentFunction, type ExerciseTests, type StudentModule } from '../support/checks';
import type { Evolver, RecordedEvent, Snapshot, StreamReader } from '../support/events';
import { orderIn, placedAt, sampleItems } from '../support/orderFixtures';
import type { OrderEvent, OrderState } from '../support/order';

type Rehydrate = <State, Event extends { type: string; data: unknown }>(
  reader: StreamReader<Event>,
  streamId: string,
  decider: Evolver<State, Event>,
  snapshot: Snapshot<State> | undefined,
) => Promise<{ state: State; version: number }>;

export const comparisonRule =
  'Your { state, version } is compared by value with a full replay of the stream from its first event (the same ' +
  'state, version = the last event\'s position). The test\'s store counts the events it hands out: that count must ' +
  'equal the number of events after the snapshot.';

/** A store of several streams that counts how many events it hands out. */
function countingReader<Event extends { type: string; data: unknown }>(streams: Record<string, readonly Event[]>) {
  const recorded: Record<string, readonly RecordedEvent<Event>[]> = {};
  for (const [streamId, events] of Object.entries(streams)) {
    recorded[streamId] = deepFreeze(events.map((event, index) => ({ ...event, streamId, position: index + 1 })));
  }
  const counter = { eventsRead: 0 };
  const reader: StreamReader<Event> = {
    readStream: async (streamId, options) => {
      const after = typeof options?.after === 'number' ? options.after : 0;
      const tail = (recorded[streamId] ?? []).filter((event) => event.position > after);
      counter.eventsRead += tail.length;
      return tail;
    },
  };
  return { reader, counter };
}

/** A fold where order matters: the state is the list of values seen, so a skipped or repeated event shows. */
type Tally = { readonly seen: readonly number[]; readonly sum: number };
type Added = { readonly type: 'Added'; readonly data: { readonly value: number } };
const tally: Evolver<Tally, Added> = {
  initialState: () => ({ seen: [], sum: 0 }),
  evolve: (state, event) => ({ seen: [...state.seen, event.data.value], sum: state.sum + event.data.value }),
};
const added = (value: number): Added => ({ type: 'Added', data: { value } });
const foldTally = (values: readonly number[]): Tally => values.map(added).reduce(tally.evolve, tally.initialState());

/** A small order evolve for the goal scenario (exercise 02 asks you to write the full one). */
const orderEvolver: Evolver<OrderState, OrderEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    if (event.type === 'OrderPlaced') return orderIn('pending', event.data.orderId, event.data.customerId);
    if (state.status === 'none') return state;
    const at = Object.entries(event.data).find(([key]) => key.endsWith('At'))?.[1] as string;
    const statuses = { OrderConfirmed: 'confirmed', OrderProcessingStarted: 'processing', OrderShipped: 'shipped', OrderDelivered: 'delivered', OrderCancelled: 'cancelled' } as const;
    return { ...state, status: statuses[event.type], updatedAt: at, trackingNumber: event.type === 'OrderShipped' ? event.data.trackingNumber : state.trackingNumber };
  },
};
const order1001: readonly OrderEvent[] = deepFreeze([
  { type: 'OrderPlaced', data: { orderId: '1001', customerId: 'c-7', items: sampleItems, total: 2000.28, placedAt } },
  { type: 'OrderConfirmed', data: { orderId: '1001', confirmedAt: '2024-05-02T08:00:00.000Z' } },
  { type: 'OrderProcessingStarted', data: { orderId: '1001', startedAt: '2024-05-03T08:00:00.000Z' } },
  { type: 'OrderShipped', data: { orderId: '1001', trackingNumber: 'TRK-9', shippedAt: '2024-05-04T08:00:00.000Z' } },
  { type: 'OrderDelivered', data: { orderId: '1001', deliveredAt: '2024-05-05T08:00:00.000Z' } },
]);

export function defineExerciseTests(student: StudentModule): ExerciseTests {
  const rehydrate = studentFunction<Rehydrate>(student, 'rehydrate');

  /** Runs the student's rehydrate on `values` with a snapshot after the first `snapshotAt` of them. */
  async function scenario(values: readonly number[], snapshotAt: number | undefined, streamId = 'tally-1') {
    const { reader, counter } = countingReader<Added>({ [streamId]: values.map(added), 'tally-other': [added(1000), added(2000)] });
    const snapshot = snapshotAt === undefined ? undefined : deepFreeze({ state: foldTally(values.slice(0, snapshotAt)), version: snapshotAt });
    const result = await rehydrate(reader, streamId, tally, snapshot);
    return { result, eventsRead: counter.eventsRead };
  }

  return {
    checks: [
      {
        name: 'without a snapshot, every event of the stream is replayed',
        run: async () => {
          const { result, eventsRead } = await scenario([5, 7, 11], undefined);
          expectEqual(result, { state: foldTally([5, 7, 11]), version: 3 }, 'With no snapshot, start from decider.initialState() at version 0 and fold all three events: version 3.');
          expectEqual(eventsRead, 3, 'With no snapshot, all 3 events have to be read.');
        },
      },
      {
        name: 'snapshot + tail gives the same state as a full replay',
        run: async () => {
          const { result } = await scenario([5, 7, 11, 13, 17], 3);
          expectEqual(result, { state: foldTally([5, 7, 11, 13, 17]), version: 5 }, 'The snapshot holds events 1-3; folding events 4 and 5 onto its state must give the state of all five, at version 5.');
        },
      },
      {
        name: 'with a snapshot, only the events after it are read',
        run: async () => {
          const { eventsRead } = await scenario([5, 7, 11, 13, 17], 3);
          expectEqual(eventsRead, 2, 'The snapshot is at version 3, so read only events 4 and 5: readStream(streamId, { after: snapshot.version }).');
        },
      },
      {
        name: 'a snapshot at the head reads nothing and keeps its version',
        run: async () => {
          const { result, eventsRead } = await scenario([5, 7], 2);
          expectEqual(result, { state: foldTally([5, 7]), version: 2 }, 'A snapshot of the whole stream already is the current state: version 2.');
          expectEqual(eventsRead, 0, 'No event comes after a snapshot at version 2: nothing should be read.');
        },
      },
      {
        name: 'an empty stream is the initial state at version 0',
        run: async () => {
          const { result } = await scenario([], undefined, 'tally-empty');
          expectEqual(result, { state: tally.initialState(), version: 0 }, 'A stream with no events: decider.initialState() at version 0.');
        },
      },
      {
        name: 'for any stream and any snapshot point, snapshot + tail == full replay, reading only the tail',
        run: () =>
          forAll(
            fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 30 }).chain((values) =>
              fc.record({ values: fc.constant(values), snapshotAt: fc.option(fc.integer({ min: 0, max: values.length }), { nil: undefined }) }),
            ),
            async ({ values, snapshotAt }) => {
              const { result, eventsRead } = await scenario(values, snapshotAt, 'tally-any');
              expectEqual(result, { state: foldTally(values), version: values.length }, `A stream of ${values.length} events with a snapshot at ${snapshotAt ?? 'none'} should rehydrate to the full replay.`);
              expectEqual(eventsRead, values.length - (snapshotAt ?? 0), `With a snapshot at ${snapshotAt ?? 'none'} of ${values.length} events, read only the ${values.length - (snapshotAt ?? 0)} after it.`);
            },
          ),
      },
    ],
    goal: {
      title: 'Order 1001 from its snapshot at version 3',
      given: 'Order 1001 has 5 events (placed, confirmed, processing, shipped, delivered); its snapshot holds the state after the first 3.',
      rule: comparisonRule,
      expected: { state: order1001.reduce(orderEvolver.evolve, orderEvolver.initialState()), version: 5, eventsRead: 2 },
      actual: async () => {
        const { reader, counter } = countingReader<OrderEvent>({ 'order-1001': order1001 });
        const snapshot = deepFreeze({ state: order1001.slice(0, 3).reduce(orderEvolver.evolve, orderEvolver.initialState()), version: 3 });
        const result = await rehydrate(reader, 'order-1001', orderEvolver, snapshot);
        return { ...result, eventsRead: counter.eventsRead };
      },
    },
  };
}
