import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRequirement, parseAnswersDocument } from '../../src/grading';

/**
 * The answers.md structure is read the way a teacher reads it: sections and questions are found by their heading
 * text, whatever their numbering, wording or order, and a verdict is read in any clear form.
 */

const SOLUTION = readFileSync(resolve(import.meta.dirname, '../../exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');

/** The `###` questions of requirement `n` in the solution: [heading, answer]. */
function solutionQuestions(n: number): [string, string][] {
  const section = parseAnswersDocument(SOLUTION).requirements.get(n)!;
  return section.questions.map((q) => [q.heading, q.text]);
}

const section = (n: number, questions: readonly (readonly [string, string])[]): string =>
  `## Requirement ${n}\n\n${questions.map(([heading, answer]) => `### ${heading}\n\n${answer}\n`).join('\n')}`;

describe('questions are matched to their answers by heading text, not by position', () => {
  it('passes requirement 1 answered under its own headings in another order', () => {
    const [a, b, c, d, e] = solutionQuestions(1);
    expect(checkRequirement(1, section(1, [e!, c!, a!, d!, b!])).status).toBe('pass');
  });

  it('passes requirement 4 with reworded, renumbered headings in another order, and names a wrong answer by its own question', () => {
    const answers = solutionQuestions(4).map(([, answer]) => answer);
    const headings = ['4. Snapshots', 'Q1 — State-based persistence vs. event sourcing', '3) Replaying events', '(b) The event store'];
    const order = [3, 0, 2, 1];
    const reordered = (snapshot: string) => section(4, headings.map((heading, i) => [heading, i === 0 ? snapshot : answers[order[i]!]!] as const));
    expect(checkRequirement(4, reordered(answers[3]!)).status).toBe('pass');
    const wrong = checkRequirement(4, reordered('TODO'));
    expect(wrong.message).toBe('Question 4 (What is a snapshot) is not answered yet.');
  });

  it('judges each answer against its own question, so an answer under the wrong heading fails', () => {
    const [a, b, c, d, e] = solutionQuestions(1);
    const swapped = section(1, [a!, [b![0], c![1]], [c![0], b![1]], d!, e!]);
    const result = checkRequirement(1, swapped);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Question 2 (What is a Command)');
  });

  it('names the question that has no heading of its own', () => {
    const [a, b, , d, e] = solutionQuestions(1);
    const result = checkRequirement(1, section(1, [a!, b!, d!, e!]));
    expect(result.status).toBe('fail');
    expect(result.message).toContain("there is no heading for question 3 (What is a Query? Give two examples");
  });
});

describe('requirement sections are found by their heading, whatever its numbering', () => {
  const requirement3 = SOLUTION.slice(SOLUTION.indexOf('## Requirement 3'), SOLUTION.indexOf('## Requirement 4')).replace(/^## .*\n/, '');

  it.each(['## Requirement 3', '## 3. Benefits and trade-offs', '## Req. 3 — trade-offs', '## Part 3: CRUD vs CQRS', '## Benefits and trade-offs', '# Requirement 3'])(
    '%s',
    (heading) => {
      expect(checkRequirement(3, `# My answers\n\n${heading}\n${requirement3}`).status).toBe('pass');
    },
  );

  it('still says which requirement is missing when no heading names it', () => {
    expect(checkRequirement(3, `# My answers\n\n## Notes\n${requirement3}`).message).toContain("No '## Requirement 3' heading found");
  });
});

describe('requirement 6 reads a verdict in any clear form', () => {
  const HR = '### A simple HR leave-request system used by 50 employees';
  const TRADING = '### A financial trading platform where every trade must be auditable and replayable';
  const SHOP = '### The Order Service of a high-traffic e-commerce platform with complex order reporting needs';
  const grade = (hr: string, trading: string, shop: string) =>
    checkRequirement(6, `## Requirement 6\n\n${HR}\n\n${hr}\n\n${TRADING}\n\n${trading}\n\n${SHOP}\n\n${shop}\n`);
  const WHY_HR = 'Fifty users and simple forms: the complexity is not worth it, CRUD is enough.';
  const WHY_TRADING = 'Every trade must be auditable and replayable: the event log gives exactly that.';
  const WHY_SHOP = 'High traffic and complex reporting: read models scale independently.';

  it.each([
    ['a bold line', '**Not a good fit**', '**Good fit**', '**Partial fit**'],
    ['a dash after the label', 'Verdict — not a good fit', 'Verdict – good fit', 'Verdict - partial fit'],
    ['fit: yes / no', 'fit: no', 'Fit: yes', 'fit: yes'],
    ['the verdict as the first line', 'Not a good fit.', 'Good fit.', 'Good fit!'],
    ['the label on its own line', '**Verdict:**\nNot a good fit', '**Verdict:**\nGood fit', '**Verdict:**\nGood fit'],
    ['the question answered', 'Good fit? No.', '**Good fit?** Yes', 'Is it a good fit? Yes.'],
    ['a bold verdict starting a sentence', '**Not a good fit:** the team is small.', '**Good fit** — a regulator may ask.', '**Good fit**, mostly.'],
  ])('%s', (_form, hr, trading, shop) => {
    const result = grade(`${hr}\n\n${WHY_HR}`, `${trading}\n\n${WHY_TRADING}`, `${shop}\n\n${WHY_SHOP}`);
    expect(result.message).toBe('All three scenarios have the right verdict and the deciding factor.');
  });

  it('reads a wrong verdict in bold as the verdict it is', () => {
    const result = grade(`**Good fit**\n\n${WHY_HR}`, `Good fit.\n\n${WHY_TRADING}`, `fit: no\n\n${WHY_SHOP}`);
    expect(result.status).toBe('fail');
    expect(result.message).toContain("erdict for 'HR leave-request system (50 employees)' is 'good fit'");
    expect(result.message).toContain("erdict for 'high-traffic e-commerce Order Service with complex reporting' is 'not a good fit'");
  });

  it('does not take a reason that merely mentions a fit for the verdict', () => {
    const result = grade(WHY_HR, `Verdict: good fit\n\n${WHY_TRADING}`, `Verdict: good fit\n\n${WHY_SHOP}`);
    expect(result.message).toContain("'HR leave-request system (50 employees)' has no verdict");
  });
});
