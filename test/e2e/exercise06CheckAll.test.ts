import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, screenshotDir, shot } from './support';
import { checkRequirement } from '../../src/grading/index';
import { requirementBody, withRequirementBody } from '../../src/workbook/exercise06Document';

/**
 * Exercise 06 as a newcomer meets it: the seed's Expected Output and hints on the overview, "Check all" instead of
 * six visits and six clicks, and an imported answers.md graded at once, each line linking to its step.
 */

const root = resolve(import.meta.dirname, '../..');
const starter = readFileSync(resolve(root, 'exercises/06-cqrs-event-sourcing/answers.md'), 'utf8');
const solution = readFileSync(resolve(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');

describe('Exercise 06: Check all', () => {
  it('quotes the seed, checks all six at once, grades an import at once, and each line leads to its step', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06');
    await page.getByRole('heading', { name: 'Expected Output' }).waitFor();
    await page.getByText('There is a brief window where the Read Model is stale.').waitFor();
    await page.getByText('Client ──POST /orders──▶ Command Handler ──▶ Write DB (SQL)').waitFor();

    // The untouched starter: six verdicts from one click, each the grader's own message.
    await page.getByRole('button', { name: 'Check all' }).click();
    const verdicts = page.getByRole('list', { name: "Each requirement's verdict" });
    await page.getByRole('status').filter({ hasText: '0 of 6 requirements pass; 6 still to fix.' }).waitFor();
    expect(await verdicts.getByRole('listitem').count()).toBe(6);
    expect(await verdicts.getByRole('listitem').nth(0).innerText()).toContain(checkRequirement(1, starter).message);
    await page.getByRole('link', { name: /^6\. When to use CQRS \+ Event Sourcing\s*,\s*not passed yet$/ }).waitFor();

    // A half-done answers.md imported: checked at once, without a click.
    let halfDone = withRequirementBody(starter, 2, requirementBody(solution, 2)!);
    halfDone = withRequirementBody(halfDone, 5, requirementBody(solution, 5)!);
    await page.getByLabel('answers.md file to import').setInputFiles({ name: 'answers.md', mimeType: 'text/markdown', buffer: Buffer.from(halfDone) });
    await page.getByRole('status').filter({ hasText: '2 of 6 requirements pass; 4 still to fix.' }).waitFor();
    const items = await verdicts.getByRole('listitem').allInnerTexts();
    expect(items[1]).toMatch(/^✓\s*Requirement 2: CQRS architecture diagram passes\.$/);
    expect(items[4]).toMatch(/Requirement 5: Event sourcing for the Order Service passes\./);
    expect(items[2]).toContain(checkRequirement(3, halfDone).message);
    await page.getByText('2 of 6 passed').waitFor();
    await shot(page, `${screenshotDir}/exercise06-check-all.png`, { fullPage: true });

    // Each line links to its step, where the same verdict waits.
    await verdicts.getByRole('link', { name: 'Requirement 3: Benefits and trade-offs' }).click();
    await page.getByRole('heading', { name: 'Requirement 3: Benefits and trade-offs' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Requirement 3 does not pass yet.' }).waitFor();

    // The verdicts were kept, as a single check's are: a reload shows them in the step list.
    await page.reload();
    await page.getByRole('link', { name: /^2\. CQRS architecture diagram\s*,\s*passed$/ }).waitFor();
    await page.getByRole('link', { name: /^1\. CQRS concepts\s*,\s*not passed yet$/ }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
