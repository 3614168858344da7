import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRequirement, parseDiagram } from '../../src/grading/index';
import { withoutComments } from '../../src/grading/htmlComments';
import { tokenize } from '../../src/grading/meaning';
import { parseRequirement5Events } from '../../src/grading/orderEvents';
import { longAnswerDocuments } from '../../src/grading/longAnswerDocuments';

/**
 * A very long answer is graded in moments, not minutes: the Check button and the instructor's class grading run on
 * the page's thread, so a grader that slows down with the square of an answer's length freezes the tab (a 100,000
 * letter answer in capitals took a minute, a line of 100,000 dashes in the diagram three).
 */

const solution = readFileSync(resolve(import.meta.dirname, '../../exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');
const requirements = [1, 2, 3, 4, 5, 6] as const;

/** Every requirement's verdict for the solution with `text` added under every question and in every code block. */
function verdicts(text: string): string[] {
  const documents = longAnswerDocuments(solution, text);
  return documents.flatMap((document) => requirements.map((n) => checkRequirement(n, document).status));
}

describe('grading a 100,000-character answer', () => {
  it.each([
    ['capitals', 'A'.repeat(100_000)],
    ['unclosed comment openings', '<!--'.repeat(25_000)],
    ['one line of dashes', '-'.repeat(100_000)],
    ['one line of arrows', 'A -> '.repeat(20_000)],
    ['one line of pipes', '| a '.repeat(25_000)],
    ['one line of backticks', '`'.repeat(100_000)],
  ])('made of %s is graded (its speed is measured by `npm run bench`, as a ratio to a tenth of it)', { timeout: 120_000 }, (_shape, text) => {
    const graded = verdicts(text);
    expect(graded).toHaveLength(12);
    for (const status of graded) expect(['pass', 'fail']).toContain(status);
  });

  it('reads events after a fence of 100,000 backticks, and a fence closes only with one at least as long', () => {
    const event = '{"type":"OrderPlaced","data":{"orderId":"1001"}}';
    const fence = (length: number) => '`'.repeat(length);
    const afterLongFence = parseRequirement5Events(`${fence(100_000)}\n${fence(100_000)}\n\n${fence(3)}json\n${event}\n${fence(3)}\n`);
    expect(afterLongFence.events.map((e) => e.type)).toEqual(['OrderPlaced']);
    const shortCloserInside = parseRequirement5Events(`${fence(6)}json\n${event}\n${fence(3)}\n${fence(6)}\n`);
    expect(shortCloserInside.events).toEqual([]);
    expect(shortCloserInside.problems.join()).toMatch(/JSON block 1 is not valid JSON/);
  });

  it('says why a diagram line that long is not read', () => {
    const diagram = parseDiagram(`Client --> Command Handler\n${'-'.repeat(600)}`);
    expect(diagram.edges).toHaveLength(1);
    expect(diagram.problems).toContain('line 2: longer than 500 characters, so it is not read as part of the diagram');
  });
});

describe('the faster text steps read answers as before', () => {
  it('drops HTML comments exactly as the regex did', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<!--', '-->', '<', '!', '-', '>', 'a', ' ', '\n')).map((parts) => parts.join('')), (text) => {
        expect(withoutComments(text, ' ')).toBe(text.replace(/<!--[\s\S]*?-->/g, ' '));
        expect(withoutComments(text)).toBe(text.replace(/<!--[\s\S]*?-->/g, ''));
      }),
      { numRuns: 2_000 },
    );
  });

  it('splits runs of capitals before a word exactly as before (HTMLParser → HTML Parser)', () => {
    const before = (text: string) => text.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
    const now = (text: string) => text.replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'a', 'b', '1', ' ')).map((chars) => chars.join('')), (text) => {
        expect(now(text)).toBe(before(text));
      }),
      { numRuns: 2_000 },
    );
    expect(tokenize('The HTMLParser reads it').map(({ raw }) => raw)).toEqual(expect.arrayContaining(['html', 'parser']));
  });
});
