import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsRecorder, type MetricsRecorder } from '../../../src/simulator/metrics/recorder';
import { metricsFor, recordMetrics, stopRecordingMetrics } from '../../../src/simulator/metrics/registry';
import { type WorkbookSimulator } from '../../../src/simulator/simulator';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';

const order = (orderId: string) => ({
  orderId,
  customerId: '123',
  customerEmail: 'ada@example.com',
  items: [{ product: 'Laptop', quantity: 1, unitPrice: 999 }],
});

const open: Array<{ simulator: WorkbookSimulator; recorder?: MetricsRecorder }> = [];
afterEach(() => {
  for (const { simulator, recorder } of open.splice(0)) {
    recorder?.close();
    simulator.close();
  }
});

/** A recorder that samples only when told, on a clock the test moves. */
async function recording(options: { historySize?: number } = {}) {
  const simulator = await createMemorySimulator();
  let now = 0;
  const recorder = createMetricsRecorder(simulator, { sampleEveryMs: 0, nowMs: () => now, ...options });
  open.push({ simulator, recorder });
  return {
    simulator,
    recorder,
    setNow(ms: number) {
      now = ms;
    },
  };
}

describe('metrics recorder', () => {
  it('times every command the simulator runs, from whatever screen, and counts the refused ones', async () => {
    const { simulator, recorder } = await recording();
    await simulator.execute('PlaceOrder', order('o-1'));
    await simulator.execute('ShipOrder', { orderId: 'o-1' });
    await simulator.execute('ConfirmOrder', { orderId: 'o-1' });

    const report = recorder.commandLatency();
    expect(report.overall).toMatchObject({ count: 3, errors: 1, windowCount: 3 });
    expect(report.overall.percentiles?.p99).toBeGreaterThanOrEqual(report.overall.percentiles?.p50 ?? Infinity);
    expect(report.byCommand.map((entry) => [entry.command, entry.count, entry.errors])).toEqual([
      ['PlaceOrder', 1, 0],
      ['ShipOrder', 1, 1],
      ['ConfirmOrder', 1, 0],
    ]);
    expect(report.rejections).toEqual([{ command: 'ShipOrder', kind: 'rule', count: 1 }]);
  });

  it('a paused projection lags in events and in time (the age of its oldest unapplied event); resumed, both go to 0', async () => {
    const { simulator, recorder, setNow } = await recording();
    simulator.projector.pause('orders');
    await simulator.execute('PlaceOrder', order('o-1'));
    await simulator.execute('PlaceOrder', order('o-2'));
    await simulator.projector.whenCaughtUp();
    const [oldest] = await simulator.store.readAll({ limit: 1 });
    setNow(Date.parse(oldest!.metadata.recordedAt) + 2500);

    const behind = await recorder.sample();
    expect(behind.projections.find((projection) => projection.name === 'orders')).toEqual({
      name: 'orders',
      checkpoint: 0,
      head: 2,
      lag: 2,
      state: 'paused',
      lagSeconds: 2.5,
    });
    expect(behind.projections.filter((projection) => projection.lag > 0).map((projection) => projection.name)).toEqual(['orders']);
    expect([behind.maxLag, behind.maxLagSeconds]).toEqual([2, 2.5]);

    simulator.projector.resume('orders');
    await simulator.projector.whenCaughtUp();
    const caughtUp = await recorder.sample();
    expect([caughtUp.maxLag, caughtUp.maxLagSeconds]).toEqual([0, 0]);
  });

  it('measures the event rate from the head position between samples', async () => {
    const { simulator, recorder, setNow } = await recording();
    await recorder.sample();
    for (const id of ['o-1', 'o-2', 'o-3']) await simulator.execute('PlaceOrder', order(id));
    await simulator.execute('ConfirmOrder', { orderId: 'o-1' });
    setNow(2000);
    expect((await recorder.sample()).eventsPerSecond).toBe(2);
    setNow(8000);
    // Nothing appended in the last 5 s.
    expect((await recorder.sample()).eventsPerSecond).toBe(0);
  });

  it('keeps the last samples for the charts and tells listeners of each', async () => {
    const { recorder, setNow } = await recording({ historySize: 3 });
    const heard: number[] = [];
    recorder.onSample((sample) => heard.push(sample.at));
    for (const at of [1000, 2000, 3000, 4000, 5000]) {
      setNow(at);
      await recorder.sample();
    }
    expect(recorder.history().map((sample) => sample.at)).toEqual([3000, 4000, 5000]);
    expect(heard).toEqual([1000, 2000, 3000, 4000, 5000]);
  });

  it('counts the order sagas by outcome: one completed, one compensated when the payment was declined', async () => {
    const simulator = await createMemorySimulator({ sagas: { sleep: async () => {} } });
    const recorder = createMetricsRecorder(simulator, { sampleEveryMs: 0 });
    open.push({ simulator, recorder });
    const laptop = { customerId: 'c-1', items: [{ product: 'Laptop', quantity: 1 }] };

    expect((await simulator.sagas.placeOrder(laptop)).ok).toBe(true);
    await simulator.sagas.whenIdle();
    simulator.sagas.setInjection({ paymentService: 'declines' });
    expect((await simulator.sagas.placeOrder(laptop)).ok).toBe(true);
    await simulator.sagas.whenIdle();

    expect(await recorder.sagaOutcomes()).toMatchObject({ completed: 1, compensated: 1, running: 0 });
  });
});

describe('one recorder per simulator', () => {
  it('the app starts it, and the metrics screen and GET /metrics get that same one', async () => {
    const simulator = await createMemorySimulator();
    open.push({ simulator });
    const started = recordMetrics(simulator, { sampleEveryMs: 0 });
    await simulator.execute('PlaceOrder', order('o-1'));

    expect(metricsFor(simulator)).toBe(started);
    expect(metricsFor(simulator).commandLatency().overall.count).toBe(1);
    stopRecordingMetrics(simulator);
    expect(metricsFor(simulator)).not.toBe(started);
    stopRecordingMetrics(simulator);
  });
});
