import type { Unsubscribe } from '../../eventStore/types';
import type { WorkbookSimulator } from '../simulator';
import { createCommandLatencyTracker, defaultLatencyWindow } from './commandLatency';
import { maxLag, projectionLags } from './projectionLag';
import { ratePerSecond, type CounterReading } from './rate';
import { createRingBuffer } from './ringBuffer';
import type { CommandLatencyReport, MetricsSample, ProjectionLag, SagaOutcomes } from './types';

/**
 * Records one simulator's metrics for as long as it runs: every command's latency as it happens (event-driven),
 * and once a second a sample of the rest (event rate, projection lag in events and time) for the live charts.
 * Recording starts when the app opens the store, not when someone opens the metrics screen, so commands sent from
 * the other screens count too.
 */
export type MetricsRecorder = {
  commandLatency(): CommandLatencyReport;
  /** Takes a sample now, keeps it in the history and tells the listeners. */
  sample(): Promise<MetricsSample>;
  /** The last `historySize` samples, oldest first. */
  history(): readonly MetricsSample[];
  /** Every projection's lag right now (not waiting for the next sample). */
  projectionLags(): Promise<ProjectionLag[]>;
  /** Finished and running order sagas (from the saga coordinator, which reads them from the log). */
  sagaOutcomes(): Promise<SagaOutcomes>;
  onSample(listener: (sample: MetricsSample) => void): Unsubscribe;
  close(): void;
};

export type MetricsRecorderOptions = {
  /** 1000 by default; 0 takes no samples on its own (tests call `sample()`). */
  readonly sampleEveryMs?: number;
  /** Samples kept for the charts: 60 (a minute at one a second) by default. */
  readonly historySize?: number;
  /** Commands the latency percentiles are taken over. */
  readonly latencyWindow?: number;
  /** The event rate is averaged over this much time: 5 s by default, so one burst does not read as a spike of 0. */
  readonly rateWindowMs?: number;
  /** Wall clock (epoch ms), for the samples' times and lag in time; tests pass a fixed one. */
  readonly nowMs?: () => number;
};

export function createMetricsRecorder(simulator: WorkbookSimulator, options: MetricsRecorderOptions = {}): MetricsRecorder {
  const {
    sampleEveryMs = 1000,
    historySize = 60,
    latencyWindow = defaultLatencyWindow,
    rateWindowMs = 5000,
    nowMs = () => Date.now(),
  } = options;
  const latency = createCommandLatencyTracker(latencyWindow);
  const samples = createRingBuffer<MetricsSample>(historySize);
  // Enough head readings to cover the rate window at one a second, with room for samples taken by hand.
  const headReadings = createRingBuffer<CounterReading>(Math.max(16, Math.ceil(rateWindowMs / 250)));
  const listeners = new Set<(sample: MetricsSample) => void>();
  const unsubscribeCommands = simulator.onCommand((step) => latency.observe(step));

  const lagsNow = () => projectionLags(simulator.projector.getStatus(), simulator.store, nowMs());

  async function sample(): Promise<MetricsSample> {
    const at = nowMs();
    const status = simulator.projector.getStatus();
    headReadings.push({ at, value: status.headPosition });
    const projections = await projectionLags(status, simulator.store, at);
    const furthest = maxLag(projections);
    const taken: MetricsSample = {
      at,
      latency: latency.report().overall.percentiles,
      eventsPerSecond: ratePerSecond(headReadings.values(), rateWindowMs),
      headPosition: status.headPosition,
      projections,
      maxLag: furthest.events,
      maxLagSeconds: furthest.seconds,
    };
    samples.push(taken);
    for (const listener of listeners) listener(taken);
    return taken;
  }

  // One sample at a time: a slow read (a big store, a busy tab) skips a tick instead of piling samples up.
  let sampling = false;
  const timer =
    sampleEveryMs > 0
      ? setInterval(() => {
          if (sampling) return;
          sampling = true;
          sample()
            .catch(() => undefined)
            .finally(() => {
              sampling = false;
            });
        }, sampleEveryMs)
      : undefined;
  // In node (the API console's tests) a recorder made on demand must not keep the process alive; browsers have no unref.
  (timer as { unref?: () => void } | undefined)?.unref?.();

  return {
    commandLatency: () => latency.report(),
    sample,
    history: () => samples.values(),
    projectionLags: lagsNow,
    sagaOutcomes: () => simulator.sagas.outcomes(),
    onSample(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (timer !== undefined) clearInterval(timer);
      unsubscribeCommands();
      listeners.clear();
    },
  };
}
