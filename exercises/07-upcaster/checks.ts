import { deepFreeze, expectEqual, fc, forAll, studentFunction, withoutMutation, type ExerciseTests, type StudentModule } from '../support/checks';
import { arbId, arbItems, arbTime } from '../support/orderFixtures';
import { orderTotal, type OrderPlacedV1, type OrderPlacedV2, type PriceList } from '../support/order';

type Upcast = (event: OrderPlacedV1 | OrderPlacedV2, prices: PriceList) => OrderPlacedV2;

export const comparisonRule =
  'The upcast event is compared by value with the expected v2 event: type, schemaVersion 2, and data with ' +
  'orderId, customerId, placedAt, one item { product, quantity, unitPrice } and total (field order does not ' +
  'matter, no extra fields). A v2 event must come back equal to itself. The stored event is frozen.';

const prices: PriceList = deepFreeze({ Laptop: 999.99, Mouse: 19.5, 'Mouse pad': 0.1 });
const v1 = (product: string, quantity: number, orderId = '1001'): OrderPlacedV1 =>
  deepFreeze({ type: 'OrderPlaced', schemaVersion: 1, data: { orderId, customerId: '123', product, quantity, placedAt: '2023-11-02T10:00:00.000Z' } });
const v2Of = (orderId: string, product: string, quantity: number, unitPrice: number): OrderPlacedV2 => ({
  type: 'OrderPlaced',
  schemaVersion: 2,
  data: { orderId, customerId: '123', items: [{ product, quantity, unitPrice }], total: orderTotal([{ product, quantity, unitPrice }]), placedAt: '2023-11-02T10:00:00.000Z' },
});

const arbProduct = fc.constantFrom('Laptop', 'Mouse', 'Mouse pad', 'Typewriter', 'Fax');

export function defineExerciseTests(student: StudentModule): ExerciseTests {
  const upcast = studentFunction<Upcast>(student, 'upcastOrderPlaced');
  const run = (event: OrderPlacedV1 | OrderPlacedV2, list: PriceList = prices): OrderPlacedV2 =>
    withoutMutation(() => upcast(deepFreeze(event), deepFreeze(list)), 'stored event');

  return {
    checks: [
      {
        name: 'a v1 OrderPlaced becomes v2 with one priced item and its total',
        run: () => expectEqual(run(v1('Laptop', 2)), v2Of('1001', 'Laptop', 2, 999.99), 'Seed 000\'s order of 2 Laptops becomes a v2 event: items [{ product: "Laptop", quantity: 2, unitPrice: 999.99 }], total 1999.98, schemaVersion 2.'),
      },
      {
        name: 'the total is computed to the cent',
        run: () => expectEqual(run(v1('Mouse pad', 3)), v2Of('1001', 'Mouse pad', 3, 0.1), '3 mouse pads at 0.10 cost 0.30: use orderTotal(items) rather than quantity * unitPrice.'),
      },
      {
        name: 'a product missing from the price list is priced 0',
        run: () => expectEqual(run(v1('Typewriter', 1)), v2Of('1001', 'Typewriter', 1, 0), 'v1 never stored prices; a product the price list no longer has gets unitPrice 0 (and total 0).'),
      },
      {
        name: 'a v2 OrderPlaced is returned unchanged',
        run: () => {
          const current = deepFreeze(v2Of('2002', 'Mouse', 4, 19.5));
          expectEqual(run(current), current, 'A v2 event is already in today\'s shape: return it as it is, without repricing it.');
          const repriced = deepFreeze({ ...v2Of('2003', 'Laptop', 1, 899), schemaVersion: 2 as const });
          expectEqual(run(repriced), repriced, 'A v2 event keeps the price it was placed at (899), even if the price list now says 999.99.');
        },
      },
      {
        name: 'for any v1 event and price list, the upcast keeps every fact of the original',
        run: () =>
          forAll(
            fc.record({
              orderId: arbId,
              customerId: arbId,
              product: arbProduct,
              quantity: fc.integer({ min: 1, max: 50 }),
              placedAt: arbTime,
              list: fc.dictionary(arbProduct, fc.integer({ min: 1, max: 500_000 }).map((cents) => cents / 100)),
            }),
            ({ orderId, customerId, product, quantity, placedAt, list }) => {
              const stored: OrderPlacedV1 = { type: 'OrderPlaced', schemaVersion: 1, data: { orderId, customerId, product, quantity, placedAt } };
              const items = [{ product, quantity, unitPrice: list[product] ?? 0 }];
              expectEqual(
                run(stored, list),
                { type: 'OrderPlaced', schemaVersion: 2, data: { orderId, customerId, items, total: orderTotal(items), placedAt } },
                `OrderPlaced v1 of ${quantity} × ${product} should keep orderId, customerId and placedAt and price the item from the price list.`,
              );
            },
          ),
      },
      {
        name: 'for any v2 event, upcasting changes nothing (upcasting twice is upcasting once)',
        run: () =>
          forAll(fc.record({ orderId: arbId, customerId: arbId, items: arbItems, placedAt: arbTime }), ({ orderId, customerId, items, placedAt }) => {
            const current: OrderPlacedV2 = { type: 'OrderPlaced', schemaVersion: 2, data: { orderId, customerId, items, total: orderTotal(items), placedAt } };
            expectEqual(run(current), current, 'A v2 event must come back equal to itself.');
          }),
      },
    ],
    goal: {
      title: 'Seed 000\'s order, stored as v1, read today',
      given: 'OrderPlaced v1 { orderId: "1001", customerId: "123", product: "Laptop", quantity: 2 } with the price list { Laptop: 999.99, Mouse: 19.5, "Mouse pad": 0.1 }.',
      rule: comparisonRule,
      expected: v2Of('1001', 'Laptop', 2, 999.99),
      actual: () => run(v1('Laptop', 2)),
    },
  };
}
