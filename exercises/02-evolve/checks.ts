import {
  deepFreeze,
  expectEqual,
  forAll,
  studentFunction,
  withoutMutation,
  type ExerciseTests,
  type StudentModule,
} from '../support/checks';
import { arbHistory, laterAt, orderIn, placedAt, sampleItems, statusAfter } from '../support/orderFixtures';
import { initialOrderState, orderTotal, type OrderEvent, type OrderState } from '../support/order';

type Evolve = (state: OrderState, event: OrderEvent) => OrderState;

export const comparisonRule =
  'States are compared by value: every field of the expected state with the same value (field order does not ' +
  'matter, and no extra fields). The state you are given is frozen: changing it fails the test.';

const placed: OrderEvent = deepFreeze({
  type: 'OrderPlaced',
  data: { orderId: '1001', customerId: 'c-7', items: sampleItems, total: orderTotal(sampleItems), placedAt },
});

/** The state after `events`, when evolve is right: written out by hand for the fixtures below. */
const pending1001: OrderState = orderIn('pending');

export function defineExerciseTests(student: StudentModule): ExerciseTests {
  const evolve = studentFunction<Evolve>(student, 'evolve');
  const foldAll = (events: readonly OrderEvent[]): OrderState =>
    withoutMutation(() => events.reduce<OrderState>((state, event) => deepFreeze(evolve(deepFreeze(state), event)), initialOrderState()), 'state');
  const step = (state: OrderState, event: OrderEvent): OrderState => withoutMutation(() => evolve(deepFreeze(state), deepFreeze(event)), 'state');

  return {
    checks: [
      {
        name: 'OrderPlaced on no order gives a pending order with the event\'s data',
        run: () =>
          expectEqual(step({ status: 'none' }, placed), pending1001, 'After OrderPlaced the order is "pending", with orderId, customerId, items and total from the event, updatedAt = placedAt, and no tracking number or cancel reason yet (null).'),
      },
      {
        name: 'OrderConfirmed and OrderProcessingStarted move the status and the time',
        run: () => {
          expectEqual(step(orderIn('pending'), { type: 'OrderConfirmed', data: { orderId: '1001', confirmedAt: laterAt } }), { ...orderIn('confirmed'), updatedAt: laterAt }, 'OrderConfirmed: status "confirmed", updatedAt = confirmedAt, everything else unchanged.');
          expectEqual(step(orderIn('confirmed'), { type: 'OrderProcessingStarted', data: { orderId: '1001', startedAt: laterAt } }), { ...orderIn('processing'), updatedAt: laterAt }, 'OrderProcessingStarted: status "processing", updatedAt = startedAt.');
        },
      },
      {
        name: 'OrderShipped keeps the tracking number',
        run: () =>
          expectEqual(
            step(orderIn('processing'), { type: 'OrderShipped', data: { orderId: '1001', trackingNumber: 'TRK-77', shippedAt: laterAt } }),
            { ...orderIn('processing'), status: 'shipped', trackingNumber: 'TRK-77', updatedAt: laterAt },
            'OrderShipped: status "shipped", trackingNumber from the event, updatedAt = shippedAt.',
          ),
      },
      {
        name: 'OrderDelivered and OrderCancelled end the order; a cancellation keeps its reason',
        run: () => {
          expectEqual(step(orderIn('shipped'), { type: 'OrderDelivered', data: { orderId: '1001', deliveredAt: laterAt } }), { ...orderIn('shipped'), status: 'delivered', updatedAt: laterAt }, 'OrderDelivered: status "delivered", updatedAt = deliveredAt.');
          expectEqual(
            step(orderIn('confirmed'), { type: 'OrderCancelled', data: { orderId: '1001', reason: 'payment failed', previousStatus: 'confirmed', cancelledAt: laterAt } }),
            { ...orderIn('confirmed'), status: 'cancelled', cancelReason: 'payment failed', updatedAt: laterAt },
            'OrderCancelled: status "cancelled", cancelReason = the event\'s reason, updatedAt = cancelledAt.',
          );
        },
      },
      {
        name: 'an event other than OrderPlaced on no order leaves the state empty',
        run: () =>
          expectEqual(step({ status: 'none' }, { type: 'OrderConfirmed', data: { orderId: '1001', confirmedAt: laterAt } }), { status: 'none' }, 'Without an OrderPlaced first, there is no order to confirm: return the state unchanged ({ status: "none" }).'),
      },
      {
        name: 'folding any legal history ends in the status and time of its last event',
        run: () =>
          forAll(arbHistory(), (events) => {
            const state = foldAll(events);
            const last = events[events.length - 1]!;
            const first = events[0]!;
            if (first.type !== 'OrderPlaced') throw new Error('fixture: histories start with OrderPlaced');
            const lastTime = Object.entries(last.data).find(([key]) => key.endsWith('At'))?.[1];
            const shipped = events.find((event) => event.type === 'OrderShipped');
            const cancelled = events.find((event) => event.type === 'OrderCancelled');
            expectEqual(
              state,
              {
                status: statusAfter(last),
                orderId: first.data.orderId,
                customerId: first.data.customerId,
                items: first.data.items,
                total: first.data.total,
                updatedAt: lastTime,
                trackingNumber: shipped?.type === 'OrderShipped' ? shipped.data.trackingNumber : null,
                cancelReason: cancelled?.type === 'OrderCancelled' ? cancelled.data.reason : null,
              },
              `Folding ${events.map((event) => event.type).join(' → ')} should give the order as its events describe it.`,
            );
          }),
      },
    ],
    goal: {
      title: 'Replay order 1001: placed, confirmed, processing, shipped',
      given: 'The four events of order 1001 folded from { status: "none" } with your evolve.',
      rule: comparisonRule,
      expected: { ...orderIn('shipped'), trackingNumber: 'TRK-77', updatedAt: '2024-05-04T08:00:00.000Z' },
      actual: () =>
        foldAll([
          placed,
          { type: 'OrderConfirmed', data: { orderId: '1001', confirmedAt: '2024-05-02T08:00:00.000Z' } },
          { type: 'OrderProcessingStarted', data: { orderId: '1001', startedAt: '2024-05-03T08:00:00.000Z' } },
          { type: 'OrderShipped', data: { orderId: '1001', trackingNumber: 'TRK-77', shippedAt: '2024-05-04T08:00:00.000Z' } },
        ]),
    },
  };
}
