import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import type { EventStore } from '../../../src/eventStore/types';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { createTraceIndex } from '../../../src/simulator/trace/traceIndex';
import type { TraceEventNode, TraceNode } from '../../../src/simulator/trace/types';

/** One command's event on its own stream, as handleCommand writes it (correlation = causation = command id). */
async function command(store: EventStore, commandId: string, streamId: string, type = 'OrderPlaced'): Promise<void> {
  await store.appendToStream(streamId, [{ eventId: `${commandId}:0`, type, data: {}, metadata: { commandId } }]);
}

describe('the trace index', () => {
  it('lists the newest commands first, capped, with their first event', async () => {
    const store = createMemoryEventStore();
    for (let n = 1; n <= 5; n += 1) await command(store, `cmd-${n}`, `order-${n}`);
    const index = createTraceIndex(store, { batchSize: 2 });
    await index.refresh();
    expect(index.size).toBe(5);
    expect(index.recent(3).map((summary) => [summary.correlationId, summary.firstType, summary.firstStreamId])).toEqual([
      ['cmd-5', 'OrderPlaced', 'order-5'],
      ['cmd-4', 'OrderPlaced', 'order-4'],
      ['cmd-3', 'OrderPlaced', 'order-3'],
    ]);
  });

  it('reads only what was appended since, and adds later events to their correlation', async () => {
    const store = createMemoryEventStore();
    await command(store, 'cmd-1', 'order-1');
    const index = createTraceIndex(store);
    await index.refresh();
    await store.appendToStream('saga-1', [
      { eventId: 'saga-1:0', type: 'SagaStarted', data: {}, metadata: { commandId: 'saga-step', correlationId: 'cmd-1', causationId: 'cmd-1:0' } },
    ]);
    const progress: number[] = [];
    await index.refresh(({ done }) => progress.push(done));
    expect(progress).toEqual([0, 1]);
    expect(index.summary('cmd-1')).toMatchObject({ eventCount: 2, lastPosition: 2, firstType: 'OrderPlaced' });
    const trace = await index.loadTrace('cmd-1');
    expect(trace?.events.map((event) => event.type)).toEqual(['OrderPlaced', 'SagaStarted']);
    expect(trace?.root.children[0]?.children[0]?.kind).toBe('event');
  });

  it('notices a replaced log and reads it again', async () => {
    const store = createMemoryEventStore();
    await command(store, 'old', 'order-1');
    const index = createTraceIndex(store);
    await index.refresh();
    await store.clear();
    await command(store, 'new', 'order-2');
    await index.refresh();
    expect(index.recent(10).map((summary) => summary.correlationId)).toEqual(['new']);
    expect(await index.loadTrace('old')).toBeUndefined();
  });

  it('loads a correlation whose events are far apart in the log', async () => {
    const store = createMemoryEventStore();
    await command(store, 'cmd-1', 'order-1');
    for (let n = 0; n < 450; n += 1) await command(store, `other-${n}`, `user-${n}`, 'UserCreated');
    await store.appendToStream('order-1', [
      { eventId: 'late', type: 'OrderConfirmed', data: {}, metadata: { commandId: 'resume', correlationId: 'cmd-1', causationId: 'cmd-1:0' } },
    ]);
    const index = createTraceIndex(store);
    await index.refresh();
    const trace = await index.loadTrace('cmd-1');
    expect(trace?.events.map((event) => event.globalPosition)).toEqual([1, 452]);
  });
});

describe('refreshing the trace index', () => {
  it('counts each event once when refreshes overlap (a change arrives while the log is being read)', async () => {
    const store = createMemoryEventStore();
    for (let n = 1; n <= 30; n += 1) await command(store, `cmd-${n}`, `order-${n}`);
    const index = createTraceIndex(store, { batchSize: 4 });
    await Promise.all([index.refresh(), index.refresh(), index.refresh()]);
    expect(index.size).toBe(30);
    expect(index.summary('cmd-30')?.eventCount).toBe(1);
  });

  it('links a saga’s follow-ups to the person’s cancel and ship commands, and those back to the saga', async () => {
    const sim = await createMemorySimulator({ sagas: { sleep: async () => {} } });
    const place = async (product: string) => {
      const started = await sim.sagas.placeOrder({ customerId: 'c-1', items: [{ product, quantity: 1 }] });
      if (!started.ok) throw new Error(started.message);
      await sim.sagas.whenIdle();
      return started;
    };
    const cancelledSaga = await place('Laptop');
    const shippedSaga = await place('Mouse');
    const cancel = await sim.execute('CancelOrder', { orderId: cancelledSaga.orderId, reason: 'Changed my mind' });
    await sim.execute('StartProcessing', { orderId: shippedSaga.orderId });
    const ship = await sim.execute('ShipOrder', { orderId: shippedSaga.orderId });
    if (!cancel.ok || !ship.ok) throw new Error('the person’s commands were refused');
    await sim.sagas.whenIdle();
    const cancelTrace = cancel.events[0]!.metadata.correlationId;
    const shipTrace = ship.events[0]!.metadata.correlationId;

    // A small batch: causes and their follow-ups are read in different pages.
    const index = createTraceIndex(sim.store, { batchSize: 3 });
    await index.refresh();
    const linkedAtRoot = async (correlationId: string) =>
      (await index.loadTrace(correlationId))!.root.children
        .filter((node): node is TraceEventNode => node.kind === 'event' && node.causeTrace !== null)
        .map((node) => `${node.event.type} ← ${node.causeTrace}`);
    expect(await linkedAtRoot(cancelledSaga.correlationId)).toEqual([
      `CancellationCompensationStarted ← ${cancelTrace}`,
      `PaymentRefunded ← ${cancelTrace}`,
      `StockReleased ← ${cancelTrace}`,
    ]);
    expect(await linkedAtRoot(shippedSaga.correlationId)).toEqual([
      `ShippingFollowUpStarted ← ${shipTrace}`,
      `ReservedStockShipped ← ${shipTrace}`,
    ]);

    const followUpsOf = async (correlationId: string) =>
      eventsOf((await index.loadTrace(correlationId))!.root).map((node) => [node.event.type, node.followUpTraces]);
    expect(await followUpsOf(cancelTrace)).toEqual([['OrderCancelled', [cancelledSaga.correlationId]]]);
    expect(await followUpsOf(shipTrace)).toEqual([['OrderShipped', [shippedSaga.correlationId]]]);
    sim.close();
  });
});

function eventsOf(node: TraceNode): TraceEventNode[] {
  return [...(node.kind === 'event' ? [node] : []), ...node.children.flatMap(eventsOf)];
}
