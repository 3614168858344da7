import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRequirement } from '../../src/grading/index';
import { checkAllHeadline, checkAllRequirements, type CheckAllProgress } from '../../src/workbook/exercise06CheckAll';
import { exercise06ExpectedOutput, exercise06SeedHints, stepFor } from '../../src/workbook/exercise06Steps';
import { requirementBody, withRequirementBody } from '../../src/workbook/exercise06Document';

const root = resolve(import.meta.dirname, '../..');
const starter = readFileSync(resolve(root, 'exercises/06-cqrs-event-sourcing/answers.md'), 'utf8');
const solution = readFileSync(resolve(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');
/** The exercise's README carries seed 003 as written; the app must quote it, not paraphrase it. */
const seedReadme = readFileSync(resolve(root, 'exercises/06-cqrs-event-sourcing/README.md'), 'utf8');

const immediately = () => Promise.resolve();

describe('Check all (Exercise 06)', () => {
  it('grades all six with the grader of npm run grade: the model answer passes every one', async () => {
    const checked = await checkAllRequirements(solution, { yieldToPage: immediately });
    expect(checked.map(({ number, result }) => [number, result.status])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, 'pass']));
    expect(checkAllHeadline(checked)).toBe('All 6 requirements pass.');
  });

  it('gives each requirement the very verdict and message of checkRequirement, on a half-done answers.md', async () => {
    // Requirements 2 and 5 answered, the rest as in the starter.
    let text = withRequirementBody(starter, 2, requirementBody(solution, 2)!);
    text = withRequirementBody(text, 5, requirementBody(solution, 5)!);
    const checked = await checkAllRequirements(text, { yieldToPage: immediately });
    for (const { number, result } of checked) expect(result).toEqual(checkRequirement(number, text));
    expect(checked.filter(({ result }) => result.status === 'pass').map(({ number }) => number)).toEqual([2, 5]);
    expect(checked.find(({ number }) => number === 1)!.result.message).not.toBe('');
    expect(checkAllHeadline(checked)).toBe('2 of 6 requirements pass; 4 still to fix.');
  });

  it('says which requirement it is reading before grading it, and gives the page a turn between them', async () => {
    const seen: string[] = [];
    await checkAllRequirements(starter, {
      onProgress: ({ done, current }: CheckAllProgress) => seen.push(`progress ${done} ${current ?? 'end'}`),
      yieldToPage: async () => {
        seen.push('yield');
      },
    });
    expect(seen).toEqual([
      ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`progress ${n - 1} ${n}`, 'yield']),
      'progress 6 end',
    ]);
  });
});

describe("seed 003's own words beside the exercise", () => {
  it('quotes the four hints and the Expected Output exactly as the seed writes them', () => {
    expect(exercise06SeedHints).toHaveLength(4);
    for (const hint of exercise06SeedHints) expect(seedReadme).toContain(`- ${hint}\n`);
    expect(seedReadme).toContain(`## Expected Output\n\n${exercise06ExpectedOutput.intro}\n\n\`\`\`\n${exercise06ExpectedOutput.outline}\n\`\`\``);
  });

  it('offers the third hint, the stale window, where the consistency row of requirement 3 is written', () => {
    expect(stepFor(3)!.hints).toContain(exercise06SeedHints[2]);
  });
});
