/**
 * Freezes the language's built-in objects of the realm it runs in (the exercise runner's worker), before any
 * student code runs there. A browser gives an opaque-origin sandbox one realm per thread, and the checks call the
 * student's functions synchronously, so the checks and the student's code share the worker's realm: what keeps a
 * student file from changing `JSON.stringify`, `Object.prototype` or `Array.prototype[Symbol.iterator]` under the
 * checks is that nothing there can be changed any more (the shape of SES's `lockdown()`). An attempt throws a
 * TypeError while the student's file loads, which the runner reports in words.
 *
 * Frozen prototypes have one trap, the "override mistake": `error.name = 'CheckFailure'` on an instance throws when
 * `Error.prototype.name` is frozen. The properties that code assigns on its own objects (`name`, `message`,
 * `toString`, `constructor`... and all of Object.prototype's, Function.prototype's and the errors') become accessors
 * first, whose setter defines the property on the instance, as an assignment did before.
 */

/** The global names of the built-ins, each made a read-only binding and frozen with all it reaches. */
const builtInNames = [
  'Object', 'Function', 'Array', 'JSON', 'Math', 'Reflect', 'Promise', 'Proxy', 'Symbol', 'String', 'Number', 'Boolean',
  'BigInt', 'Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Error',
  'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'ArrayBuffer',
  'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Atomics', 'Intl',
  'Iterator', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI',
  'decodeURI', 'structuredClone', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'globalThis', 'self',
] as const;

/** Prototypes whose every data property stays assignable on instances (see the override mistake above). */
const fullyTamed = ['Object', 'Function', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError'];
/** On every other prototype, the properties code commonly assigns on its own instances. */
const commonlyAssigned: readonly PropertyKey[] = ['constructor', 'name', 'message', 'toString', 'toLocaleString', 'valueOf', Symbol.toStringTag];

/** Objects no global name leads to: the iterator, generator and async function prototypes, TypedArray. */
function hiddenIntrinsics(): unknown[] {
  const protoOf = Object.getPrototypeOf as (value: unknown) => unknown;
  const arrayIterator = protoOf([][Symbol.iterator]());
  return [
    arrayIterator,
    protoOf(arrayIterator),
    protoOf(new Map()[Symbol.iterator]()),
    protoOf(new Set()[Symbol.iterator]()),
    protoOf(''[Symbol.iterator]()),
    protoOf(/x/[Symbol.matchAll]('')),
    protoOf(function* generator() {}),
    protoOf(async function asyncFunction() {}),
    protoOf(async function* asyncGenerator() {}),
    protoOf(Int8Array),
  ];
}

export function hardenIntrinsics(alsoFreeze: readonly unknown[] = []): void {
  const realm = globalThis as unknown as Record<string, unknown>;
  const roots = builtInNames.filter((name) => name !== 'globalThis' && name !== 'self' && realm[name] !== undefined).map((name) => realm[name]);
  const hidden = hiddenIntrinsics();

  for (const name of fullyTamed) {
    const prototype = (realm[name] as { prototype?: object } | undefined)?.prototype;
    if (prototype !== undefined) for (const key of Reflect.ownKeys(prototype)) tameAssignment(prototype, key);
  }
  for (const root of [...roots, ...hidden]) {
    const prototype = typeof root === 'function' ? (root as { prototype?: unknown }).prototype : root;
    if (prototype !== null && typeof prototype === 'object') for (const key of commonlyAssigned) tameAssignment(prototype, key);
  }

  const seen = new Set<unknown>([globalThis]);
  for (const root of [...roots, ...hidden, ...alsoFreeze]) deepFreeze(root, seen);

  // The global bindings themselves: `JSON = { stringify: () => '"same"' }` must not replace what the checks call.
  for (const name of builtInNames) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    if (descriptor === undefined || !descriptor.configurable) continue;
    Object.defineProperty(globalThis, name, 'value' in descriptor ? { writable: false, configurable: false } : { configurable: false });
  }
}

/**
 * `prototype[key]` as a getter and a setter: reading gives the original value, assigning on an instance defines the
 * instance's own property (what an assignment did before freezing), assigning on the prototype itself fails.
 */
function tameAssignment(prototype: object, key: PropertyKey): void {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
  if (descriptor === undefined || !('value' in descriptor) || !descriptor.configurable) return;
  const value: unknown = descriptor.value;
  Object.defineProperty(prototype, key, {
    get: function originalValue() {
      return value;
    },
    set: function assignOnInstance(this: unknown, next: unknown) {
      if (this === prototype || this === null || (typeof this !== 'object' && typeof this !== 'function')) {
        throw new TypeError(`Cannot assign to read only property '${String(key)}' of a built-in prototype`);
      }
      Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: descriptor.enumerable ?? false,
    configurable: false,
  });
}

function deepFreeze(value: unknown, seen: Set<unknown>): void {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  deepFreeze(Object.getPrototypeOf(value), seen);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined) continue;
    if ('value' in descriptor) deepFreeze(descriptor.value, seen);
    deepFreeze(descriptor.get, seen);
    deepFreeze(descriptor.set, seen);
  }
}
