import { describe, expect, it, vi } from 'vitest';
import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';
import { lazySagaCoordinator } from '../../src/sagas/lazySagaCoordinator';
import { completedSaga, ofType, order, secondTab, simulator } from './sagaSimulators';

/**
 * The saga's code loads the first time it has work (src/sagas/lazySagaCoordinator.ts): it must then act exactly as
 * a coordinator made with its tab would.
 */
const instant = async () => {};

describe('the order saga loaded when it has work', () => {
  it('follows up an order cancelled before its code arrived in this tab: the watcher starts where the tab started', async () => {
    const first = await simulator();
    const { orderId } = await completedSaga(first, order(['Laptop', 2]));
    // The second tab opens and the first closes; a person cancels the order in the second tab.
    const second = await secondTab(first);
    first.close();
    const cancelled = await second.execute('CancelOrder', { orderId, reason: 'changed my mind' });
    expect(cancelled.ok).toBe(true);
    // Only the second tab can follow it up, and its saga code arrives after the cancellation was appended.
    await vi.waitFor(async () => expect((await second.sagas.saga(orderId))?.status).toBe('cancelled'));
    await second.sagas.whenIdle();
    expect(ofType(await second.store.readAll(), 'StockReleased')).toEqual([expect.objectContaining({ data: expect.objectContaining({ orderId }) })]);
    second.close();
  });

  it('a failure injection set before the code arrives is read back at once, clamped, and is the one the saga starts with', async () => {
    const store = createMemoryEventStore();
    const saga = lazySagaCoordinator({
      store,
      execute: async () => ({ ok: false, message: 'not used', events: [] }) as never,
      now: () => '2026-01-01T00:00:00.000Z',
      newId: () => 'id',
      sleep: instant,
    });
    const heard = vi.fn();
    saga.onChange(heard);
    saga.setInjection({ paymentService: 'declines', stepDelayMs: 99_999 });
    expect(saga.injection()).toEqual({ paymentService: 'declines', flakyFailureRate: 0.5, stepDelayMs: 5000 });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(saga.circuit().state).toBe('closed');
    // Nothing to resume in a log without sagas, and nothing running.
    expect(await saga.resumeUnfinished()).toBe(0);
    await saga.whenIdle();
    // Once loaded (asked for its sagas), the coordinator holds the same injection.
    expect(await saga.sagas()).toEqual([]);
    expect(saga.injection()).toEqual({ paymentService: 'declines', flakyFailureRate: 0.5, stepDelayMs: 5000 });
    saga.close();
  });
});
