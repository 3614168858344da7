import {

  deepFreeze,
  expectEqual,
  expectRefusal,
  fc,
  forAll,
  studentFunction,
  withoutMutation,
  type ExerciseTests,
  type StudentModule,
} from '../support/checks';
import { arbId, arbItems, arbTime, eventFor, laterAt, orderIn, sampleItems } from '../support/orderFixtures';
import {
  canMove,
  orderStatuses,
  orderTotal,
  type OrderCommand,
  type OrderEvent,
  type OrderState,
  type OrderStatus,
} from '../support/order';

type Decide = (command: OrderCommand, state: OrderState) => OrderEvent[];

/** The command that asks to move an order to `to`. */
function commandFor(to: Exclude<OrderStatus, 'pending'>, orderId: string, at: string, extra = { trackingNumber: 'TRK-42', reason: 'out of stock' }): OrderCommand {
  switch (to) {
    case 'confirmed':
      return { type: 'ConfirmOrder', data: { orderId, at } };
    case 'processing':
      return { type: 'StartProcessing', data: { orderId, at } };
    case 'shipped':
      return { type: 'ShipOrder', data: { orderId, trackingNumber: extra.trackingNumber, at } };
    case 'delivered':
      return { type: 'DeliverOrder', data: { orderId, at } };
    case 'cancelled':
      return { type: 'CancelOrder', data: { orderId, reason: extra.reason, at } };
  }
}

const targets = ['confirmed', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
const describeMove = (from: OrderStatus, to: OrderStatus): string => `${commandFor(to as (typeof targets)[number], '1001', laterAt).type} on a ${from} order`;

export const comparisonRule =
  'Events are compared by value: the same event types in the same order, each with the same data fields and values ' +
  '(field order does not matter). A refused command must throw an OrderRuleError whose code is the expected one; ' +
  'for an illegal move the message must name the order\'s current status.';

export function defineExerciseTests(student: StudentModule): ExerciseTests {
  const decide = studentFunction<Decide>(student, 'decide');
  const run = (command: OrderCommand, state: OrderState): OrderEvent[] =>
    withoutMutation(() => decide(deepFreeze(command), deepFreeze(state)), 'command or state');

  const placeOrder: OrderCommand = deepFreeze({
    type: 'PlaceOrder',
    data: { orderId: '1001', customerId: 'c-7', items: sampleItems, at: laterAt },
  });

  return {
    checks: [
      {
        name: 'PlaceOrder on a new order records one OrderPlaced with the total of its items',
        run: () =>
          expectEqual(
            run(placeOrder, { status: 'none' }),
            [{ type: 'OrderPlaced', data: { orderId: '1001', customerId: 'c-7', items: sampleItems, total: 2000.28, placedAt: laterAt } }],
            'Placing order 1001 should record exactly one OrderPlaced event whose data copies the command and adds total (2 × 999.99 + 3 × 0.10 = 2000.28; orderTotal() computes it).',
          ),
      },
      {
        name: 'PlaceOrder with no items is refused (OrderHasNoItems)',
        run: () =>
          expectRefusal(
            () => run({ type: 'PlaceOrder', data: { orderId: '1002', customerId: 'c-7', items: [], at: laterAt } }, { status: 'none' }),
            { code: 'OrderHasNoItems' },
            'An order without items should be refused with new OrderRuleError("OrderHasNoItems", ...).',
          ),
      },
      {
        name: 'PlaceOrder for an order that already exists is refused (OrderAlreadyExists)',
        run: () =>
          expectRefusal(() => run(placeOrder, orderIn('pending')), { code: 'OrderAlreadyExists' }, 'Placing order 1001 again should be refused: its state is not "none".'),
      },
      {
        name: 'every other command on an order that does not exist is refused (OrderNotFound)',
        run: () => {
          for (const to of targets) {
            expectRefusal(
              () => run(commandFor(to, '404', laterAt), { status: 'none' }),
              { code: 'OrderNotFound' },
              `${commandFor(to, '404', laterAt).type} on an order with no events should be refused with code OrderNotFound.`,
            );
          }
        },
      },
      {
        name: 'every move the state machine allows records its one event',
        run: () => {
          for (const from of orderStatuses) {
            for (const to of targets) {
              if (!canMove(from, to)) continue;
              expectEqual(
                run(commandFor(to, '1001', laterAt), orderIn(from)),
                [eventFor(to, '1001', laterAt, from, { trackingNumber: 'TRK-42', reason: 'out of stock' })],
                `${describeMove(from, to)} should record one ${eventFor(to, '1001', laterAt, from, { trackingNumber: '', reason: '' }).type} event with the command's data.`,
              );
            }
          }
        },
      },
      {
        name: 'every move the state machine forbids is refused, naming the current status',
        run: () => {
          for (const from of orderStatuses) {
            for (const to of targets) {
              if (canMove(from, to)) continue;
              expectRefusal(
                () => run(commandFor(to, '1001', laterAt), orderIn(from)),
                { code: 'IllegalTransition', mentions: [from] },
                `${describeMove(from, to)} is not allowed (nextStatuses.${from} does not include "${to}") and should be refused with code IllegalTransition.`,
              );
            }
          }
        },
      },
      {
        name: 'for any order, time and command, decide agrees with the state machine',
        run: () =>
          forAll(
            fc.record({
              from: fc.constantFrom(...orderStatuses),
              to: fc.constantFrom(...targets),
              orderId: arbId,
              at: arbTime,
              trackingNumber: fc.stringMatching(/^TRK-[0-9]{1,6}$/),
              reason: fc.constantFrom('late', 'duplicate order', 'payment failed'),
            }),
            ({ from, to, orderId, at, trackingNumber, reason }) => {
              const command = commandFor(to, orderId, at, { trackingNumber, reason });
              if (canMove(from, to)) {
                expectEqual(
                  run(command, orderIn(from, orderId)),
                  [eventFor(to, orderId, at, from, { trackingNumber, reason })],
                  `${command.type} on a ${from} order ${orderId} should record its event with the command's own orderId, time${to === 'shipped' ? ', tracking number' : to === 'cancelled' ? ', reason, previousStatus' : ''}.`,
                );
              } else {
                expectRefusal(() => run(command, orderIn(from, orderId)), { code: 'IllegalTransition', mentions: [from] }, `${command.type} on a ${from} order should be refused.`);
              }
            },
          ),
      },
      {
        name: 'for any items, OrderPlaced carries them and their total',
        run: () =>
          forAll(fc.record({ orderId: arbId, customerId: arbId, items: arbItems, at: arbTime }), ({ orderId, customerId, items, at }) => {
            expectEqual(
              run({ type: 'PlaceOrder', data: { orderId, customerId, items, at } }, { status: 'none' }),
              [{ type: 'OrderPlaced', data: { orderId, customerId, items, total: orderTotal(items), placedAt: at } }],
              'OrderPlaced should carry the command\'s orderId, customerId and items, total = orderTotal(items), placedAt = the command\'s time.',
            );
          }),
      },
    ],
    goal: {
      title: 'Cancel an order that is being processed',
      given: 'Order 1001 is "processing"; the command is CancelOrder { orderId: "1001", reason: "out of stock" }.',
      rule: comparisonRule,
      expected: [eventFor('cancelled', '1001', laterAt, 'processing', { trackingNumber: '', reason: 'out of stock' })],
      actual: () => run(commandFor('cancelled', '1001', laterAt), orderIn('processing')),
    },
  };
}

