import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { transform } from 'sucrase';
import type { StudentModule } from '../checks';
import { resolveStudentImport } from './importRule';
import { studentExports } from './studentExports';
import { errorFromRealm, fromRealm, toRealmText, writeBack, type Callbacks } from './valueTransfer';

/**
 * Loads a student's exercise file into a realm of its own (a node:vm context) and hands the checks a module whose
 * functions run there. A student file that replaces JSON.stringify, Object.prototype or Array.prototype changes
 * its own realm only: the checks, fast-check and vitest keep theirs, and every result is compared as a
 * structured clone in the checker's realm. This is how `npm run grade` (the vitest `exercises` project) runs the
 * coding exercises; the app runs the same checks in a sandboxed worker (src/workbook/sandbox/), whose realm is frozen
 * instead: a browser's opaque-origin sandbox has one realm per thread.
 */

export type StudentFileToLoad = {
  /** `01-decide`: names the folder in messages. */
  readonly exerciseId: string;
  /** The student's copy of the exercise folder, absolute; the only folder (with ../support/) it may import from. */
  readonly exerciseFolder: string;
  /** The file to load, inside `exerciseFolder`. */
  readonly file: string;
  /** How messages and stack traces name the folder graded, e.g. `<solution-dir>`: never a path of this machine. */
  readonly shownRoot: string;
  /** The absolute folder that `shownRoot` stands for. */
  readonly root: string;
};

/** Thrown when the student's file cannot be turned into a module; its message is the student's to read. */
export class StudentCodeError extends Error {
  override readonly name = 'StudentCodeError';
}

type Bootstrap = {
  readonly runModule: (body: unknown, fileLabel: string) => readonly [string, unknown];
  readonly invoke: (fn: unknown, argsText: string) => readonly [string, unknown, readonly unknown[]];
  readonly settle: (ticket: number, ok: boolean, text: string) => void;
};

const supportFolder = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bootstrapSource = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'bootstrap.js'), 'utf8');

const transpile = (source: string, filePath: string): string =>
  transform(source, { transforms: ['typescript', 'imports'], filePath }).code;

