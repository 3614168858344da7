import type { StudentModule } from '../../../exercises/support/checks';
import { studentExports } from '../../../exercises/support/realm/studentExports';
import { errorFromRealm, fromRealm, writeBack } from '../../../exercises/support/realm/valueTransfer';

/**
 * What crosses between the checks and the student's functions in the app's runner, the same way as in
 * `npm run grade` (exercises/support/realm/): the student's code gets copies of the checks' values (frozen ones
 * stay frozen, functions become callbacks that copy in turn), and the checks get structured clones of what it
 * returns or throws, so a getter, a `toJSON`, a class or a proxy on the student's side changes nothing in the
 * comparison, and the messages are the grader's.
 */

/** A checker value as the student's code receives it: a copy, never the checker's object. */
export function copyIn(value: unknown, path: Set<object> = new Set()): unknown {
  if (typeof value === 'function') return callbackFor(value as (...args: unknown[]) => unknown);
  if (typeof value === 'symbol') throw new TypeError('A symbol cannot be handed to exercise code.');
  if (value === null || typeof value !== 'object') return value;
  if (path.has(value)) throw new TypeError('A value that contains itself cannot be handed to exercise code.');
  path.add(value);
  try {
    const inner = (item: unknown): unknown => copyIn(item, path);
    if (value instanceof Date) return new Date(value.getTime());
    if (value instanceof Error) return errorFromRealm(value);
    let copy: object;
    if (Array.isArray(value)) copy = value.map(inner);
    else if (value instanceof Map) copy = new Map([...value].map(([key, item]) => [inner(key), inner(item)]));
    else if (value instanceof Set) copy = new Set([...value].map(inner));
    else copy = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inner(item)]));
    return Object.isFrozen(value) ? Object.freeze(copy) : copy;
  } finally {
    path.delete(value);
  }
}

/** A checker function (a store's readStream, a decider's evolve) as the student's code calls it. */
function callbackFor(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return function checkerCallback(...args: unknown[]): unknown {
    let result: unknown;
    try {
      result = fn(...(fromRealm(args) as unknown[]));
    } catch (error) {
      throw copyIn(error);
    }
    if (result instanceof Promise) {
      return result.then(
        (value) => copyIn(value),
        (error: unknown) => {
          throw copyIn(error);
        },
      );
    }
    return copyIn(result);
  };
}

/** The student's exports as the checks see them: functions whose results are structured clones, data copied. */
export function bridgeStudentModule(exported: unknown): StudentModule {
  return studentExports(exported, bridgeFunction, safeCopy);
}

function bridgeFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]): unknown => {
    const given = args.map((arg) => copyIn(arg));
    // What the student's code did to an argument the checks did not freeze is written back, as the grader does.
    const copyBack = (): void => args.forEach((arg, index) => writeBack(arg, given[index]));
    let result: unknown;
    try {
      result = Reflect.apply(fn, undefined, given);
    } catch (error) {
      copyBack();
      throw errorFromRealm(error);
    }
    if (!(result instanceof Promise)) {
      copyBack();
      return fromRealm(result);
    }
    return result.then(
      (value) => {
        copyBack();
        return fromRealm(value);
      },
      (error: unknown) => {
        copyBack();
        throw errorFromRealm(error);
      },
    );
  };
}

function safeCopy(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return undefined;
  }
}
