import { transform } from 'sucrase';
import { frameDocument, runnerScript } from 'virtual:exercise-sandbox';
import type { RunReport } from '../exerciseRunner';
import type { SandboxRunRequest, TaggedReport } from './exerciseRunner.worker';
import { readableReport } from './readableReport';

/**
 * Runs a student's code where the workbook's data is out of its reach: in a worker inside a sandboxed frame
 * (`sandbox="allow-scripts"`, no `allow-same-origin`), whose origin is opaque. The app's IndexedDB (events,
 * Exercise 06 answers), localStorage and caches belong to the app's origin; the sandbox's policy allows no
 * connection either. The frame is made fresh for each run and removed after it, which also stops a loop that
 * never ends. Loaded only when a student first presses Run tests: sucrase and the runner's script are in this chunk.
 */

export type RunRequest = { readonly exerciseId: string; readonly fileName: string; readonly source: string };

/** How long a run may take before the page stops it; the property checks of a correct solution take well under 2 s. */
export const runTimeLimitMs = 20_000;

/** The other files of each exercise folder (e.g. 03-projection/readModel.ts), which the student's file may import. */
const folderFiles = import.meta.glob<string>(['../../../exercises/*/*.ts', '!../../../exercises/*/*.test.ts', '!../../../exercises/*/checks.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const transpile = (source: string, fileName: string): string => transform(source, { transforms: ['typescript', 'imports'], filePath: fileName }).code;

/** The worker's whole script: the runner, then one call that hands it the student's files as function bodies. */
export function sandboxScript(request: RunRequest, reportTag: string): string {
  const files = new Map<string, string>();
  for (const [path, text] of Object.entries(folderFiles)) {
    const [, folder, file] = /\/exercises\/([^/]+)\/([^/]+)$/.exec(path) ?? [];
    if (folder === request.exerciseId && file !== undefined) files.set(file, text);
  }
  files.set(request.fileName, request.source);
  const bodies = [...files].map(([file, text]) => `${JSON.stringify(file)}: function (exports, require, module) {\n${transpile(text, file)}\n}`);
  return `${runnerScript}\n;exerciseRunner.run(${JSON.stringify({ exerciseId: request.exerciseId, fileName: request.fileName, reportTag } satisfies SandboxRunRequest)}, {\n${bodies.join(',\n')}\n});\n`;
}

/** What the sandbox frame sends back (src/workbook/sandbox/frameBootstrap.js). */
type FrameAnswer = { readonly fromWorker?: unknown; readonly workerError?: unknown };

/** An error the worker did not catch: its script did not parse, or the student's code threw outside any test. */
function workerErrorReason(request: RunRequest, message: string): string {
  const label = `${request.exerciseId}/${request.fileName}`;
  // As `npm run grade` says it: module code there is a function body too.
  if (/await is only valid/.test(message)) {
    return `${label} uses await at its top level (outside any function), which exercise code cannot: import with "import ... from" (only from your own folder and ../support/), and await inside your function.`;
  }
  return `${label} could not run: ${message.replace(/^Uncaught /, '')}`;
}

export function runExerciseInSandbox(request: RunRequest, timeLimitMs = runTimeLimitMs): Promise<RunReport> {
  const reportTag = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  let script: string;
  try {
    script = sandboxScript(request, reportTag);
  } catch (error) {
    return Promise.resolve({ kind: 'broken', reason: `Your code does not compile: ${error instanceof Error ? error.message : String(error)}` });
  }
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = 'Exercise runner';
  frame.hidden = true;
  frame.srcdoc = frameDocument;
  return new Promise<RunReport>((resolve) => {
    const finish = (report: RunReport): void => {
      clearTimeout(timer);
      removeEventListener('message', onReady);
      frame.remove();
      resolve(report);
    };
    const timer = setTimeout(
      () => finish({ kind: 'broken', reason: `Your code ran for more than ${timeLimitMs / 1000} seconds and was stopped. Is there a loop that never ends?` }),
      timeLimitMs,
    );
    // The frame says it is ready; it then gets the script and a private port, the only way a report comes back.
    const onReady = (event: MessageEvent): void => {
      if (event.source !== frame.contentWindow || event.data !== 'exercise-sandbox-ready') return;
      removeEventListener('message', onReady);
      const channel = new MessageChannel();
      // The student's code can post messages from the worker too: only the one tagged with this run's word is the report.
      channel.port1.addEventListener('message', (message: MessageEvent<unknown>) => {
        const answer = message.data as FrameAnswer | null;
        if (typeof answer !== 'object' || answer === null) return;
        if (typeof answer.workerError === 'string') finish({ kind: 'broken', reason: workerErrorReason(request, answer.workerError) });
        const tagged = answer.fromWorker as Partial<TaggedReport> | null | undefined;
        if (typeof tagged === 'object' && tagged !== null && tagged.tag === reportTag) finish(readableReport(tagged.report));
      });
      channel.port1.start();
      frame.contentWindow?.postMessage(script, '*', [channel.port2]);
    };
    addEventListener('message', onReady);
    document.body.append(frame);
  });
}
