import fc from 'fast-check';

/**
 * The tiny test harness of the coding exercises. Each exercise's `checks.ts` turns a student's module into a list
 * of checks with `defineExerciseTests(student)`; vitest runs them (the exercise's `.test.ts`) and so does the
 * browser (the Run tests button), so a student sees the very same checks in both places.
 */

/** One named test. It passes when `run` returns (or resolves); it fails with the error it throws. */
export type Check = {
  readonly name: string;
  readonly run: () => void | Promise<void>;
};

/**
 * The goal view: one scenario whose expected result is shown beside the student's, with the rule the checks use
 * to compare them written out.
 */
export type Goal = {
  readonly title: string;
  /** What goes in, in words (e.g. "a pending order receives ShipOrder"). */
  readonly given: string;
  /** How the checks compare the student's result with the expected one. */
  readonly rule: string;
  readonly expected: unknown;
  /** Runs the student's code on the scenario; a throw is shown as the student's result. */
  readonly actual: () => unknown;
};

export type ExerciseTests = {
  readonly checks: readonly Check[];
  readonly goal: Goal;
};

/** A student's module as loaded: whatever it exports. */
export type StudentModule = Readonly<Record<string, unknown>>;

/** A check that failed: what the student should do next, and the two values when it was a comparison. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly expected?: unknown,
    readonly actual?: unknown,
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/**
 * The student's export `name` as a function. When it is missing, every call fails with the same instruction, so
 * each check still reports something the student can act on.
 */
export function studentFunction<Fn extends (...args: never[]) => unknown>(student: StudentModule, name: string): Fn {
  const exported = student[name];
  if (typeof exported === 'function') return exported as Fn;
  return ((): never => {
    throw new CheckFailure(
      `Your file does not export a function named ${name}. Keep the line "export function ${name}(...)" from the starter.`,
    );
  }) as unknown as Fn;
}

// ---------- comparing ----------

/**
 * A value as canonical JSON: object keys sorted, `undefined` fields dropped (as JSON drops them), so two values
 * are equal exactly when their canonical texts are. Also what the goal view diffs, line by line.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Map) return { '<Map>': [...value].map(([key, item]) => [sortKeys(key), sortKeys(item)]) };
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return `<${String(value)}>`;
  return value;
}

export const sameValue = (actual: unknown, expected: unknown): boolean => canonicalJson(actual) === canonicalJson(expected);

/** Deep equality by value (field order ignored); fails with `message` and both values. */
export function expectEqual(actual: unknown, expected: unknown, message: string): void {
  if (!sameValue(actual, expected)) throw new CheckFailure(message, expected, actual);
}

export function expectTrue(condition: boolean, message: string): void {
  if (!condition) throw new CheckFailure(message);
}

/** What a refusal must look like: the error's `code`, and words its message must contain. */
export type Refusal = { readonly code?: string; readonly name?: string; readonly mentions?: readonly string[] };

/** Runs `act` and returns the error it throws, or fails with `message` when it throws nothing. */
export function expectRefusal(act: () => unknown, refusal: Refusal, message: string): void {
  let returned: unknown;
  try {
    returned = act();
  } catch (error) {
    checkRefusal(error, refusal, message);
    return;
  }
  throw new CheckFailure(`${message} It returned a value instead of throwing.`, refusal, returned);
}

export async function expectRejection(act: () => Promise<unknown>, refusal: Refusal, message: string): Promise<void> {
  let returned: unknown;
  try {
    returned = await act();
  } catch (error) {
    checkRefusal(error, refusal, message);
    return;
  }
  throw new CheckFailure(`${message} It returned a value instead of throwing.`, refusal, returned);
}

function checkRefusal(error: unknown, refusal: Refusal, message: string): void {
  if (error instanceof CheckFailure) throw error;
  const found = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  const text = typeof found.message === 'string' ? found.message : String(error);
  if (refusal.code !== undefined && found.code !== refusal.code) {
    throw new CheckFailure(
      `${message} It threw, but with code ${JSON.stringify(found.code)} instead of ${JSON.stringify(refusal.code)} (message: ${text}).`,
    );
  }
  if (refusal.name !== undefined && found.name !== refusal.name) {
    throw new CheckFailure(`${message} It threw ${String(found.name)} ("${text}") instead of ${refusal.name}.`);
  }
  for (const word of refusal.mentions ?? []) {
    if (!text.includes(word)) throw new CheckFailure(`${message} The error message should mention "${word}"; it says: ${text}`);
  }
}

/** Recursively freezes a fixture, so code that changes its input fails loudly instead of corrupting the next check. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Runs the student's code on frozen input; changing that input is reported as what it is. */
export function withoutMutation<T>(act: () => T, what: string): T {
  try {
    return act();
  } catch (error) {
    if (error instanceof TypeError && /read[- ]only|not extensible|Cannot add property|Cannot assign|Cannot delete|frozen/i.test(error.message)) {
      throw new CheckFailure(
        `Your code changed the ${what} it was given (${error.message}). Events and states are values: return a new object, e.g. { ...state, status: 'confirmed' }.`,
      );
    }
    throw error;
  }
}

// ---------- properties ----------

/**
 * A property check with fast-check: `predicate` must hold (not throw) for every generated input. A failure
 * reports the smallest input fast-check found, so the student can replay it by hand.
 */
export async function forAll<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => void | Promise<void>,
  options: { readonly numRuns?: number } = {},
): Promise<void> {
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      await predicate(value);
    }),
    { numRuns: options.numRuns ?? 100 },
  );
  if (!details.failed) return;
  const cause = details.errorInstance;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const example = details.counterexample === null ? '' : `\nSmallest failing input: ${fc.stringify(details.counterexample[0])}`;
  throw new CheckFailure(
    `${reason}${example}`,
    cause instanceof CheckFailure ? cause.expected : undefined,
    cause instanceof CheckFailure ? cause.actual : undefined,
  );
}

export { fc };
