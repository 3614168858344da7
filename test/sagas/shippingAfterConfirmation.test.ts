import { describe, expect, it, vi } from 'vitest';
import { orderDecider } from '../../src/domain/order/decider';
import { orderStreamId } from '../../src/domain/order/types';
import { handleCommand } from '../../src/eventStore/handleCommand';
import type { RecordedEvent } from '../../src/eventStore/types';
import type { WorkbookSimulator } from '../../src/simulator/simulator';
import { check, exportedFileLines } from '../simulator/exportFileLines';
import { expectConsistent, reservationsByOrder, shipmentsByOrder } from './sagaLedger';
import { completedSaga, exportedEvents, ofType, order, secondTab, simulator, simulatorWithPersonActing, stockOf } from './sagaSimulators';

/**
 * A person ships an order whose saga confirmed it (processing, then shipped, on the Simulator's command panel or the
 * API console): the units the saga reserved leave the warehouse, recorded on each product's inventory stream.
 */

/** StartProcessing then ShipOrder, as a person clicks them; answers the OrderShipped event. */
async function ship(sim: WorkbookSimulator, orderId: string): Promise<RecordedEvent> {
  expect((await sim.execute('StartProcessing', { orderId })).ok).toBe(true);
  const shipped = await sim.execute('ShipOrder', { orderId });
  if (!shipped.ok) throw new Error(shipped.message);
  return shipped.events[0]!;
}

