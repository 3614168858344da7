import { describe, expect, it, vi } from 'vitest';
import { orderDecider } from '../../src/domain/order/decider';
import { orderStreamId } from '../../src/domain/order/types';
import { handleCommand } from '../../src/eventStore/handleCommand';
import { expectConsistent, netChargedOf, orderStatusOf, reservationsByOrder } from './sagaLedger';
import { completedSaga, exportedEvents, ofType, order, secondTab, simulator, simulatorWithPersonActing, steps, stockOf } from './sagaSimulators';

/**
 * A person cancels an order after its saga confirmed it (the Simulator's command panel, the API console): the
 * coordinator follows up, refunding the payment and releasing the stock, recorded on the saga's stream.
 */

describe('cancelling an order after its saga confirmed it', () => {
  it('refunds the payment and releases the stock; the saga ends cancelled, traced to the person’s cancellation', async () => {
    const sim = await simulator();
    const { orderId, sagaId, correlationId } = await completedSaga(sim, order(['Laptop', 2], ['Mouse', 1]));
    expect(await stockOf(sim, 'Laptop')).toMatchObject({ reserved: 2, available: 3 });

    const cancel = await sim.execute('CancelOrder', { orderId, reason: 'Found it cheaper elsewhere' });
    if (!cancel.ok) throw new Error(cancel.message);
    await sim.sagas.whenIdle();

    const saga = (await sim.sagas.saga(orderId))!;
    expect(saga.status).toBe('cancelled');
    expect(saga.cancellationReason).toBe('Found it cheaper elsewhere');
    expect(saga.failureReason).toBeNull();
    expect(steps(saga).slice(5)).toEqual([
      'cancelOrder succeeded',
      'refundPayment succeeded',
      'releaseStock succeeded',
      'releaseStock succeeded',
    ]);
    expect(saga.timeline[5]!.detail).toBe(
      'Order cancelled after the saga confirmed it: Found it cheaper elsewhere. Undoing the payment and the reservations.',
    );
    expect(saga.timeline.slice(6).map((entry) => entry.detail)).toEqual(['Refunded 2,024.98', 'Released 1 × Mouse', 'Released 2 × Laptop']);

    expect(await netChargedOf(sim.store, orderId)).toBe(0);
    expect((await reservationsByOrder(sim.store)).get(orderId)).toBeUndefined();
    expect(await stockOf(sim, 'Laptop')).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    expect(await sim.sagas.outcomes()).toEqual({ completed: 0, compensated: 0, running: 0, cancelled: 1 });
    await expectConsistent(sim);

    // Correlated with the saga, caused by the person's OrderCancelled, under ids that say what they undo.
    const cancelled = cancel.events[0]!;
    const all = await sim.store.readAll();
    const effects = [...ofType(all, 'PaymentRefunded'), ...ofType(all, 'StockReleased')];
    expect(effects).toHaveLength(3);
    for (const event of effects) expect(event.metadata).toMatchObject({ correlationId, causationId: cancelled.eventId });
    expect(effects.map((event) => event.metadata.commandId).sort()).toEqual([
      `${sagaId}/afterCancellation/refundPayment`,
      `${sagaId}/afterCancellation/releaseStock/Laptop`,
      `${sagaId}/afterCancellation/releaseStock/Mouse`,
    ]);
    const [started] = ofType(await sim.store.readStream(sagaId), 'CancellationCompensationStarted');
    expect(started!.metadata).toMatchObject({ correlationId, causationId: cancelled.eventId });
    expect(started!.data).toMatchObject({ previousStatus: 'confirmed', orderCancelledEventId: cancelled.eventId });

    await sim.projector.whenCaughtUp();
    expect((await sim.queries.orderById(orderId))?.status).toBe('cancelled');
    expect((await sim.crud.get(orderId))?.status).toBe('cancelled');
    sim.close();
  });

  it('while processing: the same follow-up; once shipped the order cannot be cancelled, its stock stays shipped and its money kept', async () => {
    const sim = await simulator();
    const processing = await completedSaga(sim, order(['Keyboard', 2]));
    const shipped = await completedSaga(sim, order(['Keyboard', 1]));
    expect((await sim.execute('StartProcessing', { orderId: processing.orderId })).ok).toBe(true);
    expect((await sim.execute('CancelOrder', { orderId: processing.orderId, reason: 'Too slow' })).ok).toBe(true);
    for (const command of ['StartProcessing', 'ShipOrder'] as const) expect((await sim.execute(command, { orderId: shipped.orderId })).ok).toBe(true);
    const refused = await sim.execute('CancelOrder', { orderId: shipped.orderId, reason: 'Too late' });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/it is "shipped"/) });
    await sim.sagas.whenIdle();

    expect((await sim.sagas.saga(processing.orderId))?.timeline[4]?.detail).toMatch(/\(it was processing\): Too slow/);
    expect((await sim.sagas.saga(processing.orderId))?.status).toBe('cancelled');
    expect((await sim.sagas.saga(shipped.orderId))?.status).toBe('completed');
    // The processing order's 2 went back to the shelf; the shipped order's 1 left it.
    expect(await stockOf(sim, 'Keyboard')).toMatchObject({ onHand: 9, reserved: 0, available: 9 });
    expect(await netChargedOf(sim.store, shipped.orderId)).toBe(75);
    expect(await orderStatusOf(sim.store, shipped.orderId)).toBe('shipped');
    await expectConsistent(sim);
    sim.close();
  });

  it('during the saga (the order still pending): the saga itself compensates, no follow-up is needed', async () => {
    const sim = await simulatorWithPersonActing(
      (saga) => saga.timeline.some((entry) => entry.step === 'chargePayment'),
      (app, saga) => app.execute('CancelOrder', { orderId: saga.orderId, reason: 'Changed my mind' }),
    );
    const started = await sim.sagas.placeOrder(order(['Mouse', 2]));
    if (!started.ok) throw new Error(started.message);
    await sim.sagas.whenIdle();
    const saga = (await sim.sagas.saga(started.orderId))!;
    expect(saga.status).toBe('compensated');
    expect(saga.cancellationReason).toBeNull();
    expect(ofType(await sim.store.readAll(), 'CancellationCompensationStarted')).toHaveLength(0);
    await expectConsistent(sim);
    sim.close();
  });

  it('two coordinators hear the same cancellation: the refund and each release happen once', async () => {
    const a = await simulator();
    const b = await secondTab(a);
    const { orderId } = await completedSaga(a, order(['Laptop', 1], ['Monitor', 2]));
    const errors = vi.spyOn(console, 'error');
    expect((await b.execute('CancelOrder', { orderId, reason: 'Duplicate order' })).ok).toBe(true);
    await Promise.all([a.sagas.whenIdle(), b.sagas.whenIdle()]);
    await Promise.all([a.sagas.whenIdle(), b.sagas.whenIdle()]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();

    const all = await a.store.readAll();
    expect(ofType(all, 'CancellationCompensationStarted')).toHaveLength(1);
    expect(ofType(all, 'PaymentRefunded')).toHaveLength(1);
    expect(ofType(all, 'StockReleased').map((event) => (event.data as { product: string }).product).sort()).toEqual(['Laptop', 'Monitor']);
    expect(ofType(all, 'SagaCancelledAfterConfirmation')).toHaveLength(1);
    expect((await b.sagas.saga(orderId))?.status).toBe('cancelled');
    await expectConsistent(a);
    b.close();
    a.close();
  });
});

