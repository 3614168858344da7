import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';
import { createMemoryProjectionStore } from '../../src/projections/memoryProjectionStore';
import { createProjector, type ProjectionStatus, type Projector } from '../../src/projections/projector';
import { ordersProjection, type OrderDoc } from '../../src/projections/readModels/orders';
import { summaryProjection } from '../../src/projections/readModels/summary';
import { usersProjection } from '../../src/projections/readModels/users';
import { confirmed, laptop, mouse, placed, processing, record, userCreated } from './support/orderHistory';

/**
 * The "break on next event" lesson tool: a projection made to fault for real, so that a person sees the checkpoint
 * stop, the lag grow, and what Skip and Retry each do to the read model.
 */

const hint = "turn off 'Break on next event' and press Retry";

async function shopWithTwoOrders() {
  const store = createMemoryEventStore();
  const projectionStore = createMemoryProjectionStore();
  await record(store, [
    placed('A', [laptop], '2026-03-01T09:00:00.000Z'),
    placed('B', [mouse], '2026-03-01T10:00:00.000Z'),
  ]);
  const projector = createProjector({
    store,
    projectionStore,
    projections: [ordersProjection, summaryProjection, usersProjection],
    batchSize: 4,
  });
  await projector.start();
  await projector.whenCaughtUp();
  const order = (orderId: string) => projectionStore.getDocument<OrderDoc>('orders', orderId);
  return { store, projectionStore, projector, order };
}

const statusOf = (projector: Projector, name: string): ProjectionStatus => {
  const found = projector.getStatus().projections.find((projection) => projection.name === name);
  if (!found) throw new Error(`no status for ${name}`);
  return found;
};

describe('a fault injected into one projection', () => {
  it('stops its checkpoint just before the next event it applies, with the event and reason on the fault', async () => {
    const { store, projectionStore, projector, order } = await shopWithTwoOrders();
    projector.injectFault('orders', hint);
    expect(statusOf(projector, 'orders')).toMatchObject({ faultInjected: true, status: 'idle', checkpoint: 2 });

    await record(store, [confirmed('A', '2026-03-01T11:00:00.000Z')]);
    await projector.whenCaughtUp();

    expect(statusOf(projector, 'orders')).toMatchObject({
      status: 'faulted',
      checkpoint: 2,
      lag: 1,
      fault: {
        globalPosition: 3,
        eventType: 'OrderConfirmed',
        reason: `Injected fault: the orders projection refused OrderConfirmed at position 3 (${hint})`,
      },
    });
    expect((await projectionStore.readCheckpoint('orders'))?.fault?.globalPosition).toBe(3);
    expect((await order('A'))?.status).toBe('pending');
    // Only the projection it was injected into: the summary applied the same event.
    expect(statusOf(projector, 'orderSummary')).toMatchObject({ status: 'idle', checkpoint: 3, faultInjected: false });
  });

  it('lets a faulted projection fall further behind as the log grows', async () => {
    const { store, projector } = await shopWithTwoOrders();
    projector.injectFault('orders');
    await record(store, [confirmed('A', '2026-03-01T11:00:00.000Z'), processing('A', '2026-03-01T12:00:00.000Z')]);
    await projector.whenCaughtUp();
    expect(statusOf(projector, 'orders')).toMatchObject({ status: 'faulted', checkpoint: 2, lag: 2 });

    await record(store, [placed('C', [laptop], '2026-03-01T13:00:00.000Z')]);
    await projector.whenCaughtUp();
    expect(statusOf(projector, 'orders')).toMatchObject({ status: 'faulted', checkpoint: 2, lag: 3 });
    expect(statusOf(projector, 'orders').fault?.reason).toBe(
      'Injected fault: the orders projection refused OrderConfirmed at position 3',
    );
  });

  it('does not fire on events the projection does not handle', async () => {
    const { store, projector, order } = await shopWithTwoOrders();
    projector.injectFault('orders', hint);
    await record(store, [userCreated('u1', 'john@example.com', '2026-03-01T11:00:00.000Z')]);
    await projector.whenCaughtUp();
    expect(statusOf(projector, 'orders')).toMatchObject({ status: 'idle', checkpoint: 3, fault: null });

    await record(store, [confirmed('B', '2026-03-01T12:00:00.000Z')]);
    await projector.whenCaughtUp();
    expect(statusOf(projector, 'orders')).toMatchObject({ status: 'faulted', checkpoint: 3 });
    expect(statusOf(projector, 'orders').fault?.eventType).toBe('OrderConfirmed');
    expect((await order('B'))?.status).toBe('pending');
  });

  it('skipped: the checkpoint moves past the event and the read model never gets its effect', async () => {
    const { store, projector, order } = await shopWithTwoOrders();
    projector.injectFault('orders', hint);
    await record(store, [confirmed('A', '2026-03-01T11:00:00.000Z')]);
    await projector.whenCaughtUp();
    projector.clearInjectedFault('orders');

    const after = await projector.skip('orders');
    expect(after).toMatchObject({ status: 'idle', checkpoint: 3, lag: 0, fault: null });
    // The log says A was confirmed; the read model, having skipped that event, still says pending.
    expect((await order('A'))?.status).toBe('pending');
    expect((await order('A'))?.statusHistory.map((change) => change.status)).toEqual(['pending']);

    await record(store, [processing('B', '2026-03-01T12:00:00.000Z')]);
    await projector.whenCaughtUp();
    expect((await order('B'))?.status).toBe('processing');
  });

  it('retried while still injected: faults again on the same event', async () => {
    const { store, projector, order } = await shopWithTwoOrders();
    projector.injectFault('orders', hint);
    await record(store, [confirmed('A', '2026-03-01T11:00:00.000Z')]);
    await projector.whenCaughtUp();

    const after = await projector.retry('orders');
    expect(after).toMatchObject({ status: 'faulted', checkpoint: 2 });
    expect(after.fault?.globalPosition).toBe(3);
    expect((await order('A'))?.status).toBe('pending');
  });

  it('retried after turning it off: applies the event and catches up', async () => {
    const { store, projector, order } = await shopWithTwoOrders();
    projector.injectFault('orders', hint);
    await record(store, [confirmed('A', '2026-03-01T11:00:00.000Z'), processing('A', '2026-03-01T12:00:00.000Z')]);
    await projector.whenCaughtUp();

    projector.clearInjectedFault('orders');
    // Turning it off does not heal the fault by itself: the projection waits on its event until someone acts.
    expect(statusOf(projector, 'orders')).toMatchObject({ status: 'faulted', faultInjected: false });
    await projector.whenCaughtUp();
    expect(statusOf(projector, 'orders')).toMatchObject({ status: 'faulted', checkpoint: 2 });

    const after = await projector.retry('orders');
    expect(after).toMatchObject({ status: 'idle', checkpoint: 4, lag: 0, fault: null });
    expect((await order('A'))?.statusHistory.map((change) => change.status)).toEqual([
      'pending',
      'confirmed',
      'processing',
    ]);
  });

  it('tells listeners when it is switched on and off', async () => {
    const { projector } = await shopWithTwoOrders();
    const seen: boolean[] = [];
    projector.onChange((status) => seen.push(status.projections[0]!.faultInjected));
    projector.injectFault('orders');
    projector.clearInjectedFault('orders');
    expect(seen).toEqual([true, false]);
  });

  it('refuses a projection it does not know', async () => {
    const { projector } = await shopWithTwoOrders();
    expect(() => projector.injectFault('ordrs')).toThrow(/No projection named "ordrs"/);
  });
});