export function loadStudentInRealm(target: StudentFileToLoad): StudentModule {
  const shown = (path: string): string => {
    const inside = relative(target.root, path);
    return inside.startsWith('..') ? path : `${target.shownRoot}/${inside.split(sep).join('/')}`;
  };
  // A context whose global has no prototype of the checker's realm: `this.constructor` leads nowhere.
  const context = vm.createContext(Object.create(null) as object, { codeGeneration: { strings: true, wasm: false } });

  const callbacks = new Map<number, (...args: unknown[]) => unknown>();
  const registry: Callbacks = {
    register: (fn) => {
      callbacks.set(callbacks.size + 1, fn);
      return callbacks.size;
    },
  };
  const pending = new Map<number, { settle: (ok: boolean, value: unknown) => void }>();
  const modules = new Map<string, unknown>();
  let nextCallbackTicket = 1;

  // The checker's side of every crossing. It never throws and answers only text or values of the student's realm.
  const host = (kind: string, a: unknown, b: unknown, c: unknown): readonly unknown[] => {
    try {
      if (kind === 'require') return requireFor(a, b);
      if (kind === 'clone') return ['value', toRealmText(fromRealm(a), registry)];
      if (kind === 'settled') {
        pending.get(a as number)?.settle(b === true, c);
        pending.delete(a as number);
        return [];
      }
      if (kind === 'call') return callCallback(a as number, b);
      if (kind === 'log') {
        const level = a === 'info' || a === 'warn' || a === 'error' || a === 'debug' ? a : 'log';
        console[level](typeof b === 'string' ? b : '');
        return [];
      }
      return ['refused', `unknown request ${String(kind)}`];
    } catch (error) {
      return ['refused', error instanceof Error ? error.message : String(error)];
    }
  };

  const bootstrap = (vm.runInContext(bootstrapSource, context, { filename: 'exercise-runner/bootstrap.js' }) as (h: typeof host) => Bootstrap)(host);

  function callCallback(id: number, realmArgs: unknown): readonly unknown[] {
    const fn = callbacks.get(id);
    const args = fromRealm(realmArgs) as unknown[];
    let result: unknown;
    try {
      result = fn?.(...args);
    } catch (error) {
      return ['threw', toRealmText(error, registry)];
    }
    if (!(result instanceof Promise)) return ['value', toRealmText(result, registry)];
    const ticket = nextCallbackTicket++;
    result.then(
      (value) => bootstrap.settle(ticket, true, toRealmText(value, registry)),
      (error) => bootstrap.settle(ticket, false, toRealmText(error, registry)),
    );
    return ['pending', ticket];
  }

  function requireFor(specifier: unknown, importerLabel: unknown): readonly unknown[] {
    const importer = typeof importerLabel === 'string' ? importerLabel : '';
    if (typeof specifier !== 'string') return ['refused', 'Your file imports something that is not a path.'];
    const fromSupport = importer.startsWith(`${supportFolder}${sep}`);
    const resolved = fromSupport
      ? ({ kind: 'refused', message: `A support module imports "${specifier}".` } as const)
      : resolveStudentImport(specifier, importer, target.exerciseFolder, target.exerciseId, shown(importer));
    if (resolved.kind === 'refused') return ['refused', resolved.message];
    const path = resolved.kind === 'support' ? join(supportFolder, `${resolved.name}.ts`) : resolved.path;
    return ['module', loadModule(path)];
  }

  function loadModule(path: string): unknown {
    const known = modules.get(path);
    if (known !== undefined) return known;
    const label = path.startsWith(`${supportFolder}${sep}`) ? `exercises/support/${relative(supportFolder, path)}` : shown(path);
    let code: string;
    try {
      code = transpile(readFileSync(path, 'utf8'), path);
    } catch (error) {
      throw new StudentCodeError(`${label} does not compile: ${error instanceof Error ? error.message : String(error)}`);
    }
    let body: unknown;
    try {
      body = new vm.Script(`(function (exports, require, module) {${code}\n})`, { filename: label }).runInContext(context);
    } catch (error) {
      // Modules in the browser's runner are plain function bodies too: `await` outside a function fails there alike.
      if (error instanceof SyntaxError && /await is only valid/.test(error.message)) {
        throw new StudentCodeError(
          `${label} uses await at its top level (outside any function), which exercise code cannot: import with "import ... from" (only from your own folder and ../support/), and await inside your function.`,
        );
      }
      throw new StudentCodeError(`${label} does not compile: ${describe(error)}`);
    }
    const [outcome, value] = bootstrap.runModule(body, path);
    if (outcome === 'threw') {
      const thrown = errorFromRealm(value);
      if (thrown instanceof Error && thrown.name === 'StudentCodeError') throw new StudentCodeError(thrown.message);
      throw new StudentCodeError(`${label} threw while loading, before any test ran: ${describe(thrown)}`);
    }
    modules.set(path, value);
    return value;
  }

  const realmExports = loadModule(join(target.exerciseFolder, target.file));
  return studentExports(realmExports, bridgeFunction, safeCopy);

  function bridgeFunction(fn: unknown): (...args: unknown[]) => unknown {
    return (...args: unknown[]): unknown => {
      const [kind, payload, realmArgs] = bootstrap.invoke(fn, toRealmText(args, registry));
      const copyBack = (): void => args.forEach((arg, index) => writeBack(arg, realmArgs[index]));
      if (kind === 'threw') {
        copyBack();
        throw errorFromRealm(payload);
      }
      if (kind === 'value') {
        copyBack();
        return fromRealm(payload);
      }
      return new Promise((resolve, reject) => {
        pending.set(payload as number, {
          settle: (ok, value) => {
            copyBack();
            if (!ok) return reject(errorFromRealm(value));
            try {
              resolve(fromRealm(value));
            } catch (error) {
              reject(error);
            }
          },
        });
      });
    };
  }
}

function safeCopy(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
