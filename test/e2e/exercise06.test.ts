import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { downloadedText, openApp, screenshotDir, shot } from './support';
import { checkRequirement } from '../../src/grading/index';
import { questionsOf, requirementBody, withAnswer, withRequirementBody } from '../../src/workbook/exercise06Document';

/**
 * A student works through Exercise 06 in the app: answers a requirement, checks it with the same grader as
 * `npm run grade`, reloads, draws the diagram, folds the events, and moves answers.md in and out.
 */

mkdirSync(screenshotDir, { recursive: true });

const root = resolve(import.meta.dirname, '../..');
const starter = readFileSync(resolve(root, 'exercises/06-cqrs-event-sourcing/answers.md'), 'utf8');
const solution = readFileSync(resolve(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');

const solutionQuestions = (n: 1 | 4 | 6) => questionsOf(requirementBody(solution, n) ?? '').questions;
const codeOf = (n: 2 | 5): string => /```\w*\n([\s\S]*?)\n```/.exec(requirementBody(solution, n) ?? '')?.[1] ?? '';
/** Requirement 5's JSON blocks (the lifecycle, then order 1001's stream) as one array, for the one editor of the starter. */
const eventsOfSolution = (): string =>
  JSON.stringify([...(requirementBody(solution, 5) ?? '').matchAll(/(?:```|~~~)json\n([\s\S]*?)\n(?:```|~~~)/g)].flatMap((block) => JSON.parse(block[1]!) as unknown[]), null, 2);

async function answerRequirement1(page: Page, answers: readonly string[]): Promise<void> {
  const questions = solutionQuestions(1);
  for (const [index, question] of questions.entries()) {
    await page.getByLabel(question.title, { exact: true }).fill(answers[index] ?? '');
  }
}

describe('Exercise 06 in the app', () => {
  it('an unanswered requirement is told to answer under each question, which the page shows as boxes, not as \'###\' headings', async () => {
    const { page } = await openApp('#/exercise-06/1');
    await page.getByRole('button', { name: 'Check requirement 1' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Requirement 1 does not pass yet.' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('None of the 5 questions of requirement 1 is answered yet: write an answer under each question');
  });

  it('checks requirement 1 with the grader: a correct answer passes, a wrong one gets the grader\'s message, and a reload keeps both', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06/1');
    await page.getByRole('heading', { name: 'Requirement 1: CQRS concepts' }).waitFor();
    expect(await page.getByText('0 of 6 passed').count()).toBe(1);

    // Hints open one at a time.
    await page.getByRole('button', { name: 'Show hint 1 of 3' }).click();
    await page.getByText(/Commands are imperative/).waitFor();
    expect(await page.getByRole('button', { name: 'Show hint 2 of 3' }).isEnabled()).toBe(true);

    await answerRequirement1(page, solutionQuestions(1).map((q) => q.answer));
    await page.getByRole('button', { name: 'Check requirement 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Requirement 1 passes.' }).waitFor();
    await page.getByText('1 of 6 passed').waitFor();
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await shot(page, `${screenshotDir}/exercise06-requirement1-light.png`, { fullPage: true });

    // A wrong first answer: the page shows what the grader says about this very document.
    const wrong = 'CQRS stands for Create, Read, Query, Save: one model does everything.';
    await page.getByLabel(solutionQuestions(1)[0]!.title, { exact: true }).fill(wrong);
    await page.getByRole('button', { name: 'Check requirement 1' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Requirement 1 does not pass yet.' });
    await alert.waitFor();
    let expected = withRequirementBody(starter, 1, requirementBody(solution, 1) ?? '');
    expected = withRequirementBody(expected, 1, withAnswer(requirementBody(expected, 1) ?? '', 0, wrong));
    const verdict = checkRequirement(1, expected);
    expect(verdict.status).toBe('fail');
    expect(await alert.textContent()).toContain(verdict.message);
    await page.getByText('0 of 6 passed').waitFor();

    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Requirement 1: CQRS concepts' }).waitFor();
    expect(await page.getByLabel(solutionQuestions(1)[0]!.title, { exact: true }).inputValue()).toBe(wrong);
    expect(await page.getByLabel(solutionQuestions(1)[1]!.title, { exact: true }).inputValue()).toBe(solutionQuestions(1)[1]!.answer);
    expect(await page.getByRole('alert').filter({ hasText: verdict.message }).count()).toBe(1);
    // Opened hints stay open.
    await page.getByRole('button', { name: 'Show hint 2 of 3' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('draws requirement 2\'s diagram as a graph and lists the arrows still missing', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06/2');
    const editor = page.getByLabel('Diagram (ASCII)');
    // Nothing drawn yet: said once, not "No arrows found yet: no arrows found: …".
    await editor.fill('TODO');
    await page.getByText('No arrows found yet.', { exact: true }).waitFor();
    await editor.fill('Client -> ');
    await page.getByText('No arrows found yet: line 1: an arrow with nothing on its right.', { exact: true }).waitFor();

    await editor.fill('Client ──POST /orders──▶ Command Handler ──▶ Write DB (SQL)');
    const missing = page.getByRole('list', { name: 'Missing arrows' });
    await missing.getByText('Query Handler → Read DB').waitFor();
    expect(await missing.getByRole('listitem').count()).toBe(5);

    await editor.fill(codeOf(2));
    await page.getByText('None: every arrow of the seed is there.').waitFor();
    const graph = page.getByRole('img', { name: 'How the grader reads your diagram' });
    await expect.poll(() => graph.locator('svg').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => graph.textContent(), { timeout: 20_000 }).toContain('Query Handler');
    await page.getByRole('button', { name: 'Check requirement 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Requirement 2 passes.' }).waitFor();
    await shot(page, `${screenshotDir}/exercise06-requirement2-light.png`, { fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    // The graph is drawn again with the dark theme's text colour.
    await expect.poll(() => graph.innerHTML(), { timeout: 20_000 }).toContain('#e6e9ef');
    await shot(page, `${screenshotDir}/exercise06-requirement2-dark.png`, { fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('fills requirement 3\'s table cell by cell into the markdown table', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06/3');
    const rows = (requirementBody(solution, 3) ?? '').split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Dimension'));
    for (const row of rows) {
      const [dimension, crud, cqrs] = row.split('|').slice(1, 4).map((cell) => cell.trim());
      await page.getByRole('textbox', { name: `CRUD: ${dimension}`, exact: true }).fill(crud ?? '');
      await page.getByRole('textbox', { name: `CQRS: ${dimension}`, exact: true }).fill(cqrs ?? '');
    }
    await page.getByRole('button', { name: 'Check requirement 3' }).click();
    await page.getByRole('status').filter({ hasText: 'Requirement 3 passes.' }).waitFor();
    await shot(page, `${screenshotDir}/exercise06-requirement3-light.png`, { fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('parses requirement 5\'s events as they are typed and folds order 1001 to shipped', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06/5');
    const json = page.getByLabel('Events (JSON)');
    await json.fill('[\n  { "type": "OrderCreated", "data": { "orderId": "1001" } }\n  { "type": "OrderPaid" }\n]');
    await page.getByRole('alert').filter({ hasText: "JSON error at line 3, column 3: expected ',' or ']'" }).waitFor();

    await json.fill(eventsOfSolution());
    await page.getByText('Valid JSON.').waitFor();
    await page.getByRole('status').filter({ hasText: 'Current state of order 1001: shipped' }).waitFor();
    const fold = page.getByRole('table', { name: 'Order 1001, event by event' });
    // A heading row, order 1000's four lifecycle events (not applied to 1001), order 1001's three.
    expect(await fold.getByRole('row').count()).toBe(8);
    await page.getByLabel('How is the current state of order #1001 derived from these events?').fill(
      'Load order 1001\'s events from order_events and apply each one in order to an empty state: created, then paid, then shipped. The last applied event gives the current state: shipped.',
    );
    await page.getByRole('button', { name: 'Check requirement 5' }).click();
    await page.getByRole('status').filter({ hasText: 'Requirement 5 passes.' }).waitFor();
    await shot(page, `${screenshotDir}/exercise06-requirement5-light.png`, { fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/exercise06-requirement5-dark.png`, { fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('answers requirement 6 with a verdict per scenario', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06/6');
    for (const scenario of solutionQuestions(6)) {
      const [verdictLine, ...reasons] = scenario.answer.split('\n\n');
      await page.getByLabel(`Verdict: ${scenario.title}`).selectOption(verdictLine!.replace('Verdict: ', ''));
      await page.getByLabel(`Reasons: ${scenario.title}`).fill(reasons.join('\n\n'));
    }
    await page.getByRole('button', { name: 'Check requirement 6' }).click();
    await page.getByRole('status').filter({ hasText: 'Requirement 6 passes.' }).waitFor();
    await shot(page, `${screenshotDir}/exercise06-requirement6-light.png`, { fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('imports a whole answers.md, refuses a file that is not one, and exports what is on screen', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06');
    await page.getByRole('heading', { name: 'Exercise 06: CQRS and Event Sourcing' }).waitFor();
    await shot(page, `${screenshotDir}/exercise06-overview-light.png`, { fullPage: true });
    const fileInput = page.getByLabel('answers.md file to import');

    await fileInput.setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Shopping\n\n- milk\n') });
    await page.getByRole('alert').filter({ hasText: /"notes\.md": That file is not an Exercise 06 answers\.md: it has no "## Requirement 1"/ }).waitFor();

    await fileInput.setInputFiles({ name: 'answers.md', mimeType: 'text/markdown', buffer: Buffer.from(solution) });
    await page.getByRole('status').filter({ hasText: 'Imported "answers.md"' }).waitFor();
    await page.getByRole('link', { name: /^1\. CQRS concepts/ }).click();
    await page.getByRole('button', { name: 'Check requirement 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Requirement 1 passes.' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export answers.md' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('answers.md');
    expect(await downloadedText(file)).toBe(solution.replace(/\r\n?/g, '\n'));
    expect(consoleErrors).toEqual([]);
  });
});
