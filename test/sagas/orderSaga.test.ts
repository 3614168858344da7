import { describe, expect, it, vi } from 'vitest';
import { paymentStreamId } from '../../src/domain/payment/types';
import { seededRandom } from '../../src/sagas/paymentService';
import type { WorkbookSimulator } from '../../src/simulator/simulator';
import { expectConsistent, netChargedOf, orderStatusOf, reservationsByOrder } from './sagaLedger';
import { order as sagaOrder, secondTab, simulator, simulatorWithPersonActing, steps, stockOf } from './sagaSimulators';

/** The saga's order with the customer's email, so the read models list it under the customer. */
const order = (...items: [product: string, quantity: number][]) => ({ ...sagaOrder(...items), customerEmail: 'ada@example.com' });

async function placeAndFinish(sim: WorkbookSimulator, input: unknown) {
  const started = await sim.sagas.placeOrder(input);
  if (!started.ok) throw new Error(started.message);
  await sim.sagas.whenIdle();
  return { ...started, saga: (await sim.sagas.saga(started.orderId))! };
}

describe('placing an order through the saga', () => {
  it('reserves stock, charges and confirms; the read models and the CRUD twin see the confirmed order', async () => {
    const sim = await simulator();
    const { orderId, saga, correlationId } = await placeAndFinish(sim, order(['Laptop', 2], ['Mouse', 1]));
    expect(saga.status).toBe('completed');
    expect(saga.total).toBe(2024.98);
    expect(steps(saga)).toEqual([
      'placeOrder succeeded',
      'reserveStock succeeded',
      'reserveStock succeeded',
      'chargePayment succeeded',
      'confirmOrder succeeded',
    ]);
    expect(await stockOf(sim, 'Laptop')).toMatchObject({ onHand: 5, reserved: 2, available: 3, recorded: true });
    expect(await netChargedOf(sim.store, orderId)).toBe(2024.98);
    await sim.projector.whenCaughtUp();
    expect((await sim.queries.orderById(orderId))?.status).toBe('confirmed');
    expect((await sim.crud.get(orderId))?.status).toBe('confirmed');
    expect(await sim.sagas.outcomes()).toEqual({ completed: 1, compensated: 0, running: 0, cancelled: 0 });
    await expectConsistent(sim);

    // Every event of the order shares the PlaceOrder command's correlation id, and each names an event as its cause
    // (the first names the command), so the trace view can build one causal tree.
    const all = await sim.store.readAll();
    const traced = all.filter((event) => event.metadata.correlationId === correlationId);
    expect(traced.map((event) => event.type)).toEqual([
      'OrderPlaced', 'SagaStarted', 'StockReserved', 'SagaStepSucceeded', 'StockReserved', 'SagaStepSucceeded',
      'PaymentCharged', 'SagaStepSucceeded', 'OrderConfirmed', 'SagaStepSucceeded', 'SagaCompleted',
    ]);
    expect(traced[0]!.metadata.causationId).toBe(correlationId);
    for (let index = 1; index < traced.length; index += 1)
      expect(traced[index]!.metadata.causationId).toBe(traced[index - 1]!.eventId);
    sim.close();
  });

  it('records the catalog stock once, before the first order, even from two tabs', async () => {
    const sim = await simulator();
    const other = await secondTab(sim);
    expect((await sim.sagas.stock()).every((level) => level.recorded === false)).toBe(true);
    expect(await sim.store.headPosition()).toBe(0);
    await Promise.all([sim.sagas.placeOrder(order(['Mouse', 1])), other.sagas.placeOrder(order(['Mouse', 1]))]);
    await Promise.all([sim.sagas.whenIdle(), other.sagas.whenIdle()]);
    const added = (await sim.store.readAll()).filter((event) => event.type === 'StockAdded');
    expect(added.map((event) => event.streamId)).toEqual(['inventory-Laptop', 'inventory-Mouse', 'inventory-Keyboard', 'inventory-Monitor']);
    expect(await stockOf(sim, 'Mouse')).toMatchObject({ onHand: 20, reserved: 2 });
    other.close();
    sim.close();
  });

  it('refuses invalid input with the field that is wrong, and writes nothing', async () => {
    const sim = await simulator();
    const outcome = await sim.sagas.placeOrder({ customerId: 'c-1', items: [{ product: 'Laptop', quantity: 0 }] });
    expect(outcome).toMatchObject({ ok: false, issues: [{ field: 'items[0].quantity' }] });
    expect(await sim.store.headPosition()).toBe(0);
    sim.close();
  });

  it('answers the same PlaceOrder command id with the same order and saga, not a second one', async () => {
    const sim = await simulator();
    const first = await sim.sagas.placeOrder(order(['Mouse', 1]), { commandId: 'place-1' });
    const again = await sim.sagas.placeOrder(order(['Mouse', 1]), { commandId: 'place-1' });
    await sim.sagas.whenIdle();
    expect(again).toEqual(first);
    expect(await sim.sagas.sagas()).toHaveLength(1);
    sim.close();
  });

  it('restocks a product of the catalog and refuses other products', async () => {
    const sim = await simulator();
    await sim.sagas.restock('Monitor', 2);
    expect(await stockOf(sim, 'Monitor')).toMatchObject({ onHand: 5, available: 5, unitPrice: 249 });
    await expect(sim.sagas.restock('Piano', 1)).rejects.toThrow(/product: must be a product of the catalog/);
    await expect(sim.sagas.restock('Mouse', 1.5)).rejects.toThrow(/quantity: must be a whole number/);
    sim.close();
  });
});

