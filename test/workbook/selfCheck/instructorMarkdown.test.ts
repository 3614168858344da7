import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../../content/index';
import { selfChecks } from '../../../content/self-checks/index';
import { selfChecksMarkdown } from '../../../src/workbook/selfCheck/instructorMarkdown';

const committed = readFileSync(new URL('../../../docs/self-checks.md', import.meta.url), 'utf8');

describe('docs/self-checks.md, the instructors\' copy of the questions', () => {
  it('is what `npm run self-checks` writes from content/self-checks/ (run it after changing a question)', () => {
    expect(committed === selfChecksMarkdown(selfChecks, lessons), 'docs/self-checks.md is out of date: run `npm run self-checks`').toBe(true);
  });

  it('holds every question, marks the right answers, and gives every explanation', () => {
    const markdown = selfChecksMarkdown(selfChecks, lessons);
    for (const check of selfChecks) {
      for (const question of check.questions) {
        expect(markdown).toContain(question.prompt);
        const explanations = question.kind === 'order' ? question.items.map((item) => item.explanation) : question.choices.map((choice) => choice.explanation);
        for (const explanation of explanations) expect(markdown).toContain(explanation);
      }
    }
    expect(markdown).toContain('## Lesson 14: Forgetting a person in an append-only log');
    expect(markdown).toContain('- **Right**: `orderSummary (one document for the shop');
    expect(markdown).toContain('1. `OrderPlaced`: Position 1:');
  });
});
