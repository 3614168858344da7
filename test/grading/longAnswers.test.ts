import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRequirement, parseDiagram } from '../../src/grading/index';
import { withoutComments } from '../../src/grading/htmlComments';
import { tokenize } from '../../src/grading/meaning';

/**
 * A very long answer is graded in moments, not minutes: the Check button and the instructor's class grading run on
 * the page's thread, so a grader that slows down with the square of an answer's length freezes the tab (a 100,000
 * letter answer in capitals took a minute, a line of 100,000 dashes in the diagram three).
 */

const solution = readFileSync(resolve(import.meta.dirname, '../../exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');
const requirements = [1, 2, 3, 4, 5, 6] as const;

/** The slowest requirement's grading time, in ms, for the solution with `text` added under every question and in every code block. */
function slowestGrading(text: string): number {
  const documents = [solution.replace(/^(### .*)$/gm, `$1\n\n${text}\n`), solution.replace(/^```(\w*)\n/gm, `\`\`\`$1\n${text}\n`)];
  let slowest = 0;
  for (const document of documents) {
    for (const n of requirements) {
      const started = performance.now();
      checkRequirement(n, document);
      slowest = Math.max(slowest, performance.now() - started);
    }
  }
  return slowest;
}

describe('grading a 100,000-character answer', () => {
  it.each([
    ['capitals', 'A'.repeat(100_000)],
    ['unclosed comment openings', '<!--'.repeat(25_000)],
    ['one line of dashes', '-'.repeat(100_000)],
    ['one line of arrows', 'A -> '.repeat(20_000)],
    ['one line of pipes', '| a '.repeat(25_000)],
  ])('made of %s takes under three seconds per requirement', (_shape, text) => {
    expect(slowestGrading(text)).toBeLessThan(3_000);
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
