/**
 * Where a student's JSON goes wrong, as "line 3, column 14: expected ',' or '}' after a property". Browsers word
 * `JSON.parse` errors differently (some give no position at all), so this small scanner finds the first error
 * itself; valid text is still parsed by `JSON.parse`.
 */

export type JsonProblem = {
  readonly message: string;
  /** 0-based offset into the text. */
  readonly position: number;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
};

export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: JsonProblem };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

export function parseJsonWithPosition(text: string): JsonResult {
  try {
    scan(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, problem: locate(text, error.message, error.position) };
  }
  return { ok: true, value: JSON.parse(text) as unknown };
}

function locate(text: string, message: string, position: number): JsonProblem {
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { message: `line ${line}, column ${column}: ${message}`, position, line, column };
}

const describe = (char: string | undefined): string => (char === undefined ? 'the end of the text' : `'${char}'`);

function scan(text: string): void {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, i);
  };
  const failAt = (position: number, message: string): never => {
    throw new JsonSyntaxError(message, position);
  };

  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (char === "'") fail("strings need double quotes (\"), not single quotes");
    return fail(`expected a value but found ${describe(char)}`);
  };

  /** An object or an array: entries separated by commas up to the closing bracket, no trailing comma. */
  const entries = (close: '}' | ']', entry: () => void, entryName: string): void => {
    i += 1;
    skipSpace();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      entry();
      skipSpace();
      if (text[i] === ',') {
        const comma = i;
        i += 1;
        skipSpace();
        if (text[i] === close) failAt(comma, `a ',' before '${close}' is not allowed in JSON (remove the trailing comma)`);
        continue;
      }
      if (text[i] === close) {
        i += 1;
        return;
      }
      fail(`expected ',' or '${close}' after ${entryName} but found ${describe(text[i])}`);
    }
  };

  const property = (): void => {
    skipSpace();
    if (text[i] !== '"') fail(`expected a property name in double quotes but found ${describe(text[i])}`);
    string();
    skipSpace();
    if (text[i] !== ':') fail(`expected ':' after the property name but found ${describe(text[i])}`);
    i += 1;
    value();
  };

  const object = (): void => entries('}', property, 'a property');
  const array = (): void => entries(']', value, 'an item');

  const string = (): void => {
    const start = i;
    i += 1;
    while (i < text.length) {
      const char = text[i]!;
      if (char === '"') {
        i += 1;
        return;
      }
      if (char === '\n') fail('a string must end on the line it starts (missing closing ")');
      if (char === '\\') {
        const escape = text[i + 1];
        if (escape === undefined || !'"\\/bfnrtu'.includes(escape)) {
          i += 1;
          fail(`unknown escape \\${escape ?? ''} in a string`);
        }
        if (escape === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hex digits');
        i += escape === 'u' ? 6 : 2;
        continue;
      }
      i += 1;
    }
    i = start;
    fail('this string is never closed (missing ")');
  };

  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (match === null || match[0] === '-') fail(`expected a number but found ${describe(text[i])}`);
    i += match![0].length;
  };

  skipSpace();
  if (i === text.length) fail('the JSON is empty');
  value();
  skipSpace();
  if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
}
