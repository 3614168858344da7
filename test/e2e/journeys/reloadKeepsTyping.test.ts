import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../support';
import { questionsOf, requirementBody } from '../../../src/workbook/exercise06Document';

/**
 * A student types and reloads at once (or closes the tab): the autosave waits for a pause in typing, and an
 * IndexedDB write started as the page goes never reaches the disk. The last words must come back anyway.
 */

const root = resolve(import.meta.dirname, '../../..');
const solution = readFileSync(resolve(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');
const firstQuestion = questionsOf(requirementBody(solution, 1) ?? '').questions[0]!;

describe('journey: typing, then reloading at once', () => {
  it('keeps an Exercise 06 answer typed just before the reload, and saves it for good', async () => {
    const { page, consoleErrors } = await openApp('#/exercise-06/1');
    await page.getByRole('heading', { name: 'Requirement 1: CQRS concepts' }).waitFor();
    const answer = page.getByLabel(firstQuestion.title, { exact: true });
    await answer.fill(firstQuestion.answer);
    await page.reload();
    await page.getByRole('heading', { name: 'Requirement 1: CQRS concepts' }).waitFor();
    expect(await answer.inputValue()).toBe(firstQuestion.answer);
    // Taken back, it is written to IndexedDB: a second reload still has it. ("Saved" once the autosave has written
    // the draft kept for the reload; "Saved in this browser" when the write started as the page went did reach the
    // disk on a slow machine, so there was no newer draft to write.)
    await page.getByRole('status').filter({ hasText: /^Saved( in this browser)?$/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Requirement 1: CQRS concepts' }).waitFor();
    expect(await answer.inputValue()).toBe(firstQuestion.answer);
    expect(consoleErrors).toEqual([]);
  });

  it('keeps coding-exercise code typed just before the reload; Reset still brings the starter back', async () => {
    const { page, consoleErrors } = await openApp('#/exercises/02-evolve');
    const code = page.getByRole('textbox', { name: /Your code/ });
    await code.waitFor();
    const starter = await code.inputValue();
    const typed = `// My evolve, first try\n${starter}`;
    await code.fill(typed);
    await page.reload();
    await code.waitFor();
    await expect.poll(() => code.inputValue()).not.toBe('');
    expect(await code.inputValue()).toBe(typed);

    await page.reload();
    await code.waitFor();
    await expect.poll(() => code.inputValue()).toBe(typed);

    // Resetting the exercise forgets the kept draft too: the starter comes back and stays after a reload.
    await page.getByRole('button', { name: 'Reset this exercise' }).click();
    await page.getByRole('button', { name: 'Yes, reset it' }).click();
    await expect.poll(() => code.inputValue()).toBe(starter);
    await page.reload();
    await code.waitFor();
    await expect.poll(() => code.inputValue()).not.toBe('');
    expect(await code.inputValue()).toBe(starter);
    expect(consoleErrors).toEqual([]);
  });
});
