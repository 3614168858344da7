import * as events from '../../../exercises/support/events';
import * as order from '../../../exercises/support/order';
import type { ExerciseTests, StudentModule } from '../../../exercises/support/checks';
import { refusedImportMessage, supportImportName } from '../../../exercises/support/realm/importNames';
import { runExerciseTests, StudentCodeError, type RunReport } from '../exerciseRunner';
import { closeStorageAndNetwork, SandboxRefusal } from './closeStorageAndNetwork';
import { hardenIntrinsics } from './hardenIntrinsics';
import { bridgeStudentModule } from './studentBridge';

/**
 * The exercise runner as it runs in the sandbox's worker (see runExerciseInSandbox.ts). The worker's script is this
 * file's bundle followed by one call, `exerciseRunner.run(request, modules)`, whose `modules` are the student's
 * files compiled to function bodies: the sandbox may not evaluate strings, so the student's code arrives as part of
 * the worker's own script. `run` freezes the realm, closes storage and the network, loads the student's file, runs
 * the exercise's checks and posts the report; nothing of the student's runs before the freeze.
 */

export type ModuleBody = (exports: Record<string, unknown>, require: (specifier: string) => unknown, module: { exports: unknown }) => void;

export type SandboxRunRequest = {
  readonly exerciseId: string;
  /** The student's file, e.g. `decide.ts`; `modules` holds it and the other files of its folder. */
  readonly fileName: string;
  /**
   * A random word the page chose for this run. The runner's report carries it; the student's code, which shares
   * the worker and can post messages too, never sees it, so a report it posts itself is ignored.
   */
  readonly reportTag: string;
};

/** What the runner posts: its report, tagged. */
export type TaggedReport = { readonly tag: string; readonly report: RunReport };

export type ChecksById = Readonly<Record<string, (student: StudentModule) => ExerciseTests>>;

// Taken before any student code exists: the report leaves through these, whatever the student's file replaces.
const postMessage = self.postMessage.bind(self) as (message: TaggedReport) => void;
const supportModules: Readonly<Record<string, unknown>> = { order, events };

export function run(request: SandboxRunRequest, modules: Readonly<Record<string, ModuleBody>>, checksById: ChecksById): void {
  let report: Promise<RunReport>;
  try {
    hardenIntrinsics([...Object.values(order), ...Object.values(events)]);
    closeStorageAndNetwork();
    const defineExerciseTests = checksById[request.exerciseId];
    if (defineExerciseTests === undefined) throw new StudentCodeError(`Exercise ${request.exerciseId} has no checks in this build.`);
    const student = bridgeStudentModule(loadModule(request, modules, request.fileName, new Map()));
    report = runExerciseTests(defineExerciseTests(student));
  } catch (error) {
    report = Promise.resolve({ kind: 'broken', reason: error instanceof Error ? error.message : String(error) });
  }
  const post = (result: RunReport): void => postMessage({ tag: request.reportTag, report: result });
  report.then(post, (error: unknown) => post({ kind: 'broken', reason: `The test runner failed: ${error instanceof Error ? error.message : String(error)}` }));
}

function loadModule(request: SandboxRunRequest, modules: Readonly<Record<string, ModuleBody>>, file: string, loaded: Map<string, unknown>): unknown {
  const known = loaded.get(file);
  if (known !== undefined) return known;
  const label = `${request.exerciseId}/${file}`;
  const body = modules[file];
  if (body === undefined) throw new StudentCodeError(`${label} is not part of this exercise.`);
  const exports: Record<string, unknown> = {};
  const module = { exports: exports as unknown };
  const require = (specifier: string): unknown => {
    const support = supportImportName(String(specifier));
    if (support !== undefined) return supportModules[support];
    const own = ownFileCandidates(String(specifier), file, request.exerciseId).find((candidate) => modules[candidate] !== undefined);
    if (own !== undefined) return loadModule(request, modules, own, loaded);
    throw new StudentCodeError(refusedImportMessage(String(specifier), request.exerciseId, label));
  };
  try {
    body(exports, require, module);
  } catch (error) {
    if (error instanceof StudentCodeError) throw error;
    if (changesBuiltIns(error)) {
      throw new StudentCodeError(
        `${label} changes one of JavaScript's built-in objects (${error.message}). Exercise code runs with them frozen, so that the tests ` +
          'see the language as it is: remove the lines that change JSON, Object, Array or another built-in.',
      );
    }
    if (error instanceof EvalError) {
      throw new StudentCodeError(
        `${label} turns a string into code (eval, new Function or Function('...')), which exercise code cannot: the sandbox runs only the code of your files.`,
      );
    }
    // A sandbox refusal says what happened in its own words; any other error is named as the browser names it.
    const what = error instanceof SandboxRefusal ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new StudentCodeError(`${label} threw while loading, before any test ran: ${what}`);
  }
  loaded.set(file, module.exports);
  return module.exports;
}

/** `./readModel` imported by `projection.ts` → `readModel.ts`, when it stays inside the exercise's folder. */
function ownFileCandidates(specifier: string, importer: string, exerciseId: string): string[] {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return [];
  const folder = `/${exerciseId}/`;
  const path = new URL(specifier, new URL(importer, `file://${folder}`)).pathname;
  if (!path.startsWith(folder) || path === folder) return [];
  const inside = path.slice(folder.length);
  return [inside, `${inside}.ts`, `${inside}.js`, `${inside}/index.ts`];
}

function changesBuiltIns(error: unknown): error is TypeError {
  return error instanceof TypeError && /read only property|not extensible|Cannot redefine property|Cannot delete property|Cannot (add|define) property/.test(error.message);
}
