import { ValidationError } from '../domain/core/errors';

/**
 * A deep copy of event data, frozen as it is made. Recorded events are facts: the copy means a caller who edits its
 * object afterwards cannot rewrite history, and the freeze makes an accidental edit of a read event fail loudly.
 *
 * Event data must be what an export file can hold (JSON values): plain objects, arrays, strings, finite numbers,
 * booleans and null (an `undefined` property is kept, as IndexedDB keeps it). Anything else (a function, a Date, a
 * Map, a class instance, NaN, an object that contains itself) is refused with the path to it, before anything is
 * written. Both stores run it before they write (`recordableEvents`), so memory and IndexedDB refuse the same data:
 * IndexedDB's structured clone alone would take a cycle, a Date or a Map that no export file can hold.
 *
 * One walk instead of `structuredClone` + a freezing walk: the append path of the memory store is the hot loop of
 * every benchmark, and this is several times cheaper for the small objects events are.
 */
export function frozenCopy<T>(value: T, path: string): T {
  return copy(value, path, []) as T;
}

/**
 * `ancestors` are the objects and arrays the walk is inside: meeting one again is a cycle. An object that merely
 * appears twice (two items sharing one object) is not an ancestor of itself and is copied twice, as JSON would.
 * A list, not a Set: event data is a few levels deep, so `includes` on it is cheaper than hashing every object.
 */
function copy(value: unknown, path: string, ancestors: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      throw refuse(path, `${value} is not a number an event can store`);
    case 'object': {
      if (value === null) return null;
      if (ancestors.includes(value)) throw refuse(path, 'this value contains itself (a cycle), which no file can hold');
      if (Array.isArray(value)) {
        ancestors.push(value);
        const items = new Array<unknown>(value.length);
        for (let index = 0; index < value.length; index += 1) items[index] = copy(value[index], `${path}[${index}]`, ancestors);
        ancestors.pop();
        return Object.freeze(items);
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null)
        throw refuse(path, `a ${prototype?.constructor?.name ?? 'non-plain'} object cannot be stored in an event`);
      ancestors.push(value);
      const result: Record<string, unknown> = {};
      for (const key in value) {
        if (Object.hasOwn(value, key)) result[key] = copy((value as Record<string, unknown>)[key], `${path}.${key}`, ancestors);
      }
      ancestors.pop();
      return Object.freeze(result);
    }
    default:
      throw refuse(path, `a ${typeof value} cannot be stored in an event`);
  }
}

function refuse(path: string, message: string): ValidationError {
  return new ValidationError([{ field: path, message: `${message} (event data must be plain JSON values)` }]);
}
