import type { WorkbookSimulator } from '../simulator';
import { createMetricsRecorder, type MetricsRecorder, type MetricsRecorderOptions } from './recorder';

/**
 * The one metrics recorder of each simulator. It is kept here, beside the simulator rather than inside it, so the
 * simulator stays free of monitoring concerns and two readers share one recording: the metrics screen and the
 * admin API's `GET /metrics` show the same numbers. A WeakMap, so a closed sandbox simulator's recorder goes with it.
 */
const recorders = new WeakMap<WorkbookSimulator, MetricsRecorder>();

/**
 * Starts recording now; the app calls it as soon as it opened the store, so every command from then on counts,
 * whichever screen sent it. A second call returns the recorder already running.
 */
export function recordMetrics(simulator: WorkbookSimulator, options?: MetricsRecorderOptions): MetricsRecorder {
  let recorder = recorders.get(simulator);
  if (recorder === undefined) {
    recorder = createMetricsRecorder(simulator, options);
    recorders.set(simulator, recorder);
  }
  return recorder;
}

/** The simulator's recorder; started here, with the defaults, if nothing started it yet. */
export const metricsFor = (simulator: WorkbookSimulator): MetricsRecorder => recordMetrics(simulator);

/** Stops and forgets a simulator's recorder (tests, or a simulator about to close). */
export function stopRecordingMetrics(simulator: WorkbookSimulator): void {
  recorders.get(simulator)?.close();
  recorders.delete(simulator);
}
