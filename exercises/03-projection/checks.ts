import {
  deepFreeze,
  expectEqual,
  fc,
  forAll,
  studentFunction,
  withoutMutation,
  type ExerciseTests,
  type StudentModule,
} from '../support/checks';
import { arbHistory, statusAfter } from '../support/orderFixtures';
import type { OrderEvent } from '../support/order';
import type { CustomerOrders, OrdersByCustomer } from './readModel';

type Project = (view: OrdersByCustomer, event: OrderEvent) => OrdersByCustomer;

export const comparisonRule =
  'The whole read model is compared by value after the events: one row per customer id, each with its orders in ' +
  'the order they were placed (orderId, status, total) and totalSpent. Amounts are compared to the cent. The view ' +
  'you are given is frozen: changing it fails the test.';

const at = '2024-05-01T09:00:00.000Z';
const placed = (orderId: string, customerId: string, total: number): OrderEvent => ({
  type: 'OrderPlaced',
  data: { orderId, customerId, items: [{ product: 'Laptop', quantity: 1, unitPrice: total }], total, placedAt: at },
});
const confirmed = (orderId: string): OrderEvent => ({ type: 'OrderConfirmed', data: { orderId, confirmedAt: at } });
const shipped = (orderId: string): OrderEvent => ({ type: 'OrderShipped', data: { orderId, trackingNumber: 'TRK-1', shippedAt: at } });
const cancelled = (orderId: string, previousStatus: 'pending' | 'confirmed'): OrderEvent => ({
  type: 'OrderCancelled',
  data: { orderId, reason: 'out of stock', previousStatus, cancelledAt: at },
});

/** The read model with every amount rounded to the cent, so 0.1 + 0.2 is not a failure. */
function toCent(view: OrdersByCustomer): OrdersByCustomer {
  const rows: Record<string, CustomerOrders> = {};
  for (const [id, row] of Object.entries(view ?? {})) {
    rows[id] = row && typeof row === 'object' ? { ...row, totalSpent: Math.round(Number(row.totalSpent) * 100) / 100 } : row;
  }
  return rows;
}

/** Picks the next event from one of several histories at a time, keeping each history's own order. */
function interleave(histories: readonly (readonly OrderEvent[])[], picks: readonly number[]): OrderEvent[] {
  const queues = histories.map((history) => [...history]);
  const merged: OrderEvent[] = [];
  for (const pick of picks) {
    const open = queues.filter((queue) => queue.length > 0);
    if (open.length === 0) break;
    merged.push(open[pick % open.length]!.shift()!);
  }
  for (const queue of queues) merged.push(...queue);
  return merged;
}

