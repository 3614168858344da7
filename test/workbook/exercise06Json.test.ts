import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonWithPosition } from '../../src/workbook/exercise06Json';

/** A student's event JSON: valid text parses; a mistake is pointed at by line and column, in plain words. */

describe('parseJsonWithPosition', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        expect(parseJsonWithPosition(text)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
    );
  });

  it('refuses what JSON.parse refuses', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '1', 'a', ' ', '\n', 'true', '\\') }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(parseJsonWithPosition(text).ok).toBe(valid);
      }),
    );
  });

  it('points at a missing comma between two events', () => {
    const text = '[\n  { "type": "OrderPlaced" }\n  { "type": "OrderPaid" }\n]';
    expect(parseJsonWithPosition(text)).toEqual({
      ok: false,
      problem: { message: "line 3, column 3: expected ',' or ']' after an item but found '{'", position: 32, line: 3, column: 3 },
    });
  });

  it('explains a trailing comma, single quotes and an unclosed string', () => {
    const message = (text: string): string => {
      const result = parseJsonWithPosition(text);
      return result.ok ? 'ok' : result.problem.message;
    };
    expect(message('{ "orderId": "1001", }')).toBe("line 1, column 20: a ',' before '}' is not allowed in JSON (remove the trailing comma)");
    expect(message("{ 'type': 'OrderPaid' }")).toMatch(/double quotes/);
    expect(message('{ "type": "OrderPaid }')).toBe('line 1, column 11: this string is never closed (missing ")');
    expect(message('   ')).toBe('line 1, column 4: the JSON is empty');
  });
});