describe('when a step fails, the saga compensates', () => {
  it('payment declined: not retried; stock released, nothing charged, order cancelled with the reason', async () => {
    const sim = await simulator({ injection: { paymentService: 'declines' } });
    const { orderId, saga } = await placeAndFinish(sim, order(['Laptop', 1], ['Keyboard', 2]));
    expect(saga.status).toBe('compensated');
    expect(saga.failureReason).toMatch(/^Payment declined: Card declined/);
    expect(steps(saga)).toEqual([
      'placeOrder succeeded',
      'reserveStock succeeded',
      'reserveStock succeeded',
      'chargePayment failed',
      'refundPayment started',
      'refundPayment succeeded',
      'releaseStock succeeded',
      'releaseStock succeeded',
      'cancelOrder succeeded',
    ]);
    expect(saga.timeline.filter((entry) => entry.step === 'releaseStock').map((entry) => entry.detail)).toEqual([
      'Released 2 × Keyboard',
      'Released 1 × Laptop',
    ]);
    expect(saga.timeline.find((entry) => entry.step === 'refundPayment' && entry.outcome === 'succeeded')?.detail).toBe(
      'Nothing to refund: no charge was recorded (the saga checks anyway, because a charge call that failed or timed out may still have gone through)',
    );
    expect(await orderStatusOf(sim.store, orderId)).toBe('cancelled');
    expect((await sim.crud.get(orderId))?.status).toBe('cancelled');
    expect(await stockOf(sim, 'Laptop')).toMatchObject({ reserved: 0, available: 5 });
    expect(sim.sagas.circuit().state).toBe('closed');
    await expectConsistent(sim);
    sim.close();
  });

  it('payment service down: retries with backoff run out, the circuit opens, the next order fails fast', async () => {
    const pauses: number[] = [];
    let clock = 1_000_000;
    const sim = await simulator({
      injection: { paymentService: 'down' },
      sleep: async (ms) => void pauses.push(ms),
      clock: () => clock,
    });
    const first = await placeAndFinish(sim, order(['Mouse', 1]));
    expect(first.saga.status).toBe('compensated');
    expect(steps(first.saga).slice(2, 5)).toEqual(['chargePayment retrying', 'chargePayment retrying', 'chargePayment failed']);
    expect(first.saga.timeline[4]!.detail).toMatch(/Payment service unavailable.*\(after 3 attempts\)/);
    expect(pauses.filter((ms) => ms > 0)).toEqual([250, 500]);
    expect(sim.sagas.circuit()).toEqual({ state: 'open', consecutiveFailures: 3, failureThreshold: 3, retryAt: 1_010_000 });

    // Open: the provider is not called at all; the saga fails at once and compensates.
    sim.sagas.setInjection({ paymentService: 'approves' });
    const second = await placeAndFinish(sim, order(['Mouse', 1]));
    expect(second.saga.status).toBe('compensated');
    expect(second.saga.failureReason).toMatch(/^Circuit breaker open: the payment service was not called/);

    // After the cooldown one trial call goes through; it succeeds and closes the circuit.
    clock += 10_000;
    const third = await placeAndFinish(sim, order(['Mouse', 1]));
    expect(third.saga.status).toBe('completed');
    expect(sim.sagas.circuit().state).toBe('closed');
    await expectConsistent(sim);
    sim.close();
  });

  it('flaky payment service: a failed attempt is retried and the saga completes', async () => {
    const answers = [0.1, 0.9]; // below the rate: the call fails; above: it goes through
    const sim = await simulator({ injection: { paymentService: 'flaky', flakyFailureRate: 0.5 }, random: () => answers.shift()! });
    const { saga } = await placeAndFinish(sim, order(['Keyboard', 1]));
    expect(saga.status).toBe('completed');
    expect(steps(saga)).toContain('chargePayment retrying');
    expect(saga.timeline.find((entry) => entry.outcome === 'retrying')?.detail).toMatch(/connection dropped \(attempt 1 of 3\)/);
    expect(sim.sagas.circuit()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    await expectConsistent(sim);
    sim.close();
  });

  it('stock short on the first product: nothing charged, nothing held, the reason names available and asked', async () => {
    const sim = await simulator();
    const { orderId, saga } = await placeAndFinish(sim, order(['Monitor', 4], ['Mouse', 1]));
    expect(saga.status).toBe('compensated');
    expect(saga.failureReason).toMatch(/Monitor is short: 3 units available .* asks for 4/);
    expect(steps(saga)).toEqual([
      'placeOrder succeeded',
      'reserveStock failed',
      'releaseStock started',
      'releaseStock succeeded',
      'cancelOrder succeeded',
    ]);
    expect(await sim.store.streamVersion(`payment-${orderId}`)).toBe(0);
    await expectConsistent(sim);
    sim.close();
  });

  it('stock short on a later product: the products reserved before it are released', async () => {
    const sim = await simulator();
    const { saga } = await placeAndFinish(sim, order(['Laptop', 1], ['Monitor', 4]));
    expect(saga.status).toBe('compensated');
    expect(saga.timeline.filter((entry) => entry.step === 'releaseStock').map((entry) => entry.detail)).toEqual([
      'Undoing the steps done, because: ' + saga.failureReason,
      'Nothing to release: this order holds no Monitor',
      'Released 1 × Laptop',
    ]);
    expect(await stockOf(sim, 'Laptop')).toMatchObject({ reserved: 0, available: 5 });
    await expectConsistent(sim);
    sim.close();
  });

  it('the order cancelled by a person meanwhile: confirming fails, the saga refunds and releases', async () => {
    const tab = await simulatorWithPersonActing(
      (saga) => saga.timeline.some((entry) => entry.step === 'chargePayment'),
      (app, saga) => app.execute('CancelOrder', { orderId: saga.orderId, reason: 'Changed my mind' }),
    );
    const { orderId, saga } = await placeAndFinish(tab, order(['Mouse', 3]));
    expect(saga.status).toBe('compensated');
    expect(saga.failureReason).toMatch(/could not be confirmed/);
    expect(saga.timeline.at(-1)?.detail).toBe('Order was already cancelled');
    expect(await netChargedOf(tab.store, orderId)).toBe(0);
    expect((await reservationsByOrder(tab.store)).get(orderId)).toBeUndefined();
    await expectConsistent(tab);
    tab.close();
  });
  it('the order cancelled by a person before the charge: the payment service is not called, the stock is released', async () => {
    const tab = await simulatorWithPersonActing(
      (saga) => saga.timeline.some((entry) => entry.step === 'reserveStock' && entry.outcome === 'succeeded'),
      (app, saga) => app.execute('CancelOrder', { orderId: saga.orderId, reason: 'Ordered by mistake' }),
    );
    const { orderId, saga } = await placeAndFinish(tab, order(['Mouse', 3]));
    expect(saga.status).toBe('compensated');
    expect(saga.failureReason).toBe('The order was cancelled meanwhile (Ordered by mistake): the payment service was not called');
    expect(await tab.store.readStream(paymentStreamId(orderId))).toEqual([]);
    expect((await reservationsByOrder(tab.store)).get(orderId)).toBeUndefined();
    await expectConsistent(tab);
    tab.close();
  });
});

describe('resuming', () => {
  it('a saga stopped halfway (the tab closed) is continued by another coordinator and ends consistent', async () => {
    let calls = 0;
    const crashed = await simulator({
      injection: { stepDelayMs: 10 },
      // The third pause never ends: the tab was closed while the saga waited before its third step.
      sleep: () => (++calls === 3 ? new Promise<void>(() => {}) : Promise.resolve()),
    });
    const started = await crashed.sagas.placeOrder(order(['Laptop', 1], ['Mouse', 1]));
    if (!started.ok) throw new Error(started.message);
    await vi.waitFor(() => expect(calls).toBe(3));
    expect((await crashed.sagas.saga(started.orderId))?.status).toBe('running');

    const reloaded = await secondTab(crashed);
    expect(await reloaded.sagas.resumeUnfinished()).toBe(1);
    await reloaded.sagas.whenIdle();
    const saga = (await reloaded.sagas.saga(started.orderId))!;
    expect(saga.status).toBe('completed');
    // Each step happened once although the first coordinator had begun it.
    expect(steps(saga).filter((step) => step === 'reserveStock succeeded')).toHaveLength(2);
    expect(await reloaded.sagas.resumeUnfinished()).toBe(0);
    await expectConsistent(reloaded);
    reloaded.close();
  });

  it('two coordinators resuming the same saga at once: one drives it, the other stops quietly, every step once', async () => {
    let calls = 0;
    const crashed = await simulator({
      injection: { stepDelayMs: 10 },
      sleep: () => (++calls === 2 ? new Promise<void>(() => {}) : Promise.resolve()),
    });
    const started = await crashed.sagas.placeOrder(order(['Laptop', 1], ['Keyboard', 1], ['Mouse', 2]));
    if (!started.ok) throw new Error(started.message);
    await vi.waitFor(() => expect(calls).toBe(2));

    const errors = vi.spyOn(console, 'error');
    const [a, b] = [await secondTab(crashed), await secondTab(crashed)];
    expect(await Promise.all([a.sagas.resumeUnfinished(), b.sagas.resumeUnfinished()])).toEqual([1, 1]);
    await Promise.all([a.sagas.whenIdle(), b.sagas.whenIdle()]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();

    const saga = (await a.sagas.saga(started.orderId))!;
    expect(saga.status).toBe('completed');
    const events = await a.store.readAll();
    expect(events.filter((event) => event.type === 'StockReserved')).toHaveLength(3);
    expect(events.filter((event) => event.type === 'PaymentCharged')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'OrderConfirmed')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'SagaCompleted')).toHaveLength(1);
    await expectConsistent(a);
    a.close();
    b.close();
  });

  it('a flaky run is the same for the same seed', async () => {
    const run = async () => {
      const sim = await simulator({ injection: { paymentService: 'flaky', flakyFailureRate: 0.6 }, random: seededRandom(7) });
      const outcomes = [];
      for (let index = 0; index < 4; index += 1) outcomes.push((await placeAndFinish(sim, order(['Mouse', 1]))).saga.status);
      sim.close();
      return outcomes;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('failure injection', () => {
  it('keeps the rate within 0..1 and the delay within 0..5000 ms, and tells listeners', async () => {
    const sim = await simulator();
    const heard = vi.fn();
    sim.sagas.onChange(heard);
    sim.sagas.setInjection({ flakyFailureRate: 3, stepDelayMs: 99_999 });
    expect(sim.sagas.injection()).toEqual({ paymentService: 'approves', flakyFailureRate: 1, stepDelayMs: 5000 });
    expect(heard).toHaveBeenCalled();
    sim.close();
  });
});
