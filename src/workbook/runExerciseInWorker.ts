import * as v from 'valibot';
import type { RunReport } from './exerciseRunner';
import type { RunRequest } from './exerciseWorker';

/** How long a run may take before the page stops it; the property checks of a correct solution take well under 2 s. */
export const runTimeLimitMs = 20_000;

const text = v.string();
const reportSchema = v.variant('kind', [
  v.object({ kind: v.literal('broken'), reason: text }),
  v.object({
    kind: v.literal('ran'),
    outcomes: v.array(v.object({ name: text, status: v.picklist(['pass', 'fail']), message: text })),
    goal: v.object({ title: text, given: text, rule: text, expectedText: text, actualText: text, matches: v.boolean() }),
    passed: v.number(),
    total: v.number(),
  }),
]);

/**
 * The report as the page can draw it. The student's code shares the worker with the runner and could tamper with
 * it (replace a prototype method the runner uses): a report of the wrong shape is shown as broken, not drawn.
 */
export function readableReport(data: unknown): RunReport {
  return v.is(reportSchema, data)
    ? data
    : { kind: 'broken', reason: 'The test runner sent back a report the page cannot read. Does your code change built-in objects or call postMessage?' };
}

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
    // The report comes back on a private channel, not on the worker itself: the student's code runs in the worker
    // and can call `postMessage` too, so a message on the worker could be a forged pass or a malformed report.
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', (message: MessageEvent<unknown>) => finish(readableReport(message.data)));
    channel.port1.start();
    worker.addEventListener('error', (event) => finish({ kind: 'broken', reason: `The test runner could not start: ${event.message || 'unknown error'}` }));
    worker.postMessage(request, [channel.port2]);
  });
}
