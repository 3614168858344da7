/** Commands and events are plain discriminated unions: `{ type, data }`. */
export type Message<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data;
};

/** Exhaustiveness check: a `switch` over a message type ends with `default: return assertNever(x)`. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
