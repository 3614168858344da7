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
 * The path to a refused value is `root` followed by `keys` (`frozenCopy(data, 'events', 0, 'data')` names
 * `events[0].data...`), spelled out only when something is refused.
 *
 * One walk instead of `structuredClone` + a freezing walk: the append path of the memory store is the hot loop of
 * every benchmark, and this is several times cheaper for the small objects events are. The walk that runs keeps no
 * path and no ancestors; only when it refuses something is the data walked again, carefully, to name it.
 */
export function frozenCopy<T>(value: T, root: string, ...keys: Array<string | number>): T {
  try {
    return quickCopy(value, 0) as T;
  } catch (error) {
    if (error !== refused) throw error;
  }
  // Something was refused, or the data is deeper than the quick walk goes: walk again, keeping the path and the
  // ancestors, to name what is refused (or to copy data that is deep but sound).
  return copy(value, { root, keys, ancestors: [] }) as T;
}

/** Thrown by the quick walk, never seen outside this module: the careful walk then says what and where. */
const refused = Symbol('refused');

/**
 * Deeper than any event data in practice: a cycle walked by the quick walk reaches it and hands over to the careful
 * walk, which tells a cycle from data that is merely deep (and copies the latter).
 */
const quickDepth = 64;

/**
 * The copy of every append, without bookkeeping: no path, no ancestor list (cycles end at `quickDepth`). Refuses
 * exactly what `copy` refuses, by throwing `refused`; `copy` then names it.
 */
function quickCopy(value: unknown, depth: number): unknown {
  if (typeof value !== 'object') {
    if (typeof value === 'string' || typeof value === 'boolean' || value === undefined) return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    throw refused;
  }
  if (value === null) return null;
  if (depth === quickDepth) throw refused;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) items[index] = quickCopy(value[index], depth + 1);
    return Object.freeze(items);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw refused;
  const result: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key)) result[key] = quickCopy((value as Record<string, unknown>)[key], depth + 1);
  }
  return Object.freeze(result);
}

/**
 * Where the walk is. `keys` leads from the root to the value (an array index or a property name): the path is
 * spelled out only when a value is refused, never as a string per property copied (that was most of the garbage
 * an append made). `ancestors` are the objects and arrays the walk is inside: meeting one again is a cycle. An
 * object that merely appears twice (two items sharing one object) is not an ancestor of itself and is copied
 * twice, as JSON would. A list, not a Set: event data is a few levels deep, so `includes` is cheaper than hashing.
 */
type Walk = { readonly root: string; readonly keys: Array<string | number>; readonly ancestors: object[] };

function copy(value: unknown, walk: Walk): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      throw refuse(walk, `${value} is not a number an event can store`);
    case 'object': {
      if (value === null) return null;
      const { keys, ancestors } = walk;
      if (ancestors.includes(value)) throw refuse(walk, 'this value contains itself (a cycle), which no file can hold');
      if (Array.isArray(value)) {
        ancestors.push(value);
        const items = new Array<unknown>(value.length);
        for (let index = 0; index < value.length; index += 1) {
          keys.push(index);
          items[index] = copy(value[index], walk);
          keys.pop();
        }
        ancestors.pop();
        return Object.freeze(items);
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null)
        throw refuse(walk, `a ${prototype?.constructor?.name ?? 'non-plain'} object cannot be stored in an event`);
      ancestors.push(value);
      const result: Record<string, unknown> = {};
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        keys.push(key);
        result[key] = copy((value as Record<string, unknown>)[key], walk);
        keys.pop();
      }
      ancestors.pop();
      return Object.freeze(result);
    }
    default:
      throw refuse(walk, `a ${typeof value} cannot be stored in an event`);
  }
}

function refuse({ root, keys }: Walk, message: string): ValidationError {
  const path = root + keys.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
  return new ValidationError([{ field: path, message: `${message} (event data must be plain JSON values)` }]);
}
