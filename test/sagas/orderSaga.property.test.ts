import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/domain/inventory/catalog';
import { seededRandom } from '../../src/sagas/paymentService';
import type { FailureInjection } from '../../src/sagas/types';
import type { CommandName } from '../../src/simulator/types';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import { expectConsistent, netChargedOf, orderStatusOf, reservationsByOrder, shipmentsByOrder, stockedAndShipped } from './sagaLedger';

const products = catalog.map((item) => item.product);

/** What a person does to an order by hand, through the simulator's command path (the command panel, the API console). */
type PersonAction = 'cancel' | 'startProcessing' | 'ship' | 'processAndShip';

type Step =
  | {
      readonly kind: 'orders';
      readonly orders: readonly (readonly { product: string; quantity: number }[])[];
      /**
       * A person cancels the batch's first order while its saga runs: before the saga's n-th paused step (reserve,
       * charge, confirm, or a compensation), or the moment its OrderConfirmed is appended (racing the saga's own
       * record of it and its completion). Null: nobody interferes.
       */
      readonly cancelDuring: { readonly beforeStep: number } | 'whenConfirmed' | null;
    }
  /** A person acts on an order placed earlier (pending, confirmed, compensated…): any status, the domain decides. */
  | { readonly kind: 'person'; readonly action: PersonAction; readonly order: number }
  | { readonly kind: 'inject'; readonly patch: Partial<FailureInjection> }
  | { readonly kind: 'restock'; readonly product: string; readonly quantity: number }
  | { readonly kind: 'wait'; readonly ms: number };

