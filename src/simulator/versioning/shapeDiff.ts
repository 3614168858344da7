import { fieldPath, isJsonObject } from '../../domain/core/validation';

/**
 * What an upcaster did to one event, field by field: the versioning screen highlights these so a student sees that
 * `items` and `customerEmail` appeared, `product` and `quantity` went, and `schemaVersion` moved from 1 to 2.
 */

export type ShapeChange =
  | { readonly kind: 'added'; readonly path: string; readonly after: unknown }
  | { readonly kind: 'removed'; readonly path: string; readonly before: unknown }
  | { readonly kind: 'changed'; readonly path: string; readonly before: unknown; readonly after: unknown };

/**
 * The fields that differ between two JSON values, in the order of `after`'s keys (then the keys only `before` has).
 * Objects are compared key by key; any other value (arrays included: a new `items` list is one change, not one per
 * entry) is compared as a whole. A value that merely changed type (`123` → `"123"`) is a change.
 */
export function shapeChanges(before: unknown, after: unknown): ShapeChange[] {
  const changes: ShapeChange[] = [];
  collect(before, after, [], changes);
  return changes;
}

function collect(before: unknown, after: unknown, path: readonly string[], changes: ShapeChange[]): void {
  if (isJsonObject(before) && isJsonObject(after)) {
    for (const key of Object.keys(after)) {
      if (Object.hasOwn(before, key)) collect(before[key], after[key], [...path, key], changes);
      else changes.push({ kind: 'added', path: fieldPath([...path, key]), after: after[key] });
    }
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) changes.push({ kind: 'removed', path: fieldPath([...path, key]), before: before[key] });
    }
    return;
  }
  if (!sameJson(before, after)) changes.push({ kind: 'changed', path: fieldPath(path), before, after });
}

/** Equal as JSON would write them: key order does not matter, `1` and `"1"` differ. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}

