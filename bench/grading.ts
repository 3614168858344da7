import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkRequirement } from '../src/grading/index';
import { longAnswerDocuments } from '../src/grading/longAnswerDocuments';
import { compareTime, medianMs, type BenchResult } from '../src/performance/benchResult';

/**
 * The grader on very long answers: grading runs on the page's thread (the Check button, the instructor's class), so
 * its time must grow with the answer's length, not with its square. Each shape is graded at 100,000 characters and
 * at 10,000; the baseline is ten times the shorter one. A linear grader scores about 1×, a quadratic one about 0.1×.
 */

const solution = readFileSync(resolve(import.meta.dirname, '../exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');

const shapes: readonly [name: string, unit: string][] = [
  ['capitals', 'A'],
  ['unclosed comment openings', '<!--'],
  ['one line of dashes', '-'],
  ['one line of arrows', 'A -> '],
  ['one line of pipes', '| a '],
  ['one line of backticks', '`'],
];

function gradeAll(text: string): void {
  for (const document of longAnswerDocuments(solution, text))
    for (const n of [1, 2, 3, 4, 5, 6] as const) checkRequirement(n, document);
}

const ofLength = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length));

export async function benchGrading(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [name, unit] of shapes) {
    const short = await medianMs(3, () => gradeAll(ofLength(unit, 10_000)));
    const long = await medianMs(3, () => gradeAll(ofLength(unit, 100_000)));
    results.push(compareTime(`grade Exercise 06 with a 100,000-character answer (${name})`, long, '10 × the same at 10,000 characters', 10 * short, 0.5));
  }
  return results;
}
