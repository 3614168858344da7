import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../src/eventStore/types';
import { readModelsAt } from '../../../src/simulator/history/readModelsAt';
import { streamStateAt } from '../../../src/simulator/history/stateAt';
import { withoutEvents } from '../../../src/simulator/history/whatIf';
import { demoLog } from './demoLog';

let log: RecordedEvent[];
beforeAll(async () => {
  log = await demoLog();
});

describe('what if an event never happened', () => {
  it('with nothing left out, every recorded event still follows', () => {
    const whatIf = withoutEvents(log, new Set());
    expect(whatIf.events).toEqual(log);
    expect(whatIf.conflicts).toEqual([]);
  });

  it('without the cancellation, order 2 stays confirmed and its revenue counts again', async () => {
    const whatIf = withoutEvents(log, new Set([9]));
    expect(whatIf.leftOut.map((event) => event.type)).toEqual(['OrderCancelled']);
    expect(whatIf.conflicts).toEqual([]);
    expect(streamStateAt(whatIf.events, 'order-2', 12)).toMatchObject({ state: { status: 'confirmed' } });
    expect((await readModelsAt(whatIf.events)).summary.totalRevenue).toBe(1247.99);
  });

  it('without the confirmation, the later steps of order 1 no longer follow and say why', () => {
    const whatIf = withoutEvents(log, new Set([3]));
    expect(whatIf.conflicts.map((conflict) => conflict.message)).toEqual([
      'OrderProcessingStarted at #5 no longer follows: the order would be pending.',
      'OrderShipped at #7 no longer follows: the order would be pending.',
      'OrderDelivered at #11 no longer follows: the order would be pending.',
    ]);
    expect(whatIf.conflicts[0]?.rule).toMatch(/Cannot start processing order 1: it is "pending"/);
    expect(streamStateAt(whatIf.events, 'order-1', 12)).toMatchObject({ state: { status: 'pending' } });
    // Other streams are untouched.
    expect(streamStateAt(whatIf.events, 'order-3', 12)).toMatchObject({ state: { status: 'confirmed' } });
  });

  it('without the order being placed, nothing of it follows', () => {
    const whatIf = withoutEvents(log, new Set([8]));
    expect(whatIf.conflicts.map((conflict) => conflict.message)).toEqual(['OrderConfirmed at #12 no longer follows: the order would not exist.']);
  });

  it('leaves the history it was given as it was', () => {
    const copy = structuredClone(log);
    withoutEvents(log, new Set([1, 3, 9]));
    expect(log).toEqual(copy);
  });
});
