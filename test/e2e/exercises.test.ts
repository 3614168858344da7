import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { codeExercises } from '../../exercises/manifest';
import type { ExerciseTests, StudentModule } from '../../exercises/support/checks';
import { loadStudentInRealm } from '../../exercises/support/realm/studentRealm';
import { runExerciseTests } from '../../src/workbook/exerciseRunner';
import { solutionAsStudentFile } from '../../src/workbook/exerciseProgress';
import { eventsInLog, placeOrder } from './simulatorSupport';
import { openApp, screenshotDir, shot } from './support';

/** A student works through a coding exercise in the browser: the same checks as vitest, run in the page. */

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/cheats/${name}`, import.meta.url), 'utf8');
const solution01 = solutionAsStudentFile(readFileSync(new URL('../../exercises/_solutions/01-decide/decide.ts', import.meta.url), 'utf8'));
const exercisesDir = fileURLToPath(new URL('../../exercises/', import.meta.url)).replace(/\/$/, '');
const total = codeExercises.length + 1; // + Exercise 06, the written one

/**
 * A failed check's message as two runs can agree on it: a property check's smallest failing input is drawn at random
 * (fast-check's seed), so its message is compared by its shape; every other message word for word.
 */
const comparable = (message: string | null): string | null =>
  message !== null && message.includes('\nSmallest failing input: ') ? `a property fails, with its smallest input and ${message.split('\n').length} lines` : message;

/** Presses Run tests and returns what the run says at the top of its results: the summary, or why it could not run. */
async function runAndRead(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Run tests' }).click();
  const results = page.locator('exercise-results');
  const said = results.getByRole('alert').or(results.getByRole('status'));
  await said.waitFor();
  return said.innerText();
}

async function runTests(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run tests' }).click();
  await page.getByRole('list', { name: 'Test results' }).waitFor();
}

describe('the coding exercises screen', () => {
  it('runs the starter (tests fail), then the solution (all pass, 1 done, kept after a reload)', async () => {
    const { page, consoleErrors } = await openApp('#/exercises');
    await page.getByRole('heading', { name: 'Coding exercises', level: 2 }).waitFor();
    await page.getByRole('link', { name: /01 decide/ }).click();
    await expect.poll(() => page.getByText(`0 of ${total} done`).isVisible()).toBe(true);
    await page.getByRole('article', { name: 'Exercise 01 instructions' }).getByRole('heading', { name: 'Exercise 01: decide' }).waitFor();

    await runTests(page);
    const results = page.getByRole('list', { name: 'Test results' });
    expect(await results.getByText(/^Fail:/).count()).toBeGreaterThan(0);
    await page.getByText(/^\d+ of \d+ tests pass\.$/).waitFor();
    // The goal view puts the expected events beside the student's (none yet) with the comparison rule.
    expect(await page.getByLabel('Expected result').textContent()).toContain('OrderCancelled');
    expect(await page.getByLabel('Your result').textContent()).toBe('[]');
    await page.getByText('How it is compared:').waitFor();
    await shot(page, `${screenshotDir}/exercises-failing.png`, { fullPage: true });

    await page.getByRole('textbox', { name: /Your code/ }).fill(solution01);
    await runTests(page);
    await page.getByText(/^All \d+ tests pass\.$/).waitFor();
    expect(await results.getByText(/^Fail:/).count()).toBe(0);
    await page.getByText(`1 of ${total} done`).waitFor();
    // Solving unlocks the solution.
    await page.getByRole('heading', { name: 'Solution' }).waitFor();
    await shot(page, `${screenshotDir}/exercises-solved.png`, { fullPage: true });

    await page.reload();
    await page.getByText(`1 of ${total} done`).waitFor();
    expect(await page.getByRole('textbox', { name: /Your code/ }).inputValue()).toBe(solution01);
    expect(consoleErrors).toEqual([]);
  });

  it('reveals hints in two stages and the solution only after a confirmed give-up', async () => {
    const { page, consoleErrors } = await openApp('#/exercises/02-evolve');
    await page.getByRole('article', { name: 'Exercise 02 instructions' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Solution' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Show a hint' }).click();
    await page.getByRole('heading', { name: 'Hint', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Show a closer hint' }).click();
    await page.getByRole('heading', { name: 'Closer hint' }).waitFor();
    expect(await page.getByRole('button', { name: /Show a/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Give up and show the solution' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('heading', { name: 'Solution' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Give up and show the solution' }).click();
    await page.getByRole('button', { name: 'Yes, show the solution' }).click();
    await page.getByRole('heading', { name: 'Solution' }).waitFor();
    expect(await page.getByLabel('Solution code').textContent()).toContain("from '../support/order'");
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/exercises-hints-dark.png`, { fullPage: true });

    await page.reload();
    await page.getByRole('heading', { name: 'Closer hint' }).waitFor();
    await page.getByRole('heading', { name: 'Solution' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('exports progress to a file, resets everything after a confirmation, and imports the file back', async () => {
    const { page, consoleErrors } = await openApp('#/exercises/03-projection');
    const editor = page.getByRole('textbox', { name: /Your code/ });
    await editor.fill('// my projection');
    // Tab indents inside the editor instead of leaving it.
    await editor.press('End');
    await editor.press('Tab');
    expect(await editor.inputValue()).toBe('// my projection  ');
    await editor.blur();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'wb-progress-')), 'progress.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'event-workbook-progress', answers: [{ exerciseId: '03-projection' }] });

    await page.getByRole('button', { name: 'Reset all exercises' }).click();
    await page.getByRole('button', { name: 'Yes, reset everything' }).click();
    await expect.poll(() => editor.inputValue()).toContain('TODO 1');

    await page.getByLabel('Import progress').setInputFiles(file);
    await page.getByText('Imported 1 saved answer and 0 progress entries.').waitFor();
    await expect.poll(() => editor.inputValue()).toBe('// my projection  ');
    expect(consoleErrors).toEqual([]);
  });

  it('refuses a bad progress file with a reason and keeps the work', async () => {
    const { page, consoleErrors } = await openApp('#/exercises/01-decide');
    const editor = page.getByRole('textbox', { name: /Your code/ });
    await editor.fill('// my work in progress');
    await editor.blur();
    await page.getByLabel('Import progress').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something else"}') });
    expect(await page.getByRole('alert').textContent()).toMatch(/Import refused: .*not a workbook progress file/);
    await page.reload();
    expect(await page.getByRole('textbox', { name: /Your code/ }).inputValue()).toBe('// my work in progress');
    expect(consoleErrors).toEqual([]);
  });
});

