import { describe, expect, it } from 'vitest';
import { metricsExposition } from '../../../src/simulator/metrics/prometheus';
import type { CommandLatencyReport } from '../../../src/simulator/metrics/types';

const latency: CommandLatencyReport = {
  windowSize: 200,
  overall: { count: 3, errors: 1, totalMs: 7.5, percentiles: { p50: 2, p95: 4.5, p99: 4.5 }, windowCount: 3 },
  byCommand: [
    { command: 'PlaceOrder', count: 2, errors: 0, totalMs: 5.5, percentiles: { p50: 1, p95: 4.5, p99: 4.5 }, windowCount: 2 },
    { command: 'ShipOrder', count: 1, errors: 1, totalMs: 2, percentiles: { p50: 2, p95: 2, p99: 2 }, windowCount: 1 },
  ],
  rejections: [{ command: 'ShipOrder', kind: 'rule', count: 1 }],
};

// Variables, not literals in place: the saga contract's outcomes may grow, and a test input should not fail to compile.
const sagaCounts = { completed: 3, compensated: 1, cancelled: 1, running: 2 };
const noSagaFinished = { completed: 0, compensated: 0, cancelled: 0, running: 1 };

describe('Prometheus text exposition', () => {
  it('writes latency as a summary in seconds, the log as a counter, lag as gauges and sagas with their success ratio', () => {
    const text = metricsExposition({
      latency,
      headPosition: 4,
      eventsPerSecond: 0.8,
      projections: [
        { name: 'orders', checkpoint: 1, head: 4, lag: 3, state: 'paused', lagSeconds: 2.25 },
        { name: 'users', checkpoint: 4, head: 4, lag: 0, state: 'idle', lagSeconds: 0 },
      ],
      sagas: sagaCounts,
    });
    expect(text).toBe(
      [
        '# HELP workbook_command_duration_seconds Command processing latency, received to appended or rejected; quantiles over the last 200 commands.',
        '# TYPE workbook_command_duration_seconds summary',
        'workbook_command_duration_seconds{quantile="0.5"} 0.002',
        'workbook_command_duration_seconds{quantile="0.95"} 0.0045',
        'workbook_command_duration_seconds{quantile="0.99"} 0.0045',
        'workbook_command_duration_seconds_sum 0.0075',
        'workbook_command_duration_seconds_count 3',
        '# HELP workbook_command_duration_by_type_seconds Command processing latency per command type.',
        '# TYPE workbook_command_duration_by_type_seconds summary',
        'workbook_command_duration_by_type_seconds{command="PlaceOrder",quantile="0.5"} 0.001',
        'workbook_command_duration_by_type_seconds{command="PlaceOrder",quantile="0.95"} 0.0045',
        'workbook_command_duration_by_type_seconds{command="PlaceOrder",quantile="0.99"} 0.0045',
        'workbook_command_duration_by_type_seconds_sum{command="PlaceOrder"} 0.0055',
        'workbook_command_duration_by_type_seconds_count{command="PlaceOrder"} 2',
        'workbook_command_duration_by_type_seconds{command="ShipOrder",quantile="0.5"} 0.002',
        'workbook_command_duration_by_type_seconds{command="ShipOrder",quantile="0.95"} 0.002',
        'workbook_command_duration_by_type_seconds{command="ShipOrder",quantile="0.99"} 0.002',
        'workbook_command_duration_by_type_seconds_sum{command="ShipOrder"} 0.002',
        'workbook_command_duration_by_type_seconds_count{command="ShipOrder"} 1',
        '# HELP workbook_commands_rejected_total Commands refused (nothing appended), by command type and reason.',
        '# TYPE workbook_commands_rejected_total counter',
        'workbook_commands_rejected_total{command="ShipOrder",kind="rule"} 1',
        '# HELP workbook_events_total Events in the log (its head position: positions have no gaps). rate(workbook_events_total[5s]) is the publishing rate.',
        '# TYPE workbook_events_total counter',
        'workbook_events_total 4',
        '# HELP workbook_events_per_second Events appended per second over the last 5 seconds, as this tab measured it.',
        '# TYPE workbook_events_per_second gauge',
        'workbook_events_per_second 0.8',
        '# HELP workbook_projection_checkpoint Global position of the last event each projection applied.',
        '# TYPE workbook_projection_checkpoint gauge',
        'workbook_projection_checkpoint{projection="orders"} 1',
        'workbook_projection_checkpoint{projection="users"} 4',
        '# HELP workbook_projection_lag_events Events in the log each projection has not applied yet (head minus checkpoint).',
        '# TYPE workbook_projection_lag_events gauge',
        'workbook_projection_lag_events{projection="orders"} 3',
        'workbook_projection_lag_events{projection="users"} 0',
        '# HELP workbook_projection_lag_seconds Age of the oldest event each projection has not applied yet (0 when caught up).',
        '# TYPE workbook_projection_lag_seconds gauge',
        'workbook_projection_lag_seconds{projection="orders"} 2.25',
        'workbook_projection_lag_seconds{projection="users"} 0',
        '# HELP workbook_sagas Order sagas by outcome: completed, compensated (a step failed and was undone), cancelled (completed, then cancelled by a person and undone: neither success nor failure) or still running.',
        '# TYPE workbook_sagas gauge',
        'workbook_sagas{outcome="completed"} 3',
        'workbook_sagas{outcome="compensated"} 1',
        'workbook_sagas{outcome="cancelled"} 1',
        'workbook_sagas{outcome="running"} 2',
        '# HELP workbook_saga_success_ratio Completed sagas over finished sagas (completed plus compensated); NaN before any finished.',
        '# TYPE workbook_saga_success_ratio gauge',
        'workbook_saga_success_ratio 0.75',
        '',
      ].join('\n'),
    );
  });

  it('writes NaN quantiles and success ratio before any command or saga, and escapes label values', () => {
    const text = metricsExposition({
      latency: { windowSize: 200, overall: { count: 0, errors: 0, totalMs: 0, percentiles: null, windowCount: 0 }, byCommand: [], rejections: [] },
      headPosition: 0,
      eventsPerSecond: 0,
      projections: [{ name: 'a "quoted"\\name', checkpoint: 0, head: 0, lag: 0, state: 'idle', lagSeconds: null }],
      sagas: noSagaFinished,
    });
    expect(text).toContain('workbook_command_duration_seconds{quantile="0.99"} NaN\n');
    expect(text).toContain('workbook_projection_lag_events{projection="a \\"quoted\\"\\\\name"} 0\n');
    expect(text).not.toContain('workbook_projection_lag_seconds{');
    expect(text).toMatch(/^workbook_sagas\{outcome="running"\} 1$/m);
    expect(text.endsWith('\nworkbook_saga_success_ratio NaN\n')).toBe(true);
  });
});
