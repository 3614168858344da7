import { assertNever } from '../../domain/core/message';
import type { CommandLifecycle, CommandName } from '../types';
import { latencyPercentiles } from './percentiles';
import { createRingBuffer, type RingBuffer } from './ringBuffer';
import type { CommandLatencyReport, LatencySummary } from './types';

/**
 * Command processing latency: from `received` to `appended` or `rejected` of the same command, as the simulator
 * reports each stage. Percentiles are over the last `windowSize` commands (overall and per command type), so they
 * follow what happens now instead of averaging the whole session away; count, errors and the sum run since start.
 */
export type CommandLatencyTracker = {
  observe(step: CommandLifecycle): void;
  report(): CommandLatencyReport;
};

type Tally = { count: number; errors: number; totalMs: number; readonly window: RingBuffer<number> };

export const defaultLatencyWindow = 200;

export function createCommandLatencyTracker(windowSize = defaultLatencyWindow): CommandLatencyTracker {
  // A queue per id: the same commandId can be sent twice at once (an idempotent retry); each finish pairs with the
  // earliest start still open.
  const started = new Map<string, number[]>();
  const newTally = (): Tally => ({ count: 0, errors: 0, totalMs: 0, window: createRingBuffer(windowSize) });
  const overall = newTally();
  const byCommand = new Map<CommandName, Tally>();
  const rejections = new Map<string, { command: CommandName; kind: string; count: number }>();

  function finish(step: Extract<CommandLifecycle, { phase: 'appended' | 'rejected' }>): void {
    const queue = started.get(step.commandId);
    const startedAt = queue?.shift();
    if (queue?.length === 0) started.delete(step.commandId);
    // A finish without a start began before recording did: its latency is unknown, so it is not counted.
    if (startedAt === undefined) return;
    const latency = Math.max(0, step.at - startedAt);
    let perCommand = byCommand.get(step.command);
    if (perCommand === undefined) {
      perCommand = newTally();
      byCommand.set(step.command, perCommand);
    }
    for (const tally of [overall, perCommand]) {
      tally.count += 1;
      tally.totalMs += latency;
      tally.window.push(latency);
      if (step.phase === 'rejected') tally.errors += 1;
    }
    if (step.phase === 'rejected') {
      const key = `${step.command}\u0000${step.kind}`;
      const entry = rejections.get(key) ?? { command: step.command, kind: step.kind, count: 0 };
      entry.count += 1;
      rejections.set(key, entry);
    }
  }

  const summaryOf = (tally: Tally): LatencySummary => {
    const samples = tally.window.values();
    return {
      count: tally.count,
      errors: tally.errors,
      totalMs: tally.totalMs,
      percentiles: latencyPercentiles(samples),
      windowCount: samples.length,
    };
  };

  return {
    observe(step) {
      switch (step.phase) {
        case 'received': {
          const queue = started.get(step.commandId) ?? [];
          queue.push(step.at);
          started.set(step.commandId, queue);
          return;
        }
        case 'validated':
          return;
        case 'appended':
        case 'rejected':
          finish(step);
          return;
        default:
          assertNever(step);
      }
    },
    report: () => ({
      windowSize,
      overall: summaryOf(overall),
      byCommand: [...byCommand].map(([command, tally]) => ({ command, ...summaryOf(tally) })),
      rejections: [...rejections.values()].map((entry) => ({ ...entry })),
    }),
  };
}
