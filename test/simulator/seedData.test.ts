import { describe, expect, it } from 'vitest';
import { fold } from '../../src/domain/core/decider';
import { orderDecider } from '../../src/domain/order/decider';
import type { OrderEvent, OrderState } from '../../src/domain/order/types';
import { maxOrdersWithin, planSeed, seedEventCount, seedFormProblems } from '../../src/simulator/seedData';

describe('seeded data set', () => {
  it('is the same data for the same seed, and different data for another seed', () => {
    const first = planSeed({ seed: 42, orders: 200 });
    const again = planSeed({ seed: 42, orders: 200 });
    const other = planSeed({ seed: 43, orders: 200 });
    expect(again.steps).toEqual(first.steps);
    expect(other.steps.map((step) => step.events[0]!.data)).not.toEqual(first.steps.map((step) => step.events[0]!.data));
  });

  it('order n is the same whatever the number of orders asked for, so the event count is a running sum', () => {
    const small = planSeed({ seed: 7, orders: 50 });
    const large = planSeed({ seed: 7, orders: 500 });
    const streamsOfSmall = new Set(small.steps.map((step) => step.streamId));
    expect(large.steps.filter((step) => streamsOfSmall.has(step.streamId))).toEqual(small.steps);
    expect(seedEventCount(7, 500)).toBe(large.events);
  });

  it('every event is what the order decider records for its command on the state before it, at consecutive versions', () => {
    const plan = planSeed({ seed: 3, orders: 400 });
    const states = new Map<string, { state: OrderState; version: number }>();
    for (const step of plan.steps) {
      const stream = states.get(step.streamId) ?? { state: orderDecider.initialState(), version: 0 };
      expect(step.expectedVersion).toBe(stream.version);
      if (step.twin.aggregate !== 'order') throw new Error('the seed writes only orders');
      const decided = orderDecider.decide(step.twin.command, stream.state);
      expect(step.events.map(({ type, data }) => ({ type, data }))).toEqual(decided);
      states.set(step.streamId, {
        state: fold(orderDecider.evolve, step.events as unknown as OrderEvent[], stream.state),
        version: stream.version + step.events.length,
      });
    }
    expect(states.size).toBe(400);
  });

  it('looks like a shop: varied outcomes, cancel reasons, repeat customers, priced items, one log in time order', () => {
    const plan = planSeed({ seed: 1, orders: 2000 });
    const { outcomes } = plan;
    expect(outcomes.delivered).toBeGreaterThan(900);
    for (const status of ['pending', 'confirmed', 'processing', 'shipped', 'cancelled', 'deleted'] as const)
      expect(outcomes[status], status).toBeGreaterThan(20);

    const placed = plan.steps.flatMap((step) => step.events).filter((event) => event.type === 'OrderPlaced');
    const data = placed.map((event) => event.data as { customerId: string; customerEmail: string; total: number });
    expect(new Set(data.map((order) => order.customerId)).size).toBeLessThan(placed.length * 0.9);
    expect(data.every((order) => /^[a-z.-]+\d*@[a-z.-]+$/.test(order.customerEmail))).toBe(true);
    expect(data.every((order) => order.total > 0)).toBe(true);

    const reasons = plan.steps
      .flatMap((step) => step.events)
      .filter((event) => event.type === 'OrderCancelled')
      .map((event) => (event.data as { reason: string }).reason);
    expect(new Set(reasons).size).toBeGreaterThan(4);

    const times = plan.steps.map((step) => step.twin.command.data.at);
    expect([...times].sort()).toEqual(times);
  });

  it('finds the most orders that fit in 100,000 events', () => {
    const orders = maxOrdersWithin(5, 100_000);
    expect(seedEventCount(5, orders)).toBeLessThanOrEqual(100_000);
    expect(seedEventCount(5, orders + 1)).toBeGreaterThan(100_000);
  });

  it('refuses a seed or an order count it cannot use', () => {
    expect(() => planSeed({ seed: -1, orders: 10 })).toThrow(/seed/);
    expect(() => planSeed({ seed: 1, orders: 2.5 })).toThrow(/orders/);
  });
});

describe("the Data screen's seed fields", () => {
  it('names the field that is wrong, and reads an empty field as empty, not as 0', () => {
    expect(seedFormProblems('1000', '42')).toEqual({});
    expect(seedFormProblems('10', '')).toEqual({ seed: expect.stringMatching(/^The seed number must be a whole number from 0/) });
    expect(seedFormProblems('', '0')).toEqual({ orders: expect.stringMatching(/^Orders must be a whole number of at least 1/) });
    expect(seedFormProblems('-5', '1.5')).toEqual({ orders: expect.any(String), seed: expect.any(String) });
    expect(seedFormProblems('10', '99999999999999999999')).toEqual({ seed: expect.any(String) });
  });
});