const line = fc.record({ product: fc.constantFrom(...products), quantity: fc.integer({ min: 1, max: 4 }) });
const step: fc.Arbitrary<Step> = fc.oneof(
  // Several orders placed together: their sagas run side by side and compete for the same products.
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('orders' as const),
      orders: fc.array(fc.array(line, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      cancelDuring: fc.oneof(
        fc.constant(null),
        fc.constant('whenConfirmed' as const),
        fc.record({ beforeStep: fc.integer({ min: 1, max: 10 }) }),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('person' as const),
      action: fc.constantFrom<PersonAction>('cancel', 'cancel', 'startProcessing', 'ship', 'processAndShip'),
      order: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('inject' as const),
      patch: fc.record({
        paymentService: fc.constantFrom('approves', 'declines', 'down', 'flaky'),
        flakyFailureRate: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restock' as const), product: fc.constantFrom(...products), quantity: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20_000 }) }) },
);

const cents = (amount: number) => Math.round(amount * 100);

/** A confirmed order ships only after processing: `processAndShip` does both, so shipments happen often. */
const personCommands: Record<PersonAction, readonly CommandName[]> = {
  cancel: ['CancelOrder'],
  startProcessing: ['StartProcessing'],
  ship: ['ShipOrder'],
  processAndShip: ['StartProcessing', 'ShipOrder'],
};

describe('the order saga under any orders, injected failures and persons acting on orders', () => {
  it('ends every saga in a final state, with stock and money matching the orders that still stand', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), fc.integer(), async (steps, seed) => {
        let clock = 1_000_000;
        let stepsUntilCancel: number | null = null;
        let cancelling: string | null = null;
        let cancelWhenConfirmed = false;
        /** Commands persons sent from a hook; awaited before the run is called idle. */
        const byHand: Promise<unknown>[] = [];
        const sim = await createMemorySimulator({
          sagas: {
            // The pause before each step is where a person can act: here, cancel the order the batch placed first.
            sleep: async () => {
              if (stepsUntilCancel === null || cancelling === null || --stepsUntilCancel > 0) return;
              stepsUntilCancel = null;
              await sim.execute('CancelOrder', { orderId: cancelling, reason: 'Cancelled by the customer' });
            },
            random: seededRandom(seed),
            clock: () => clock,
            injection: { stepDelayMs: 1 },
          },
        });
        // The moment the order is confirmed, before the saga has recorded it (or completed): a person cancels.
        const unsubscribe = sim.store.subscribe(({ headPosition }) => {
          if (!cancelWhenConfirmed || cancelling === null) return;
          const orderId = cancelling;
          byHand.push(
            sim.store.readAll({ after: headPosition - 1, limit: 1 }).then(async ([event]) => {
              if (!cancelWhenConfirmed || event?.type !== 'OrderConfirmed' || event.streamId !== `order-${orderId}`) return;
              cancelWhenConfirmed = false;
              await sim.execute('CancelOrder', { orderId, reason: 'Cancelled right after confirmation' });
            }),
          );
        });
        const placed: string[] = [];
        const settle = async () => {
          await sim.sagas.whenIdle();
          while (byHand.length > 0) {
            await Promise.all(byHand.splice(0));
            await sim.sagas.whenIdle();
          }
        };
        try {
          for (const current of steps) {
            if (current.kind === 'orders') {
              stepsUntilCancel = current.cancelDuring !== null && current.cancelDuring !== 'whenConfirmed' ? current.cancelDuring.beforeStep : null;
              cancelWhenConfirmed = current.cancelDuring === 'whenConfirmed';
              cancelling = null;
              const first = await sim.sagas.placeOrder({ customerId: 'c-1', items: current.orders[0]! });
              cancelling = first.ok ? first.orderId : null;
              const others = await Promise.all(
                current.orders.slice(1).map((items) => sim.sagas.placeOrder({ customerId: 'c-1', items })),
              );
              const outcomes = [first, ...others];
              expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
              for (const outcome of outcomes) if (outcome.ok) placed.push(outcome.orderId);
              await settle();
              cancelWhenConfirmed = false;
            } else if (current.kind === 'person') {
              if (placed.length === 0) continue;
              const orderId = placed[current.order % placed.length]!;
              // Refused when the order's status does not allow it (a shipped order cannot be cancelled): that is fine.
              for (const command of personCommands[current.action]) await sim.execute(command, { orderId, reason: 'Changed my mind' });
              await settle();
            } else if (current.kind === 'inject') sim.sagas.setInjection(current.patch);
            else if (current.kind === 'restock') await sim.sagas.restock(current.product, current.quantity);
            else clock += current.ms;
          }
          await settle();

          const sagas = await expectConsistent(sim);
          expect(sagas.every((saga) => ['completed', 'compensated', 'cancelled'].includes(saga.status))).toBe(true);
          // A completed saga's order still stands; every other saga's order is cancelled.
          const standing = [];
          for (const saga of sagas) {
            const status = await orderStatusOf(sim.store, saga.orderId);
            if (status === 'cancelled') expect(saga.status).not.toBe('completed');
            else standing.push(saga);
          }
          expect(standing.every((saga) => saga.status === 'completed')).toBe(true);

          // Stock reserved = quantities of the confirmed orders neither shipped nor cancelled; stock shipped = those of
          // the shipped ones (delivered included).
          const held = await reservationsByOrder(sim.store);
          const heldTotal = [...held.values()].reduce((sum, units) => sum + units, 0);
          let waitingUnits = 0;
          let shippedUnits = 0;
          for (const saga of standing) {
            const [started] = await sim.store.readStream(saga.sagaId);
            const units = (started!.data as { items: { quantity: number }[] }).items.reduce((sum, item) => sum + item.quantity, 0);
            if (['shipped', 'delivered'].includes(await orderStatusOf(sim.store, saga.orderId))) shippedUnits += units;
            else waitingUnits += units;
          }
          expect(heldTotal).toBe(waitingUnits);
          const shipments = await shipmentsByOrder(sim.store);
          expect([...shipments.values()].reduce((sum, units) => sum + units, 0)).toBe(shippedUnits);

          // Per product: on hand + shipped = everything ever stocked (shipping is the only way units leave).
          const totals = await stockedAndShipped(sim.store);
          for (const level of await sim.sagas.stock()) {
            const total = totals.get(level.product);
            if (total === undefined) continue;
            expect(level.onHand + total.shipped, level.product).toBe(total.stocked);
          }

          // Money charged net of refunds = totals of the confirmed orders that were not cancelled.
          let net = 0;
          for (const saga of sagas) net += cents(await netChargedOf(sim.store, saga.orderId));
          expect(net).toBe(standing.reduce((sum, saga) => sum + cents(saga.total), 0));

          // No product is ever reserved beyond what is on hand.
          for (const level of await sim.sagas.stock()) expect(level.available).toBeGreaterThanOrEqual(0);
          const count = (status: string) => sagas.filter((saga) => saga.status === status).length;
          expect(await sim.sagas.outcomes()).toEqual({
            completed: standing.length,
            compensated: count('compensated'),
            cancelled: count('cancelled'),
            running: 0,
          });
          // Nothing is left for a reload to continue.
          expect(await sim.sagas.resumeUnfinished()).toBe(0);
        } finally {
          unsubscribe();
          sim.close();
        }
      }),
      { numRuns: 100 },
    );
  }, 90_000);
});