describe('resuming the follow-up after a reload', () => {
  it('a cancellation no tab saw (recorded while none was open) is followed up when the app starts again', async () => {
    const closedTab = await simulator();
    const { orderId } = await completedSaga(closedTab, order(['Monitor', 1]));
    closedTab.close();
    // Another process cancels on the shared log while no coordinator watches.
    await handleCommand({
      store: closedTab.store,
      decider: orderDecider,
      streamId: orderStreamId(orderId),
      command: { type: 'CancelOrder', data: { orderId, reason: 'Cancelled by phone', at: '2025-01-02T10:00:00.000Z' } },
      commandId: 'phone-cancel',
    });
    const reloaded = await secondTab(closedTab);
    await reloaded.sagas.whenIdle();
    expect((await reloaded.sagas.saga(orderId))?.status).toBe('completed');

    expect(await reloaded.sagas.resumeUnfinished()).toBe(1);
    await reloaded.sagas.whenIdle();
    expect((await reloaded.sagas.saga(orderId))?.status).toBe('cancelled');
    expect(await stockOf(reloaded, 'Monitor')).toMatchObject({ reserved: 0, available: 3 });
    expect(await reloaded.sagas.resumeUnfinished()).toBe(0);
    await expectConsistent(reloaded);
    reloaded.close();
  });

  it('a follow-up stopped halfway (refunded, not yet released) is continued, each effect once', async () => {
    let pauses = 0;
    let hangAt: number | null = null;
    const crashed = await simulator({
      injection: { stepDelayMs: 10 },
      // After the refund, the pause before releasing never ends: the tab was closed there.
      sleep: () => (++pauses === hangAt ? new Promise<void>(() => {}) : Promise.resolve()),
    });
    const { orderId } = await completedSaga(crashed, order(['Laptop', 1], ['Mouse', 3]));
    hangAt = pauses + 2;
    expect((await crashed.execute('CancelOrder', { orderId, reason: 'Changed my mind' })).ok).toBe(true);
    await vi.waitFor(() => expect(pauses).toBe(hangAt));
    const halfway = (await crashed.sagas.saga(orderId))!;
    expect(halfway.status).toBe('compensating');
    expect(steps(halfway).slice(-2)).toEqual(['cancelOrder succeeded', 'refundPayment succeeded']);
    crashed.close();

    const reloaded = await secondTab(crashed);
    expect(await reloaded.sagas.resumeUnfinished()).toBe(1);
    await reloaded.sagas.whenIdle();
    const saga = (await reloaded.sagas.saga(orderId))!;
    expect(saga.status).toBe('cancelled');
    expect(steps(saga).slice(-4)).toEqual(['cancelOrder succeeded', 'refundPayment succeeded', 'releaseStock succeeded', 'releaseStock succeeded']);
    const all = await reloaded.store.readAll();
    expect(ofType(all, 'PaymentRefunded')).toHaveLength(1);
    expect(ofType(all, 'StockReleased')).toHaveLength(2);
    await expectConsistent(reloaded);
    reloaded.close();
  });
});

describe('exporting a saga cancelled after confirmation', () => {
  it('reads back, imports as cancelled, and leaves nothing to resume', async () => {
    const sim = await simulator();
    const { orderId } = await completedSaga(sim, order(['Laptop', 1]));
    await completedSaga(sim, order(['Mouse', 1]));
    await sim.execute('CancelOrder', { orderId, reason: 'Changed my mind' });
    await sim.sagas.whenIdle();
    const events = await exportedEvents(sim);

    const other = await simulator();
    await other.replaceAll(events);
    await other.sagas.whenIdle();
    expect(await other.sagas.outcomes()).toEqual({ completed: 1, compensated: 0, running: 0, cancelled: 1 });
    expect(await other.sagas.stock()).toEqual(await sim.sagas.stock());
    expect(await other.sagas.resumeUnfinished()).toBe(0);
    expect(await other.store.headPosition()).toBe(await sim.store.headPosition());
    other.close();
    sim.close();
  });
});
