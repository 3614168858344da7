import { describe, expect, it } from 'vitest';
import { runExerciseInSandbox } from '../../src/workbook/sandbox/runExerciseInSandbox';

/**
 * The exercise runner's sandbox in a real browser: where the student's code runs (an opaque origin, away from the
 * page's storage) and that a run that never ends is stopped without freezing the page.
 */

const run = (source: string, timeLimitMs?: number) => runExerciseInSandbox({ exerciseId: '01-decide', fileName: 'decide.ts', source }, timeLimitMs);

describe('the exercise sandbox', () => {
  it("runs the student's code in an opaque origin, not the page's", async () => {
    // The goal view shows what the student's decide returned: here, where it ran and what it found there.
    const report = await run(`export function decide(): string[] {
      let storage = 'open';
      try { void (indexedDB as unknown); } catch (error) { storage = (error as Error).name; }
      return [String(self.origin), typeof document, storage];
    }`);
    expect(report.kind).toBe('ran');
    expect(report.kind === 'ran' && JSON.parse(report.goal.actualText)).toEqual(['null', 'undefined', 'SandboxRefusal']);
    expect(document.querySelectorAll('iframe[title="Exercise runner"]')).toHaveLength(0);
  });

  it('stops a loop that never ends at the time limit, and the page keeps running meanwhile', async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    const report = await run('while (true) {}\nexport function decide() { return []; }', 1_000);
    clearInterval(ticker);
    expect(report).toEqual({ kind: 'broken', reason: 'Your code ran for more than 1 seconds and was stopped. Is there a loop that never ends?' });
    expect(ticks).toBeGreaterThan(5);
    expect(document.querySelectorAll('iframe[title="Exercise runner"]')).toHaveLength(0);
  });

  it.each([
    ['code that does not compile, with sucrase\'s position', 'export function decide(command: unknown {', /^Your code does not compile: .*\(\d+:\d+\)/],
    [
      'an import outside the exercise folder and ../support/, naming it as npm run grade does',
      "import { readFileSync } from 'node:fs';\nexport function decide() { return readFileSync; }",
      /^01-decide\/decide\.ts imports "node:fs", which exercise code may not import: only files of its own folder \(01-decide\/\) and \.\.\/support\/order, \.\.\/support\/events can be imported\.$/,
    ],
    ['a file that throws while loading', "throw new Error('boom');", /^01-decide\/decide\.ts threw while loading, before any test ran: Error: boom$/],
    ['a string turned into code', "export const decide = new Function('return []');", /^01-decide\/decide\.ts turns a string into code/],
  ])('reports %s before any test runs', async (_what, source, reason) => {
    const report = await run(source);
    expect(report.kind).toBe('broken');
    expect(report.kind === 'broken' && report.reason).toMatch(reason);
  });
});
