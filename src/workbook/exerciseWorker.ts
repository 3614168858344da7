import { transform } from 'sucrase';
import * as events from '../../exercises/support/events';
import * as order from '../../exercises/support/order';
import type { ExerciseTests, StudentModule } from '../../exercises/support/checks';
import { runStudentSource, type RunReport } from './exerciseRunner';

/**
 * Runs a student's code in a worker, so a loop that never ends can be stopped (the page terminates the worker)
 * instead of freezing the tab. The checks are each exercise's own `defineExerciseTests`, bundled in here.
 * This whole file, sucrase included, is loaded only when a student first presses Run tests.
 */

export type RunRequest = { readonly exerciseId: string; readonly fileName: string; readonly source: string };

type ChecksModule = { readonly defineExerciseTests: (student: StudentModule) => ExerciseTests };
const checksModules = import.meta.glob<ChecksModule>('../../exercises/*/checks.ts', { eager: true });
const supportModules = new Map<string, unknown>([
  ['order', order],
  ['events', events],
]);

const transpile = (source: string, fileName: string): string =>
  transform(source, { transforms: ['typescript', 'imports'], filePath: fileName }).code;

async function run(request: RunRequest): Promise<RunReport> {
  const checks = checksModules[`../../exercises/${request.exerciseId}/checks.ts`];
  if (checks === undefined) return { kind: 'broken', reason: `Exercise ${request.exerciseId} has no checks in this build.` };
  return runStudentSource({ ...request, transpile, modules: supportModules, defineExerciseTests: checks.defineExerciseTests });
}

/**
 * Taken before any student code runs: the report goes out through the page's private port with this original
 * `postMessage` (and `Reflect.apply`), so code that replaces either cannot rewrite the report.
 */
const sendOnPort = MessagePort.prototype.postMessage;
const applyFunction = Reflect.apply;

self.addEventListener('message', (message: MessageEvent<RunRequest>) => {
  const port = message.ports[0];
  if (port === undefined) return;
  const reply = (report: RunReport): void => applyFunction(sendOnPort, port, [report]);
  void run(message.data).then(reply, (error: unknown) =>
    reply({ kind: 'broken', reason: `The test runner failed: ${error instanceof Error ? error.message : String(error)}` }),
  );
});
