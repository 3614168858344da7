import { describe, expect, it } from 'vitest';
import { createMemorySimulator } from '../../src/simulator/memorySimulators';
import type { CommandLifecycle } from '../../src/simulator/types';

const laptopOrder = {
  orderId: 'order-1',
  customerId: 'customer-1',
  customerEmail: 'ada@example.com',
  items: [{ product: 'Laptop', quantity: 1, unitPrice: 999 }],
};

async function watch() {
  let next = 0;
  const simulator = await createMemorySimulator({ now: () => '2026-01-01T00:00:00.000Z', newId: () => `cmd-${++next}` });
  const steps: CommandLifecycle[] = [];
  simulator.onCommand((step) => steps.push(step));
  return { simulator, steps };
}

describe('a command reports each stage it passes', () => {
  it('an accepted command is received, validated, then appended with its events, in that order', async () => {
    const { simulator, steps } = await watch();

    await simulator.execute('PlaceOrder', laptopOrder);

    expect(steps.map((step) => step.phase)).toEqual(['received', 'validated', 'appended']);
    const appended = steps[2];
    expect(appended?.phase === 'appended' && appended.events.map((event) => event.type)).toEqual(['OrderPlaced']);
    expect(new Set(steps.map((step) => step.commandId))).toEqual(new Set(['cmd-1']));
  });

  it('an input the schema refuses is rejected before it reaches an aggregate', async () => {
    const { simulator, steps } = await watch();

    await simulator.execute('PlaceOrder', { ...laptopOrder, items: [] });

    expect(steps.map((step) => step.phase)).toEqual(['received', 'rejected']);
    expect(steps[1]?.phase === 'rejected' && steps[1].kind).toBe('validation');
  });

  it('an illegal transition is validated, then rejected by the aggregate', async () => {
    const { simulator, steps } = await watch();
    await simulator.execute('PlaceOrder', laptopOrder);
    steps.length = 0;

    await simulator.execute('ShipOrder', { orderId: 'order-1' });

    expect(steps.map((step) => step.phase)).toEqual(['received', 'validated', 'rejected']);
    expect(steps[2]?.phase === 'rejected' && steps[2].kind).toBe('rule');
  });

  it('stops reporting to a listener that unsubscribed', async () => {
    const { simulator } = await watch();
    const seen: string[] = [];
    const stop = simulator.onCommand((step) => seen.push(step.phase));
    stop();

    await simulator.execute('PlaceOrder', laptopOrder);

    expect(seen).toEqual([]);
  });
});

describe('a command told when it happened', () => {
  it('is stamped with that time instead of the clock, and its events carry it', async () => {
    const { simulator } = await watch();

    const outcome = await simulator.execute('PlaceOrder', laptopOrder, { at: '2026-03-02T09:15:00.000Z' });

    expect(outcome.ok && (outcome.events[0]?.data as { placedAt: string }).placedAt).toBe('2026-03-02T09:15:00.000Z');
  });
});
