import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { codeExercises } from '../../exercises/manifest';
import { solutionAsStudentFile } from '../../src/workbook/exerciseProgress';
import { openApp, screenshotDir } from './support';

/** A student works through a coding exercise in the browser: the same checks as vitest, run in the page. */

const solution01 = solutionAsStudentFile(readFileSync(new URL('../../exercises/_solutions/01-decide/decide.ts', import.meta.url), 'utf8'));
const total = codeExercises.length + 1; // + Exercise 06, the written one

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
    await page.screenshot({ path: `${screenshotDir}/exercises-failing.png`, fullPage: true });

    await page.getByRole('textbox', { name: /Your code/ }).fill(solution01);
    await runTests(page);
    await page.getByText(/^All \d+ tests pass\.$/).waitFor();
    expect(await results.getByText(/^Fail:/).count()).toBe(0);
    await page.getByText(`1 of ${total} done`).waitFor();
    // Solving unlocks the solution.
    await page.getByRole('heading', { name: 'Solution' }).waitFor();
    await page.screenshot({ path: `${screenshotDir}/exercises-solved.png`, fullPage: true });

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
    await page.screenshot({ path: `${screenshotDir}/exercises-hints-dark.png`, fullPage: true });

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
