import { fieldPath, isJsonObject } from '../../domain/core/validation';
import type { ShapeChange } from './shapeDiff';

/**
 * Pretty-printed JSON, one line per field, each line knowing the path of its field: the versioning screen marks the
 * lines the upcaster added, changed or dropped. Objects open one level per line; any other value (an `items` list
 * included) is written compactly on its field's line, since the upcaster changes it as a whole.
 */

export type MarkedLine = {
  readonly text: string;
  /** Nesting depth, for the indent. */
  readonly depth: number;
  readonly mark: ShapeChange['kind'] | undefined;
};

export function markedJsonLines(value: unknown, marks: ReadonlyMap<string, ShapeChange['kind']>): MarkedLine[] {
  const lines: MarkedLine[] = [];
  write(value, [], 0, '', '', marks, lines);
  return lines;
}

function write(
  value: unknown,
  path: readonly string[],
  depth: number,
  prefix: string,
  suffix: string,
  marks: ReadonlyMap<string, ShapeChange['kind']>,
  lines: MarkedLine[],
): void {
  const mark = path.length === 0 ? undefined : marks.get(fieldPath(path));
  if (!isJsonObject(value) || Object.keys(value).length === 0 || mark !== undefined) {
    lines.push({ text: `${prefix}${JSON.stringify(value) ?? 'undefined'}${suffix}`, depth, mark });
    return;
  }
  lines.push({ text: `${prefix}{`, depth, mark: undefined });
  const keys = Object.keys(value);
  keys.forEach((key, index) => {
    const comma = index < keys.length - 1 ? ',' : '';
    write(value[key], [...path, key], depth + 1, `${JSON.stringify(key)}: `, comma, marks, lines);
  });
  lines.push({ text: `}${suffix}`, depth, mark: undefined });
}

/** Marks for the event as stored: the fields the upcaster will drop or rewrite. */
export function storedMarks(changes: readonly ShapeChange[]): Map<string, ShapeChange['kind']> {
  return new Map(changes.filter((change) => change.kind !== 'added').map((change) => [change.path, change.kind]));
}

/** Marks for the event as read through the upcaster: the fields it added or rewrote. */
export function upcastMarks(changes: readonly ShapeChange[]): Map<string, ShapeChange['kind']> {
  return new Map(changes.filter((change) => change.kind !== 'removed').map((change) => [change.path, change.kind]));
}
