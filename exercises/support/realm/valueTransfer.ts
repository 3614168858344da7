import { CheckFailure } from '../checks';

/**
 * How values cross between the checker's realm and the student's. Into the student's realm they go as JSON text
 * that bootstrap.js rebuilds there (a checker object handed over would give student code the checker's
 * constructors, and through them its globals). Back they come structured-cloned in the checker's realm, which
 * reads only own data, so a patched prototype, a `toJSON` or a class on the student's side changes nothing here.
 */

/** A checker function the student's code may call (a store's readStream, a decider's evolve), by id. */
export type Callbacks = { readonly register: (fn: (...args: unknown[]) => unknown) => number };

type Node = string | number | boolean | null | readonly unknown[];

/** The checker's value as text for bootstrap.js: frozen values stay frozen there, functions become callbacks. */
export function toRealmText(value: unknown, callbacks: Callbacks): string {
  return JSON.stringify(encode(value, callbacks, new Set()));
}

function encode(value: unknown, callbacks: Callbacks, path: Set<object>): Node {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : ['n', Object.is(value, -0) ? '-0' : String(value)];
    case 'undefined':
      return ['u'];
    case 'bigint':
      return ['b', value.toString()];
    case 'function':
      return ['f', callbacks.register(value as (...args: unknown[]) => unknown)];
    case 'symbol':
      throw new TypeError('A symbol cannot be handed to exercise code.');
  }
  if (value === null) return null;
  const object = value as object;
  if (path.has(object)) throw new TypeError('A value that contains itself cannot be handed to exercise code.');
  path.add(object);
  try {
    const frozen = Object.isFrozen(object);
    const inner = (item: unknown): Node => encode(item, callbacks, path);
    if (object instanceof Date) return ['d', object.getTime()];
    if (object instanceof Error) return ['e', object.name, object.message, Object.entries(object).map(([key, item]) => [key, inner(item)])];
    if (Array.isArray(object)) return ['a', frozen, object.map(inner)];
    if (object instanceof Map) return ['m', frozen, [...object].map(([key, item]) => [inner(key), inner(item)])];
    if (object instanceof Set) return ['s', frozen, [...object].map(inner)];
    return ['o', frozen, Object.entries(object).map(([key, item]) => [key, inner(item)])];
  } finally {
    path.delete(object);
  }
}

/** A value the student's code returned, as data of the checker's realm. */
export function fromRealm(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new CheckFailure(
      `Your code returned something that is not plain data (${error instanceof Error ? error.message : String(error)}). Return objects, arrays, strings, numbers, booleans, null or a Map, as the starter's types say.`,
    );
  }
}

const errorTypes: Readonly<Record<string, ErrorConstructor>> = { TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };

/**
 * What the student's code threw, rebuilt in the checker's realm: the same name, message and own fields (`code`,
 * `expectedVersion`...), and a TypeError is still a TypeError, so the checks read it as they always did.
 */
export function errorFromRealm(thrown: unknown): unknown {
  if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function')) return thrown;
  const read = (key: string): unknown => {
    try {
      return structuredClone((thrown as Record<string, unknown>)[key]);
    } catch {
      return undefined;
    }
  };
  const name = read('name');
  const message = read('message');
  const Type = typeof name === 'string' ? (errorTypes[name] ?? Error) : Error;
  const error = new Type(typeof message === 'string' ? message : String(message ?? ''));
  if (typeof name === 'string') error.name = name;
  let keys: string[] = [];
  try {
    keys = Object.keys(thrown);
  } catch {
    // A proxy that refuses to list its keys: its name and message are all the checks get.
  }
  for (const key of keys) if (key !== 'name' && key !== 'message' && key !== 'stack') (error as unknown as Record<string, unknown>)[key] = read(key);
  return error;
}

/**
 * An argument the checker did not freeze is the student's to change (an in-memory store they append to): what
 * their code did to the copy in their realm is written back into the checker's object, in place. Arguments that
 * hold the checker's functions are not data and stay as they are.
 */
export function writeBack(original: unknown, changed: unknown): void {
  if (original === null || typeof original !== 'object' || Object.isFrozen(original) || holdsFunction(original)) return;
  let copy: unknown;
  try {
    copy = structuredClone(changed);
  } catch {
    return;
  }
  if (original instanceof Map && copy instanceof Map) {
    original.clear();
    for (const [key, item] of copy) original.set(key, item);
  } else if (original instanceof Set && copy instanceof Set) {
    original.clear();
    for (const item of copy) original.add(item);
  } else if (Array.isArray(original) && Array.isArray(copy)) {
    original.splice(0, original.length, ...(copy as unknown[]));
  } else if (!Array.isArray(original) && copy !== null && typeof copy === 'object' && !Array.isArray(copy) && !(copy instanceof Map)) {
    for (const key of Object.keys(original)) delete (original as Record<string, unknown>)[key];
    Object.assign(original, copy);
  }
}

function holdsFunction(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  const items = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
  return items.some((item) => holdsFunction(item, seen));
}
