import { describe, expect, it } from 'vitest';
import { createCommandLatencyTracker } from '../../../src/simulator/metrics/commandLatency';
import type { CommandLifecycle, CommandName } from '../../../src/simulator/types';

const received = (commandId: string, at: number, command: CommandName = 'PlaceOrder'): CommandLifecycle => ({
  phase: 'received',
  commandId,
  command,
  at,
});
const appended = (commandId: string, at: number, command: CommandName = 'PlaceOrder'): CommandLifecycle => ({
  phase: 'appended',
  commandId,
  command,
  streamId: 'order-1',
  events: [],
  at,
});
const rejected = (commandId: string, at: number, command: CommandName = 'ShipOrder'): CommandLifecycle => ({
  phase: 'rejected',
  commandId,
  command,
  kind: 'rule',
  message: 'cannot ship a pending order',
  at,
});

describe('command latency', () => {
  it('times each command from received to appended or rejected, and counts the refusals', () => {
    const tracker = createCommandLatencyTracker();
    tracker.observe(received('a', 100));
    tracker.observe(received('b', 105, 'ShipOrder'));
    tracker.observe(appended('a', 104));
    tracker.observe(rejected('b', 107));

    const report = tracker.report();
    expect(report.overall).toEqual({ count: 2, errors: 1, totalMs: 6, percentiles: { p50: 2, p95: 4, p99: 4 }, windowCount: 2 });
    expect(report.byCommand).toEqual([
      { command: 'PlaceOrder', count: 1, errors: 0, totalMs: 4, percentiles: { p50: 4, p95: 4, p99: 4 }, windowCount: 1 },
      { command: 'ShipOrder', count: 1, errors: 1, totalMs: 2, percentiles: { p50: 2, p95: 2, p99: 2 }, windowCount: 1 },
    ]);
    expect(report.rejections).toEqual([{ command: 'ShipOrder', kind: 'rule', count: 1 }]);
  });

  it('takes percentiles over the last commands only, while count and sum run since the start', () => {
    const tracker = createCommandLatencyTracker(3);
    const latencies = [100, 1, 2, 3];
    latencies.forEach((latency, index) => {
      tracker.observe(received(`c${index}`, 0));
      tracker.observe(appended(`c${index}`, latency));
    });
    expect(tracker.report().overall).toMatchObject({ count: 4, totalMs: 106, windowCount: 3, percentiles: { p50: 2, p95: 3, p99: 3 } });
  });

  it('pairs the same command id sent twice at once first-in first-out, and ignores a finish it never saw start', () => {
    const tracker = createCommandLatencyTracker();
    tracker.observe(appended('before-recording', 50));
    tracker.observe(received('k', 10));
    tracker.observe(received('k', 20));
    tracker.observe(appended('k', 30));
    tracker.observe(appended('k', 32));
    expect(tracker.report().overall).toMatchObject({ count: 2, totalMs: 32, percentiles: { p50: 12, p95: 20, p99: 20 } });
  });

  it('has no percentiles before a command finished', () => {
    const tracker = createCommandLatencyTracker();
    tracker.observe(received('a', 0));
    expect(tracker.report().overall).toEqual({ count: 0, errors: 0, totalMs: 0, percentiles: null, windowCount: 0 });
  });
});