export function defineExerciseTests(student: StudentModule): ExerciseTests {
  const project = studentFunction<Project>(student, 'projectOrdersByCustomer');
  const replay = (events: readonly OrderEvent[]): OrdersByCustomer =>
    withoutMutation(() => events.reduce<OrdersByCustomer>((view, event) => deepFreeze(project(view, deepFreeze(event))), deepFreeze({})), 'view');
  const compare = (events: readonly OrderEvent[], expected: OrdersByCustomer, message: string): void =>
    expectEqual(toCent(replay(events)), toCent(expected), message);

  return {
    checks: [
      {
        name: 'a first order creates its customer\'s row',
        run: () =>
          compare([placed('1001', 'c-7', 49.5)], { 'c-7': { customerId: 'c-7', orders: [{ orderId: '1001', status: 'pending', total: 49.5 }], totalSpent: 49.5 } }, 'After OrderPlaced, customer c-7 has a row listing order 1001 (pending, 49.50) and totalSpent 49.50.'),
      },
      {
        name: 'orders go to their own customer, in the order they were placed',
        run: () =>
          compare(
            [placed('1001', 'c-7', 10), placed('1002', 'c-9', 20), placed('1003', 'c-7', 30.25)],
            {
              'c-7': { customerId: 'c-7', orders: [{ orderId: '1001', status: 'pending', total: 10 }, { orderId: '1003', status: 'pending', total: 30.25 }], totalSpent: 40.25 },
              'c-9': { customerId: 'c-9', orders: [{ orderId: '1002', status: 'pending', total: 20 }], totalSpent: 20 },
            },
            'Three orders of two customers: c-7 lists 1001 then 1003 (40.25 spent), c-9 lists 1002 (20 spent).',
          ),
      },
      {
        name: 'a status event updates that order in its customer\'s row',
        run: () =>
          compare(
            [placed('1001', 'c-7', 10), placed('1002', 'c-7', 5), confirmed('1002'), shipped('1002')],
            { 'c-7': { customerId: 'c-7', orders: [{ orderId: '1001', status: 'pending', total: 10 }, { orderId: '1002', status: 'shipped', total: 5 }], totalSpent: 15 } },
            'OrderConfirmed and OrderShipped carry only orderId: find the row listing 1002 and change that order\'s status; 1001 stays pending.',
          ),
      },
      {
        name: 'a cancelled order stays listed but no longer counts as spent',
        run: () =>
          compare(
            [placed('1001', 'c-7', 10), placed('1002', 'c-7', 5.5), cancelled('1001', 'pending')],
            { 'c-7': { customerId: 'c-7', orders: [{ orderId: '1001', status: 'cancelled', total: 10 }, { orderId: '1002', status: 'pending', total: 5.5 }], totalSpent: 5.5 } },
            'After OrderCancelled, order 1001 is listed as cancelled and its 10.00 is taken out of totalSpent.',
          ),
      },
      {
        name: 'an event about an order the view never saw placed changes nothing',
        run: () => compare([placed('1001', 'c-7', 10), confirmed('9999')], { 'c-7': { customerId: 'c-7', orders: [{ orderId: '1001', status: 'pending', total: 10 }], totalSpent: 10 } }, 'OrderConfirmed for 9999, which no row lists, should return the view unchanged.'),
      },
      {
        name: 'for any interleaving of several customers\' orders, the view matches their events',
        run: () =>
          forAll(
            fc.record({
              histories: fc.tuple(
                arbHistory(fc.constant('o1'), fc.constantFrom('c-1', 'c-2')),
                arbHistory(fc.constant('o2'), fc.constantFrom('c-1', 'c-2', 'c-3')),
                arbHistory(fc.constant('o3'), fc.constantFrom('c-2', 'c-3')),
              ),
              picks: fc.array(fc.nat(10), { maxLength: 20 }),
            }),
            ({ histories, picks }) => {
              const events = interleave(histories, picks);
              const expected: Record<string, CustomerOrders> = {};
              // Rows are listed by when each order was placed in the merged stream.
              for (const event of events) {
                if (event.type !== 'OrderPlaced') continue;
                const history = histories.find((candidate) => candidate[0]!.data.orderId === event.data.orderId)!;
                const status = statusAfter(history[history.length - 1]!);
                const row = expected[event.data.customerId] ?? { customerId: event.data.customerId, orders: [], totalSpent: 0 };
                expected[event.data.customerId] = {
                  ...row,
                  orders: [...row.orders, { orderId: event.data.orderId, status, total: event.data.total }],
                  totalSpent: (Math.round(row.totalSpent * 100) + (status === 'cancelled' ? 0 : Math.round(event.data.total * 100))) / 100,
                };
              }
              compare(events, expected, `After ${events.map((event) => `${event.type}(${event.data.orderId})`).join(', ')}, each customer's row should list their orders with their latest status.`);
            },
          ),
      },
    ],
    goal: {
      title: 'Orders by customer after five events',
      given: 'OrderPlaced 1001 (c-7, 10.00), OrderPlaced 1002 (c-9, 20.00), OrderPlaced 1003 (c-7, 5.50), OrderConfirmed 1003, OrderCancelled 1001, projected from an empty view {}.',
      rule: comparisonRule,
      expected: {
        'c-7': { customerId: 'c-7', orders: [{ orderId: '1001', status: 'cancelled', total: 10 }, { orderId: '1003', status: 'confirmed', total: 5.5 }], totalSpent: 5.5 },
        'c-9': { customerId: 'c-9', orders: [{ orderId: '1002', status: 'pending', total: 20 }], totalSpent: 20 },
      },
      actual: () => toCent(replay([placed('1001', 'c-7', 10), placed('1002', 'c-9', 20), placed('1003', 'c-7', 5.5), confirmed('1003'), cancelled('1001', 'pending')])),
    },
  };
}
