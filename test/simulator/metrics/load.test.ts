import { afterEach, describe, expect, it } from 'vitest';
import { loadPlan, runLoad } from '../../../src/simulator/metrics/load';
import { createMetricsRecorder } from '../../../src/simulator/metrics/recorder';
import { type WorkbookSimulator } from '../../../src/simulator/simulator';
import { createMemorySimulator } from '../../../src/simulator/memorySimulators';

const open: WorkbookSimulator[] = [];
afterEach(() => {
  for (const simulator of open.splice(0)) simulator.close();
});

describe('generated load', () => {
  it('takes orders through their lifecycle, every fifth with a delivery before shipping', () => {
    const plan = loadPlan(23, 'load');
    expect(plan).toHaveLength(23);
    expect(plan.slice(0, 4).map((step) => step.command)).toEqual(['PlaceOrder', 'ConfirmOrder', 'StartProcessing', 'ShipOrder']);
    expect(plan.slice(16, 21).map((step) => `${step.command} ${String(step.input['orderId'])}`)).toEqual([
      'PlaceOrder load-5',
      'ConfirmOrder load-5',
      'StartProcessing load-5',
      'DeliverOrder load-5',
      'ShipOrder load-5',
    ]);
  });

  it('50 commands run for real: 48 accepted, the 2 early deliveries refused, all timed by the recorder', async () => {
    const simulator = await createMemorySimulator();
    open.push(simulator);
    const recorder = createMetricsRecorder(simulator, { sampleEveryMs: 0 });
    const progress: number[] = [];

    const result = await runLoad(simulator.execute, loadPlan(50, 'load'), { onProgress: (step) => progress.push(step.done) });

    expect(result).toEqual({ done: 50, total: 50, refused: 2, cancelled: false });
    expect(progress).toEqual(Array.from({ length: 51 }, (_, index) => index));
    expect(recorder.commandLatency().overall).toMatchObject({ count: 50, errors: 2 });
    expect(await simulator.store.headPosition()).toBe(48);
    recorder.close();
  });

  it('stops before the next command when cancelled, keeping what ran', async () => {
    const simulator = await createMemorySimulator();
    open.push(simulator);
    const abort = new AbortController();
    const result = await runLoad(simulator.execute, loadPlan(10, 'load'), {
      signal: abort.signal,
      onProgress: (step) => {
        if (step.done === 3) abort.abort();
      },
    });
    expect(result).toEqual({ done: 3, total: 10, refused: 0, cancelled: true });
    expect(await simulator.store.headPosition()).toBe(3);
  });
});
