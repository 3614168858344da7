import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBrowserSimulator } from '../../src/simulator/simulator';

/** The saga on the app's IndexedDB store (fake-indexeddb in node): a reload halfway resumes it on start. */
describe('the saga in the browser simulator', () => {
  it('runs to completion, and a saga left halfway by a closed tab is resumed when the app starts again', async () => {
    const dbName = `saga-browser-${Date.now()}`;
    const first = await createBrowserSimulator({ dbName });
    const done = await first.sagas.placeOrder({ customerId: 'c-1', items: [{ product: 'Mouse', quantity: 2 }] });
    if (!done.ok) throw new Error(done.message);
    await first.sagas.whenIdle();
    expect((await first.sagas.saga(done.orderId))?.status).toBe('completed');

    // The person slows the saga down to watch it, then reloads while it waits before reserving stock.
    first.sagas.setInjection({ stepDelayMs: 5000 });
    const halfway = await first.sagas.placeOrder({ customerId: 'c-1', items: [{ product: 'Keyboard', quantity: 1 }] });
    if (!halfway.ok) throw new Error(halfway.message);
    expect((await first.sagas.saga(halfway.orderId))?.status).toBe('running');
    first.close();

    const reloaded = await createBrowserSimulator({ dbName });
    await vi.waitFor(async () => expect((await reloaded.sagas.saga(halfway.orderId))?.status).toBe('completed'), { timeout: 5000 });
    expect(await reloaded.sagas.outcomes()).toEqual({ completed: 2, compensated: 0, running: 0, cancelled: 0 });
    const stock = await reloaded.sagas.stock();
    expect(stock.find((level) => level.product === 'Keyboard')).toMatchObject({ onHand: 10, reserved: 1 });
    reloaded.close();
  });
});
