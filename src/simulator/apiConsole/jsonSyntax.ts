/**
 * Says where and why a JSON text is broken, in the same words in Node and in every browser (`JSON.parse` messages
 * differ between engines and often name no position). Only called after `JSON.parse` failed; the value itself
 * always comes from `JSON.parse`.
 */

export type JsonSyntaxProblem = {
  readonly message: string;
  /** 0-based offset into the text, as `JSON.parse` counts. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
};

/** Deeper than this is refused rather than risking the stack (no order or user needs more than 3 levels). */
export const maxJsonDepth = 64;

class Stop extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

const describe = (char: string | undefined): string =>
  char === undefined ? 'the end of the body' : JSON.stringify(char);

export function locateJsonProblem(text: string): JsonSyntaxProblem | undefined {
  let at = 0;
  const fail = (reason: string, offset = at): never => {
    throw new Stop(reason, offset);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1;
  };

  function value(depth: number): void {
    skipSpace();
    const char = text[at];
    if (char === '{' || char === '[') {
      if (depth >= maxJsonDepth) fail(`nesting deeper than ${maxJsonDepth} levels`);
      return char === '{' ? object(depth + 1) : array(depth + 1);
    }
    if (char === '"') return string();
    if (char === "'") return fail('strings must be in double quotes ("text"), not single quotes');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    if (char === undefined) return fail('the body ends where a value was expected');
    if (char === '}' || char === ']') return fail(`expected a value before ${describe(char)} (a trailing comma?)`);
    return fail(
      `unexpected ${describe(char)}: expected a value (an object, array, "string", number, true, false or null)`,
    );
  }

  /** An object or a list: entries separated by commas up to the closing bracket, no trailing comma. */
  function entries(close: '}' | ']', entry: () => void, container: string, entryName: string): void {
    at += 1; // { or [
    skipSpace();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[at] === close) fail(`a trailing comma before "${close}" is not allowed in JSON`);
      entry();
      skipSpace();
      const next = text[at];
      if (next === ',') {
        at += 1;
        continue;
      }
      if (next === close) {
        at += 1;
        return;
      }
      if (next === undefined) fail(`the body ends inside ${container}: a "${close}" is missing`);
      fail(`expected "," or "${close}" after ${entryName}, found ${describe(next)}`);
    }
  }

  function property(depth: number): void {
    const char = text[at];
    if (char !== '"') {
      if (char === "'") fail('property names must be in double quotes ("name"), not single quotes');
      if (char === undefined) fail('the body ends inside an object: a "}" is missing');
      fail(`property names must be in double quotes, like "customer_id": found ${describe(char)}`);
    }
    string();
    skipSpace();
    if (text[at] !== ':') fail(`expected ":" after the property name, found ${describe(text[at])}`);
    at += 1;
    value(depth);
  }

  function object(depth: number): void {
    entries('}', () => property(depth), 'an object', 'a property value');
  }

  function array(depth: number): void {
    entries(']', () => value(depth), 'a list', 'a list entry');
  }

  function string(): void {
    const start = at;
    at += 1; // "
    for (;;) {
      const char = text[at];
      if (char === undefined) fail('a string is not closed: a \'"\' is missing', start);
      if (char === '"') {
        at += 1;
        return;
      }
      if (char === '\n' || char === '\r' || char === '\t' || (char !== undefined && char < ' '))
        fail('a line break or control character inside a string must be escaped (\\n, \\t)');
      if (char === '\\') {
        const escaped = text[at + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail('\\u must be followed by 4 hex digits');
          at += 6;
          continue;
        }
        if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) fail(`${describe(`\\${escaped ?? ''}`)} is not a JSON escape`);
        at += 2;
        continue;
      }
      at += 1;
    }
  }

  function number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail('a number must look like 2, -1, 0.5 or 1e3');
    at += match?.[0].length ?? 0;
    const next = text[at];
    if (next !== undefined && /[0-9A-Za-z.]/.test(next)) fail('a number must look like 2, -1, 0.5 or 1e3');
  }

  try {
    value(0);
    skipSpace();
    if (at < text.length) fail(`unexpected ${describe(text[at])} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { message: error.reason, ...positionOf(text, error.offset) };
  }
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { offset: number; line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { offset, line: before.split('\n').length, column: offset - lineStart + 1 };
}
