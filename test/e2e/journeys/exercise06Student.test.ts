import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { downloadedText, openApp, screenshotDir, shot } from '../support';
import { checkRequirement, gradeExercise06, type RequirementNumber } from '../../../src/grading/index';
import {
  eventsBodyOf,
  questionsOf,
  requirementBody,
  scenarioAnswerOf,
  tradeoffTableOf,
  withAnswer,
  withRequirementBody,
} from '../../../src/workbook/exercise06Document';

/**
 * A student does Exercise 06 from the overview to "6 of 6 passed": types an answer into each requirement's editor,
 * presses Check, gets the grader's message for a wrong first attempt, fixes it, and passes. A reload keeps every
 * answer and verdict; the exported answers.md passes the same grader that `npm run grade` runs.
 */

mkdirSync(screenshotDir, { recursive: true });

const root = resolve(import.meta.dirname, '../../..');
const solution = readFileSync(resolve(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');
const body = (n: RequirementNumber): string => requirementBody(solution, n) ?? '';
const questions = (n: 1 | 4 | 6) => questionsOf(body(n)).questions;
const codeOf = (n: 2 | 5): string => /```\w*\n([\s\S]*?)\n```/.exec(body(n))?.[1] ?? '';
/** Requirement 5's JSON blocks (the lifecycle, then order 1001's stream) as one array, for the one editor of the starter. */
const eventsOfSolution = (): string =>
  JSON.stringify([...body(5).matchAll(/(?:```|~~~)json\n([\s\S]*?)\n(?:```|~~~)/g)].flatMap((block) => JSON.parse(block[1]!) as unknown[]), null, 2);

/** What the grader says of the solution with requirement n's section replaced: the message the page must show. */
const graderSays = (n: RequirementNumber, section: string): string => {
  const verdict = checkRequirement(n, withRequirementBody(solution, n, section));
  expect(verdict.status).toBe('fail');
  return verdict.message;
};

const passed = (page: Page, count: number) => page.getByText(`${count} of 6 passed`, { exact: true });

async function check(page: Page, n: RequirementNumber): Promise<void> {
  await page.getByRole('button', { name: `Check requirement ${n}` }).click();
}

async function expectPass(page: Page, n: RequirementNumber, passedSoFar: number): Promise<void> {
  await check(page, n);
  await page.getByRole('status').filter({ hasText: `Requirement ${n} passes.` }).waitFor();
  await passed(page, passedSoFar).waitFor();
}

/** Checks, and expects the grader's own message for the wrong answer on screen. */
async function expectFail(page: Page, n: RequirementNumber, message: string): Promise<void> {
  await check(page, n);
  const alert = page.getByRole('alert').filter({ hasText: `Requirement ${n} does not pass yet.` });
  await alert.waitFor();
  expect(await alert.textContent()).toContain(message);
}

async function nextRequirement(page: Page, n: RequirementNumber): Promise<void> {
  await page.getByRole('navigation', { name: 'Previous and next requirement' }).getByRole('link', { name: `Requirement ${n} →` }).click();
  await page.getByRole('heading', { name: new RegExp(`^Requirement ${n}: `) }).waitFor();
}

describe('journey: a student does Exercise 06 from start to all green', () => {
  it('answers all six requirements, fixes the wrong first attempts, keeps everything over a reload, and exports a file that grades green', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06');
    await page.getByRole('heading', { name: 'Exercise 06: CQRS and Event Sourcing' }).waitFor();
    await passed(page, 0).waitFor();
    await page.getByRole('link', { name: 'Start with requirement 1: CQRS concepts →' }).click();
    await page.getByRole('heading', { name: 'Requirement 1: CQRS concepts' }).waitFor();

    // Requirement 1: five questions. The first try says the read model is refreshed by a nightly batch job.
    const nightlyJob = 'A nightly batch job copies the orders table into the read database.';
    for (const [index, question] of questions(1).entries()) {
      await page.getByLabel(question.title, { exact: true }).fill(index === 4 ? nightlyJob : question.answer);
    }
    await expectFail(page, 1, graderSays(1, withAnswer(body(1), 4, nightlyJob)));
    await passed(page, 0).waitFor();
    await shot(page, `${screenshotDir}/journey-exercise06-requirement1-wrong.png`, { fullPage: true });
    await page.getByLabel(questions(1)[4]!.title, { exact: true }).fill(questions(1)[4]!.answer);
    await expectPass(page, 1, 1);

    // Requirement 2: the first diagram lets the client read the Read DB directly, with no Query Handler.
    await nextRequirement(page, 2);
    const diagram = page.getByLabel('Diagram (ASCII)');
    const noQueryHandler = codeOf(2).replace(/Client ──GET.*$/m, 'Client ──GET /orders──▶ Read DB');
    await diagram.fill(noQueryHandler);
    await page.getByRole('list', { name: 'Missing arrows' }).getByText('Query Handler → Read DB').waitFor();
    await expectFail(page, 2, graderSays(2, `\`\`\`text\n${noQueryHandler}\n\`\`\``));
    await diagram.fill(codeOf(2));
    await page.getByText('None: every arrow of the seed is there.').waitFor();
    await expectPass(page, 2, 2);
    await shot(page, `${screenshotDir}/journey-exercise06-requirement2-pass.png`, { fullPage: true });

    // Requirement 3: the trade-off table, cell by cell.
    await nextRequirement(page, 3);
    for (const row of tradeoffTableOf(body(3))) {
      await page.getByRole('textbox', { name: `CRUD: ${row.dimension}`, exact: true }).fill(row.crud);
      await page.getByRole('textbox', { name: `CQRS: ${row.dimension}`, exact: true }).fill(row.cqrs);
    }
    await expectPass(page, 3, 3);

    // Requirement 4: four questions on event sourcing.
    await nextRequirement(page, 4);
    for (const question of questions(4)) await page.getByLabel(question.title, { exact: true }).fill(question.answer);
    await expectPass(page, 4, 4);

    // Requirement 5: the events as JSON, folded live; the first derivation claims 1001 ends delivered.
    await nextRequirement(page, 5);
    await page.getByLabel('Events (JSON)').fill(eventsOfSolution());
    await page.getByText('Valid JSON.').waitFor();
    await page.getByRole('status').filter({ hasText: 'Current state of order 1001: shipped' }).waitFor();
    const derivation = page.getByLabel('How is the current state of order #1001 derived from these events?');
    const endsDelivered = 'Order 1001 is delivered because OrderDelivered is the last event in the list.';
    await derivation.fill(endsDelivered);
    const { derivation: rightDerivation } = eventsBodyOf(body(5));
    await expectFail(page, 5, graderSays(5, body(5).replace(rightDerivation.trim(), endsDelivered)));
    await shot(page, `${screenshotDir}/journey-exercise06-requirement5-wrong.png`, { fullPage: true });
    await derivation.fill(rightDerivation.trim());
    await expectPass(page, 5, 5);

    // Requirement 6: a verdict and reasons per scenario; the first try calls the trading platform a poor fit.
    await nextRequirement(page, 6);
    for (const scenario of questions(6)) {
      const { verdict, reasons } = scenarioAnswerOf(scenario.answer);
      await page.getByLabel(`Verdict: ${scenario.title}`).selectOption(verdict ?? '');
      await page.getByLabel(`Reasons: ${scenario.title}`).fill(reasons.trim());
    }
    const trading = questions(6)[1]!;
    await page.getByLabel(`Verdict: ${trading.title}`).selectOption('not a good fit');
    const poorFit = withAnswer(body(6), 1, trading.answer.replace('Verdict: good fit', 'Verdict: not a good fit'));
    await expectFail(page, 6, graderSays(6, poorFit));
    await page.getByLabel(`Verdict: ${trading.title}`).selectOption('good fit');
    await expectPass(page, 6, 6);
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await shot(page, `${screenshotDir}/journey-exercise06-all-green.png`, { fullPage: true });

    // Autosave: after a reload the answers and the verdicts are still there.
    await page.reload();
    await page.getByRole('heading', { name: 'Requirement 6: When to use CQRS + Event Sourcing' }).waitFor();
    await passed(page, 6).waitFor();
    expect(await page.getByLabel(`Verdict: ${trading.title}`).inputValue()).toBe('good fit');
    await page.getByRole('status').filter({ hasText: 'Requirement 6 passes.' }).waitFor();
    const steps = page.getByRole('navigation', { name: 'Requirements' });
    for (const n of [1, 2, 3, 4, 5, 6]) await steps.getByRole('link', { name: new RegExp(`^${n}\\. .*, passed$`) }).waitFor();
    await steps.getByRole('link', { name: /^2\. / }).click();
    expect(await page.getByLabel('Diagram (ASCII)').inputValue()).toBe(codeOf(2));
    await steps.getByRole('link', { name: /^1\. / }).click();
    expect(await page.getByLabel(questions(1)[4]!.title, { exact: true }).inputValue()).toBe(questions(1)[4]!.answer);

    // The exported answers.md grades green with the grader of `npm run grade`.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export answers.md' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('answers.md');
    const exported = await downloadedText(file);
    expect(gradeExercise06(exported).map(({ id, status }) => `${id}: ${status}`)).toEqual(['1', '2', '3', '4', '5', '6'].map((id) => `${id}: pass`));
    expect(consoleErrors).toEqual([]);
  });
});
