import * as v from 'valibot';
import { ValidationError, type FieldIssue } from './errors';
import { limits } from './limits';

/**
 * Shared pieces of boundary validation (valibot). Every message is written here in plain words and never contains
 * the rejected value, so a pasted megabyte or a script tag never comes back in an error.
 */

const longestMessage = 300;

/** Quotes the start of a piece of text for a message; long text is cut. */
export function shortQuote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** `['items', 0, 'quantity']` → `items[0].quantity`. */
export function fieldPath(keys: readonly unknown[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/** The field a whole-input problem is reported under (the input was not an object at all). */
export const wholeInputField = 'input';

/**
 * Runs a schema and returns its typed output, or throws one `ValidationError` with one issue per bad field (the
 * first problem of each field). `renames` reports a field under the name the person actually used
 * (`items[0].unitPrice` → `items[0].price`) when the input spoke an alias.
 */
export function parseInput<const Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
  renames: ReadonlyMap<string, string> = new Map(),
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  throw new ValidationError(issuesFrom(result.issues, renames));
}

function issuesFrom(
  issues: readonly v.BaseIssue<unknown>[],
  renames: ReadonlyMap<string, string>,
): FieldIssue[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const keys = issue.path?.map((item) => item.key) ?? [];
    const path = fieldPath(keys);
    const field = renames.get(path) ?? (path === '' ? wholeInputField : path);
    // valibot reports a missing key with the parent object's message; say what it means instead.
    const message = issue.input === undefined && keys.length > 0 ? 'is required' : issue.message;
    if (!byField.has(field)) byField.set(field, message.slice(0, longestMessage));
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

/** Merges several issue lists (e.g. a path parameter and a body) into one error. */
export function throwIfIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}

// ---------- shared field schemas ----------

const text = 'must be text';

/** Empty strings from blank form fields mean "not given". */
const blankToNull = (value: unknown): unknown =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;

const atMost = (max: number): string => `must be at most ${max.toLocaleString('en-US')} characters`;

/** An id: 1..100 characters of letters, digits and `_ - . :` (safe in stream ids and URLs). */
export const idSchema = v.pipe(
  v.string(text),
  v.nonEmpty('is required'),
  v.maxLength(limits.id, atMost(limits.id)),
  v.regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits, underscores, hyphens, dots and colons'),
);

/** Seed 000 and 001 send customer ids as `"123"`; a whole number `123` is taken as the same id. */
export const idOrWholeNumberSchema = v.union(
  [idSchema, v.pipe(v.number(text), v.safeInteger(text), v.minValue(0, text), v.transform(String))],
  'must be text such as "c-123"',
);

export const emailSchema = v.pipe(
  v.string(text),
  v.trim(),
  v.nonEmpty('is required'),
  v.maxLength(limits.email, atMost(limits.email)),
  v.email('must be a valid email address, like ada@example.com'),
);

/** Absent, null or blank → null; otherwise a valid email. */
export const optionalEmailSchema = v.optional(
  v.pipe(v.unknown(), v.transform(blankToNull), v.nullable(emailSchema)),
  null,
);

/** Required text, trimmed, 1..max characters. */
export const requiredTextSchema = (max: number) =>
  v.pipe(v.string(text), v.trim(), v.nonEmpty('is required'), v.maxLength(max, atMost(max)));

/** Absent, null or blank → null; otherwise trimmed text of at most max characters. */
export const optionalTextSchema = (max: number) =>
  v.optional(
    v.pipe(
      v.unknown(),
      v.transform(blankToNull),
      v.nullable(v.pipe(v.string(text), v.trim(), v.maxLength(max, atMost(max)))),
    ),
    null,
  );

export const objectMessage = 'must be a JSON object, like {"key": "value"}';

/** A plain JSON object: `v.object` alone would take an array or a class instance and report its keys missing. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `v.object` that first insists on a plain JSON object, with `message` when it is not one. */
export const jsonObject = <const Entries extends v.ObjectEntries>(entries: Entries, message = objectMessage) =>
  v.pipe(v.custom<Record<string, unknown>>(isJsonObject, message), v.object(entries, message));

/**
 * Reads `canonical` or the first alias present in `source`, and records the alias in `renames` so that an issue is
 * reported under the name the person typed (`prefix` is the path of `source`, e.g. `items[0].`).
 */
export function pick(
  source: Record<string, unknown>,
  canonical: string,
  aliases: readonly string[],
  prefix: string,
  renames: Map<string, string>,
): unknown {
  for (const key of [canonical, ...aliases]) {
    if (source[key] !== undefined) {
      if (key !== canonical) renames.set(`${prefix}${canonical}`, `${prefix}${key}`);
      return source[key];
    }
  }
  return undefined;
}

/**
 * Validates an id from the URL path (`/orders/{order_id}`) and the body together, so that both are reported in
 * one error. Returns the parsed body.
 */
export function withPathId<T>(field: string, id: string, parseBody: () => T): T {
  const issues: FieldIssue[] = [];
  let body: T | undefined;
  try {
    parseInput(idSchema, id);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues.map((issue) => ({ field, message: issue.message })));
  }
  try {
    body = parseBody();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0 || body === undefined) throw new ValidationError(issues);
  return body;
}