describe("a student's code in the app runs in a sandbox", () => {
  it("gives every starter npm run grade's verdicts and messages, and passes every solution", async () => {
    const { page, consoleErrors } = await openApp('#/exercises');
    const editor = page.getByRole('textbox', { name: /Your code/ });
    const results = page.getByRole('list', { name: 'Test results' });
    for (const exercise of codeExercises) {
      // As `npm run grade` sees the untouched starter: loaded into a node:vm realm of its own.
      const checks = (await import(`../../exercises/${exercise.id}/checks.ts`)) as { defineExerciseTests: (student: StudentModule) => ExerciseTests };
      const graded = await runExerciseTests(
        checks.defineExerciseTests(loadStudentInRealm({ exerciseId: exercise.id, exerciseFolder: join(exercisesDir, exercise.id), file: exercise.files.starter, shownRoot: '<solution-dir>', root: exercisesDir })),
      );
      const expected = graded.kind === 'ran' ? graded.outcomes.map((o) => ({ title: `${o.status === 'pass' ? 'Pass' : 'Fail'}: ${o.name}`, message: comparable(o.status === 'fail' ? o.message : null) })) : graded;

      await page.evaluate((id) => (location.hash = `#/exercises/${id}`), exercise.id);
      await page.getByRole('article', { name: `Exercise ${exercise.number} instructions` }).waitFor();
      await expect.poll(() => editor.inputValue()).toContain('TODO');
      await runTests(page);
      const shown = await results.getByRole('listitem').evaluateAll((items) =>
        items.map((item) => ({ title: item.children[1]?.textContent ?? '', message: item.querySelector('.message')?.textContent ?? null })),
      );
      shown.forEach((outcome) => (outcome.message = comparable(outcome.message)));
      expect(shown, exercise.id).toEqual(expected);

      const solution = readFileSync(join(exercisesDir, '_solutions', exercise.id, exercise.files.starter), 'utf8');
      await editor.fill(solutionAsStudentFile(solution));
      await page.getByRole('button', { name: 'Run tests' }).click();
      await page.getByRole('status').filter({ hasText: /^All \d+ tests pass\.$/ }).waitFor();
    }
    expect(consoleErrors).toEqual([]);
  });

  it('a file that patches JSON.stringify and Array.prototype at its top does not pass, and is told why', async () => {
    const { page, consoleErrors } = await openApp('#/exercises/01-decide');
    const editor = page.getByRole('textbox', { name: /Your code/ });
    await expect.poll(() => editor.inputValue()).toContain('TODO 1');
    await editor.fill(`${fixture('patchedGlobals.txt')}\n${await editor.inputValue()}`);
    const said = await runAndRead(page);
    expect(said).not.toMatch(/^All \d+ tests pass\.$/);
    expect(said).toMatch(/^01-decide\/decide\.ts changes one of JavaScript's built-in objects \(Cannot assign to read only property .*\)\. .*remove the lines that change JSON, Object, Array/);
    await page.getByText(`0 of ${total} done`).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it("a file that deletes databases, clears localStorage and caches and posts to the app's origin touches none of the app's data", async () => {
    const { page, consoleErrors } = await openApp('#/simulator');
    // The workbook's data: events in the log, an Exercise 06 answer, a localStorage entry and a cache.
    await placeOrder(page);
    const events = await eventsInLog(page);
    expect(events).toBeGreaterThan(0);
    await page.evaluate(async () => {
      localStorage.setItem('kept-by-the-app', 'yes');
      await (await caches.open('kept-by-the-app')).put('./kept', new Response('yes'));
    });
    await page.evaluate(() => (location.hash = '#/exercise-06/1'));
    const answer = 'A command changes state; a query only reads it.';
    await page.getByRole('textbox').first().fill(answer);
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    const databases = async () => (await page.evaluate(() => indexedDB.databases())).map((db) => db.name).sort();
    const before = await databases();
    expect(before).toEqual(expect.arrayContaining(['event-workbook', 'event-workbook-progress']));

    await page.evaluate(() => (location.hash = '#/exercises/01-decide'));
    const editor = page.getByRole('textbox', { name: /Your code/ });
    await expect.poll(() => editor.inputValue()).toContain('TODO 1');
    await editor.fill(`${fixture('storageAttack.txt')}\n${await editor.inputValue()}`);
    const said = await runAndRead(page);
    await shot(page, `${screenshotDir}/exercises-sandbox-refusal.png`, { fullPage: true });

    // Everything is still there, after a reload too.
    await page.reload();
    await page.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();
    expect(await databases()).toEqual(before);
    expect(await page.evaluate(() => localStorage.getItem('kept-by-the-app'))).toBe('yes');
    expect(await page.evaluate(async () => (await (await caches.match('./kept'))?.text()) ?? 'gone')).toBe('yes');
    await page.evaluate(() => (location.hash = '#/simulator'));
    await expect.poll(() => eventsInLog(page)).toBe(events);
    await page.evaluate(() => (location.hash = '#/exercise-06/1'));
    await expect.poll(() => page.getByRole('textbox').first().inputValue()).toBe(answer);
    // And the student was told what their file met, in words.
    expect(said).toBe(
      '01-decide/decide.ts threw while loading, before any test ran: Exercise code runs in a sandbox with no storage and no network: ' +
        "indexedDB (the browser’s databases) is not available to it (the workbook's own data stays out of its reach). Work only with the values " +
        'your function receives, and return the result.',
    );
    expect(consoleErrors).toEqual([]);
  });
});

