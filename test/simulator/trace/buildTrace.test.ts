import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../../src/simulator/trace/buildTrace';
import type { TraceNode } from '../../../src/simulator/trace/types';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { recorded, sagaLog } from './traceFixtures';

/** The tree as indented lines, the way the screen shows it: `command id`, `  Type #position`. */
function outline(node: TraceNode, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  const line = node.kind === 'command' ? `${pad}command ${node.commandId}` : `${pad}${node.event.type} #${node.event.globalPosition}`;
  return [line, ...node.children.flatMap((child) => outline(child, depth + 1))];
}

describe('the causal tree of one command', () => {
  it('puts the command at the root and the events it recorded under it', async () => {
    const simulator = await createMemorySimulator({ newId: () => 'cmd-place' });
    const placed = await simulator.execute('PlaceOrder', {
      orderId: 'A-1',
      customerId: 'c-1',
      items: [{ product: 'Laptop', quantity: 1, unitPrice: 999 }],
    });
    expect(placed.ok).toBe(true);
    const trace = buildTrace('cmd-place', await simulator.store.readAll());
    expect(trace && outline(trace.root)).toEqual(['command cmd-place', '  OrderPlaced #1']);
    expect(trace?.orphans).toBe(0);
    simulator.close();
  });

  it('follows a saga: each step hangs under the event that caused it, across several commands', () => {
    const trace = buildTrace('place-1', sagaLog)!;
    expect(outline(trace.root)).toEqual([
      'command place-1',
      '  OrderPlaced #1',
      '    SagaStarted #2',
      '      StockReserved #4',
      '        PaymentCharged #5',
      '          OrderConfirmed #6',
    ]);
    expect(trace.commandIds).toEqual(['place-1', 'saga-1-start', 'saga-1-reserve', 'saga-1-charge', 'saga-1-confirm']);
    // The other order's command is another trace, not a branch of this one.
    expect(trace.events.map((event) => event.globalPosition)).toEqual([1, 2, 4, 5, 6]);
    const saga = trace.root.children[0]!.children[0]!;
    expect(saga.kind === 'event' && saga.byAnotherCommand).toBe(true);
    expect(saga.kind === 'event' && saga.service).toBe('saga');
  });

  it('shows a command of the same correlation that no event caused as a branch of its own', () => {
    const log = [
      recorded(1, { eventId: 'e1', type: 'OrderPlaced', streamId: 'order-1', commandId: 'c1', correlationId: 'c1', causationId: 'c1' }),
      recorded(2, { eventId: 'e2', type: 'OrderCancelled', streamId: 'order-1', commandId: 'c2', correlationId: 'c1', causationId: 'c2' }),
    ];
    expect(outline(buildTrace('c1', log)!.root)).toEqual(['command c1', '  OrderPlaced #1', '  command c2', '    OrderCancelled #2']);
  });

  it('hangs an event whose cause is missing under the root, saying why', () => {
    const log = [
      recorded(1, { eventId: 'e1', type: 'OrderPlaced', streamId: 'order-1', commandId: 'c1', correlationId: 'c1', causationId: 'c1' }),
      recorded(2, { eventId: 'e2', type: 'PaymentRefunded', streamId: 'payment-1', commandId: 'c9', correlationId: 'c1', causationId: 'lost-event' }),
    ];
    const trace = buildTrace('c1', log)!;
    expect(outline(trace.root)).toEqual(['command c1', '  OrderPlaced #1', '  PaymentRefunded #2']);
    expect(trace.orphans).toBe(1);
    const orphan = trace.root.children[1]!;
    expect(orphan.note).toContain('lost-event is not in this trace');
  });

  it('survives an event that names itself as its cause', () => {
    const log = [recorded(1, { eventId: 'e1', type: 'OrderPlaced', streamId: 'order-1', commandId: 'c1', correlationId: 'c1', causationId: 'e1' })];
    const trace = buildTrace('c1', log)!;
    expect(outline(trace.root)).toEqual(['command c1', '  OrderPlaced #1']);
    expect(trace.root.children[0]!.note).toContain('itself');
  });

  it('cuts a loop of causes at its oldest event instead of drawing it forever', () => {
    const log = [
      recorded(1, { eventId: 'e1', type: 'OrderPlaced', streamId: 'order-1', commandId: 'c1', correlationId: 'c1', causationId: 'c1' }),
      recorded(2, { eventId: 'a', type: 'StockReserved', streamId: 'inventory-x', commandId: 'c2', correlationId: 'c1', causationId: 'c' }),
      recorded(3, { eventId: 'b', type: 'PaymentCharged', streamId: 'payment-1', commandId: 'c3', correlationId: 'c1', causationId: 'a' }),
      recorded(4, { eventId: 'c', type: 'OrderConfirmed', streamId: 'order-1', commandId: 'c4', correlationId: 'c1', causationId: 'b' }),
    ];
    const trace = buildTrace('c1', log)!;
    expect(outline(trace.root)).toEqual([
      'command c1',
      '  OrderPlaced #1',
      '  StockReserved #2',
      '    PaymentCharged #3',
      '      OrderConfirmed #4',
    ]);
    expect(trace.root.children[1]!.note).toContain('loop (#2, #3, #4)');
    expect(trace.orphans).toBe(1);
  });

  it('keeps the correlation when the command that started it recorded nothing itself', () => {
    const log = [
      recorded(1, { eventId: 'e1', type: 'StockReserved', streamId: 'inventory-x', commandId: 'step-1', correlationId: 'user-action', causationId: 'user-action' }),
    ];
    const trace = buildTrace('user-action', log)!;
    expect(outline(trace.root)).toEqual(['command user-action', '  StockReserved #1']);
    expect(trace.root.note).toContain('No event was recorded by command user-action itself');
  });

  it('links a follow-up caused from another correlation to that trace, and the cause to the follow-up’s trace', () => {
    // The person cancels (their own command, their own correlation); the saga's follow-up keeps the saga's
    // correlation and names the person's OrderCancelled as its cause.
    const log = [
      ...sagaLog,
      recorded(7, { eventId: 'cancelled-1', type: 'OrderCancelled', streamId: 'order-1', commandId: 'cancel-1', correlationId: 'cancel-1', causationId: 'cancel-1' }),
      recorded(8, { eventId: 'follow-1', type: 'CancellationCompensationStarted', streamId: 'saga-1', commandId: 'saga-1@6', correlationId: 'place-1', causationId: 'cancelled-1' }),
      recorded(9, { eventId: 'refund-1', type: 'PaymentRefunded', streamId: 'payment-1', commandId: 'saga-1/afterCancellation/refundPayment', correlationId: 'place-1', causationId: 'cancelled-1' }),
    ];
    const saga = buildTrace('place-1', log)!;
    expect(outline(saga.root).slice(-2)).toEqual(['  CancellationCompensationStarted #8', '  PaymentRefunded #9']);
    const followUps = saga.root.children.slice(-2);
    expect(followUps.map((node) => node.kind === 'event' && node.causeTrace)).toEqual(['cancel-1', 'cancel-1']);
    expect(followUps.map((node) => node.note)).toEqual([null, null]);
    // Linked, not lost: nothing counts as a cause that could not be followed.
    expect(saga.orphans).toBe(0);

    const cancel = buildTrace('cancel-1', log)!;
    expect(outline(cancel.root)).toEqual(['command cancel-1', '  OrderCancelled #7']);
    const cancelled = cancel.root.children[0]!;
    expect(cancelled.kind === 'event' && cancelled.followUpTraces).toEqual(['place-1']);
    expect(cancelled.kind === 'event' && cancelled.causeTrace).toBeNull();
  });

  it('takes the links from the caller when it is given one correlation’s events only', () => {
    const own = [
      recorded(1, { eventId: 'e1', type: 'SagaStarted', streamId: 'saga-1', commandId: 'c1', correlationId: 'c1', causationId: 'c1' }),
      recorded(5, { eventId: 'e5', type: 'ReservedStockShipped', streamId: 'inventory-Laptop', commandId: 'c9', correlationId: 'c1', causationId: 'shipped-elsewhere' }),
    ];
    const alone = buildTrace('c1', own)!;
    expect(alone.root.children[1]!.note).toContain('shipped-elsewhere is not in this trace');
    const linked = buildTrace('c1', own, {
      correlationOf: (eventId) => (eventId === 'shipped-elsewhere' ? 'ship-cmd' : undefined),
      followUpsOf: () => [],
    })!;
    const shipped = linked.root.children[1]!;
    expect(shipped.kind === 'event' && [shipped.causeTrace, shipped.note]).toEqual(['ship-cmd', null]);
  });

  it('answers nothing for an id no event carries', () => {
    expect(buildTrace('nobody', sagaLog)).toBeUndefined();
  });
});