describe('shipping an order whose saga confirmed it', () => {
  it('takes the reserved units off the shelf, traced to the person’s OrderShipped; the saga stays completed', async () => {
    const sim = await simulator();
    const { orderId, sagaId, correlationId } = await completedSaga(sim, order(['Laptop', 2], ['Mouse', 1]));
    await completedSaga(sim, order(['Laptop', 1]));
    expect(await stockOf(sim, 'Laptop')).toMatchObject({ onHand: 5, reserved: 3, available: 2 });

    const orderShipped = await ship(sim, orderId);
    await sim.sagas.whenIdle();

    // The shipped order's 2 left; the other order's 1 is still held.
    expect(await stockOf(sim, 'Laptop')).toMatchObject({ onHand: 3, reserved: 1, available: 2 });
    expect(await stockOf(sim, 'Mouse')).toMatchObject({ onHand: 19, reserved: 0, available: 19 });
    expect((await reservationsByOrder(sim.store)).get(orderId)).toBeUndefined();
    expect((await shipmentsByOrder(sim.store)).get(orderId)).toBe(3);
    expect((await sim.sagas.saga(orderId))?.status).toBe('completed');
    expect(await sim.sagas.outcomes()).toEqual({ completed: 2, compensated: 0, running: 0, cancelled: 0 });
    await expectConsistent(sim);

    // Correlated with the saga, caused by the person's OrderShipped, under ids that say what they follow up.
    const all = await sim.store.readAll();
    const shipments = ofType(all, 'ReservedStockShipped');
    expect(shipments.map((event) => event.data)).toEqual([
      expect.objectContaining({ product: 'Laptop', orderId, quantity: 2 }),
      expect.objectContaining({ product: 'Mouse', orderId, quantity: 1 }),
    ]);
    for (const event of shipments) expect(event.metadata).toMatchObject({ correlationId, causationId: orderShipped.eventId });
    expect(shipments.map((event) => event.metadata.commandId)).toEqual([
      `${sagaId}/afterShipping/shipStock/Laptop`,
      `${sagaId}/afterShipping/shipStock/Mouse`,
    ]);
    const sagaStream = await sim.store.readStream(sagaId);
    const [started] = ofType(sagaStream, 'ShippingFollowUpStarted');
    expect(started!.metadata).toMatchObject({ correlationId, causationId: orderShipped.eventId });
    expect(ofType(sagaStream, 'SagaStockShipped').map((event) => (event.data as { detail: string }).detail)).toEqual([
      'Shipped 2 × Laptop',
      'Shipped 1 × Mouse',
    ]);

    // Delivering changes nothing more in the warehouse.
    expect((await sim.execute('DeliverOrder', { orderId })).ok).toBe(true);
    await sim.sagas.whenIdle();
    expect(ofType(await sim.store.readAll(), 'ReservedStockShipped')).toHaveLength(2);
    sim.close();
  });

  it('shipped by hand while the saga was still charging: the saga completes, then ships the stock', async () => {
    const sim = await simulatorWithPersonActing(
      (saga) => saga.timeline.some((entry) => entry.step === 'reserveStock'),
      async (app, saga) => {
        for (const command of ['ConfirmOrder', 'StartProcessing', 'ShipOrder'] as const)
          expect((await app.execute(command, { orderId: saga.orderId })).ok).toBe(true);
      },
    );
    const started = await sim.sagas.placeOrder(order(['Monitor', 2]));
    if (!started.ok) throw new Error(started.message);
    await sim.sagas.whenIdle();
    const saga = (await sim.sagas.saga(started.orderId))!;
    expect(saga.status).toBe('completed');
    expect(saga.timeline.map((entry) => entry.detail)).toContain('Order was already shipped');
    expect(await stockOf(sim, 'Monitor')).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    await expectConsistent(sim);
    sim.close();
  });

  it('two coordinators hear the same shipment: each product ships once', async () => {
    const a = await simulator();
    const b = await secondTab(a);
    const { orderId } = await completedSaga(a, order(['Laptop', 1], ['Monitor', 2]));
    const errors = vi.spyOn(console, 'error');
    await ship(b, orderId);
    await Promise.all([a.sagas.whenIdle(), b.sagas.whenIdle()]);
    await Promise.all([a.sagas.whenIdle(), b.sagas.whenIdle()]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();

    const all = await a.store.readAll();
    expect(ofType(all, 'ShippingFollowUpStarted')).toHaveLength(1);
    expect(ofType(all, 'ReservedStockShipped').map((event) => (event.data as { product: string }).product)).toEqual(['Laptop', 'Monitor']);
    expect(ofType(all, 'SagaStockShipped')).toHaveLength(2);
    await expectConsistent(a);
    b.close();
    a.close();
  });
});

describe('resuming the shipping follow-up after a reload', () => {
  it('a shipment no tab saw is followed up when the app starts again, then nothing is left', async () => {
    const closedTab = await simulator();
    const { orderId } = await completedSaga(closedTab, order(['Monitor', 1]));
    closedTab.close();
    // Another process ships on the shared log while no coordinator watches.
    for (const command of [
      { type: 'StartProcessing' as const, data: { orderId, at: '2025-01-02T10:00:00.000Z' } },
      { type: 'ShipOrder' as const, data: { orderId, trackingNumber: null, at: '2025-01-02T11:00:00.000Z' } },
    ])
      await handleCommand({ store: closedTab.store, decider: orderDecider, streamId: orderStreamId(orderId), command, commandId: `phone-${command.type}` });
    const reloaded = await secondTab(closedTab);
    await reloaded.sagas.whenIdle();
    expect(await stockOf(reloaded, 'Monitor')).toMatchObject({ onHand: 3, reserved: 1 });

    expect(await reloaded.sagas.resumeUnfinished()).toBe(1);
    await reloaded.sagas.whenIdle();
    expect(await stockOf(reloaded, 'Monitor')).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
    expect((await reloaded.sagas.saga(orderId))?.status).toBe('completed');
    expect(await reloaded.sagas.resumeUnfinished()).toBe(0);
    await expectConsistent(reloaded);
    reloaded.close();
  });

  it('a follow-up stopped halfway (one product shipped) is continued, each product shipped once', async () => {
    let pauses = 0;
    let hangAt: number | null = null;
    const crashed = await simulator({
      injection: { stepDelayMs: 10 },
      // After the first product shipped, the pause before the second never ends: the tab was closed there.
      sleep: () => (++pauses === hangAt ? new Promise<void>(() => {}) : Promise.resolve()),
    });
    const { orderId, sagaId } = await completedSaga(crashed, order(['Laptop', 1], ['Mouse', 3]));
    hangAt = pauses + 2;
    await ship(crashed, orderId);
    await vi.waitFor(() => expect(pauses).toBe(hangAt));
    expect(ofType(await crashed.store.readStream(sagaId), 'SagaStockShipped')).toHaveLength(1);
    crashed.close();

    const reloaded = await secondTab(crashed);
    expect(await reloaded.sagas.resumeUnfinished()).toBe(1);
    await reloaded.sagas.whenIdle();
    const all = await reloaded.store.readAll();
    expect(ofType(all, 'ReservedStockShipped').map((event) => (event.data as { product: string }).product)).toEqual(['Laptop', 'Mouse']);
    expect(ofType(all, 'SagaStockShipped')).toHaveLength(2);
    expect(await reloaded.sagas.resumeUnfinished()).toBe(0);
    await expectConsistent(reloaded);
    reloaded.close();
  });
});

describe('exporting a saga whose order shipped', () => {
  it('reads back with the same stock, and leaves nothing to resume', async () => {
    const sim = await simulator();
    const { orderId } = await completedSaga(sim, order(['Laptop', 2]));
    await completedSaga(sim, order(['Laptop', 1]));
    await ship(sim, orderId);
    await sim.sagas.whenIdle();
    const events = await exportedEvents(sim);

    const other = await simulator();
    await other.replaceAll(events);
    await other.sagas.whenIdle();
    expect(await other.sagas.stock()).toEqual(await sim.sagas.stock());
    expect(await stockOf(other, 'Laptop')).toMatchObject({ onHand: 3, reserved: 1 });
    expect(await other.sagas.resumeUnfinished()).toBe(0);
    expect(await other.store.headPosition()).toBe(await sim.store.headPosition());
    other.close();
    sim.close();
  });

  it('refuses an imported shipment of more than the order reserved', async () => {
    const sim = await simulator();
    const { orderId } = await completedSaga(sim, order(['Laptop', 2]));
    await ship(sim, orderId);
    await sim.sagas.whenIdle();
    const forged = (await exportedFileLines(sim.store)).map((line) => line.replace(/("type":"ReservedStockShipped".*?"quantity":)2/, '$13'));
    expect(forged.join('\n')).toContain('"quantity":3');
    const result = check(forged);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/holds 2 units; it cannot ship 3/) });
    sim.close();
  });
});
