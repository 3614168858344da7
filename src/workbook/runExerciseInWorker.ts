import type { RunReport } from './exerciseRunner';
import type { RunRequest } from './exerciseWorker';

/** How long a run may take before the page stops it; the property checks of a correct solution take well under 2 s. */
export const runTimeLimitMs = 20_000;

/**
 * Runs the student's code in a fresh worker and resolves with its report. A run that takes longer than the limit
 * (a loop that never ends) is stopped and reported as such; the page stays responsive either way.
 */
export function runExerciseInWorker(request: RunRequest, timeLimitMs = runTimeLimitMs): Promise<RunReport> {
  const worker = new Worker(new URL('./exerciseWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<RunReport>((resolve) => {
    const finish = (report: RunReport): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(report);
    };
    const timer = setTimeout(
      () => finish({ kind: 'broken', reason: `Your code ran for more than ${timeLimitMs / 1000} seconds and was stopped. Is there a loop that never ends?` }),
      timeLimitMs,
    );
    worker.addEventListener('message', (message: MessageEvent<RunReport>) => finish(message.data));
    worker.addEventListener('error', (event) => finish({ kind: 'broken', reason: `The test runner could not start: ${event.message || 'unknown error'}` }));
    worker.postMessage(request);
  });
}
