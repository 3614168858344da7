import { describe, expect, it } from 'vitest';
import { orderDecider } from '../../../src/domain/order/decider';
import { rehydrate } from '../../../src/eventStore/handleCommand';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';
import { loadDemoOrder } from '../../../src/simulator/replay/demoOrder';
import { changedFields, replaySteps, stateAfter, stateFields } from '../../../src/simulator/replay/replaySteps';

const fixedClock = () => '2025-03-01T10:00:00.000Z';

async function demoOrderStream() {
  const simulator = await createMemorySimulator({ now: fixedClock });
  const outcome = await loadDemoOrder((command, input) => simulator.execute(command, input), '1001');
  expect(outcome.ok).toBe(true);
  const events = await simulator.store.readStream('order-1001');
  return { simulator, events };
}

describe('replaying one order stream step by step', () => {
  it('shows each event meeting the state the previous one left, from the empty order to delivered', async () => {
    const { simulator, events } = await demoOrderStream();
    const steps = replaySteps(orderDecider, events);
    expect(steps.map((step) => step.event.type)).toEqual([
      'OrderPlaced',
      'OrderConfirmed',
      'OrderProcessingStarted',
      'OrderShipped',
      'OrderDelivered',
    ]);
    expect(steps[0]!.before).toEqual({ status: 'none' });
    for (let index = 1; index < steps.length; index += 1) expect(steps[index]!.before).toBe(steps[index - 1]!.after);
    expect(steps.map((step) => (step.after as { status: string }).status)).toEqual([
      'pending',
      'confirmed',
      'processing',
      'shipped',
      'delivered',
    ]);
    simulator.close();
  });

  it('ends on the very state that rehydrating the stored stream returns', async () => {
    const { simulator, events } = await demoOrderStream();
    const steps = replaySteps(orderDecider, events);
    const stored = await rehydrate(simulator.store, orderDecider, 'order-1001');
    expect(steps.at(-1)!.after).toEqual(stored.state);
    expect(stateAfter(steps, steps.length, orderDecider.initialState())).toEqual(stored.state);
    expect(stateAfter(steps, 0, orderDecider.initialState())).toEqual({ status: 'none' });
    simulator.close();
  });

  it('marks only the fields an event changed', async () => {
    const { simulator, events } = await demoOrderStream();
    const [placed, confirmed, , shipped] = replaySteps(orderDecider, events);
    // Placing creates every field of the order, and `status` changes from "none".
    expect(placed!.changedFields).toContain('items');
    expect(placed!.changedFields).toContain('status');
    // The clock is fixed, so confirming changes the status and nothing else: not even updatedAt.
    expect(confirmed!.changedFields).toEqual(['status']);
    expect(shipped!.changedFields).toEqual(['status', 'trackingNumber']);
    simulator.close();
  });
});

describe('changed fields', () => {
  it('compares by content, so a rebuilt equal list is not a change', () => {
    expect(changedFields({ items: [{ a: 1 }], n: 1 }, { items: [{ a: 1 }], n: 2 })).toEqual(['n']);
  });

  it('counts a field that appears or disappears', () => {
    expect(changedFields({ a: 1 }, { a: 1, b: undefined })).toEqual(['b']);
    expect(changedFields({ a: 1, gone: 2 }, { a: 1 })).toEqual(['gone']);
  });
});

describe('state fields', () => {
  it('reads order items as lines a person can read on a projector', () => {
    const rows = stateFields({ status: 'pending', items: [{ product: 'Laptop', quantity: 1, unitPrice: 999.99 }], total: 999.99 });
    expect(rows).toEqual([
      { name: 'status', value: 'pending' },
      { name: 'items', value: '1 × Laptop @ 999.99' },
      { name: 'total', value: '999.99' },
    ]);
  });
});
