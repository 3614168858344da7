import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrastRules, describeViolations, scanWithAxe } from './a11ySupport';
import { downloadedText, openApp, screenshotDir, shot } from './support';

/**
 * A student takes lesson 1's self-check: one wrong answer, its explanation, the fix, every question right, the lesson
 * marked understood in the list, and still marked after a reload. An instructor downloads the questions from the
 * Instructor screen.
 */

mkdirSync(screenshotDir, { recursive: true });

/** The answered self-check (right and wrong marks, explanations) passes axe: WCAG, or only contrast after a theme change. */
async function expectAccessible(page: Page, rules?: readonly string[]): Promise<void> {
  const { failing } = await scanWithAxe(page, rules);
  expect(failing, describeViolations(failing)).toEqual([]);
}

describe('the self-check after a lesson', () => {
  it('grades each answer with its explanations, keeps the result across a reload, and marks the lesson understood', async () => {
    const { page, consoleErrors } = await openApp('#/lessons/crud-loses-history');
    const list = page.getByRole('navigation', { name: 'Lessons' });
    const lessonOne = list.getByRole('link', { name: /CRUD loses history/ });
    const section = page.getByRole('region', { name: 'Check yourself' });
    const question = (n: number) => section.getByRole('group', { name: new RegExp(`^Question ${n} of 5:`) });
    const verdict = (n: number) => question(n).getByRole('status');

    await question(1).waitFor();
    await expect.poll(() => lessonOne.innerText()).toContain('Self-check: not tried');
    await shot(section, `${screenshotDir}/self-check-before.png`);

    // A wrong answer: the verdict is announced and every choice explains itself.
    await question(1).getByRole('radio', { name: /the database keeps the previous version/ }).check();
    await question(1).getByRole('button', { name: 'Check question 1' }).click();
    await expect.poll(() => verdict(1).innerText()).toBe('Question 1: Not right.');
    expect(await question(1).innerText()).toContain('✗ Not right, and you chose it. An update replaces the field.');
    expect(await question(1).innerText()).toContain('✓ The right answer. The second update overwrote the status in place.');
    await expectAccessible(page);
    await expect.poll(() => lessonOne.innerText()).toContain('Self-check: 0 of 5 right');

    // Fixed.
    await question(1).getByRole('radio', { name: /nothing about it ever having been/ }).check();
    expect(await verdict(1).innerText()).toBe('');
    await question(1).getByRole('button', { name: 'Check question 1' }).click();
    await expect.poll(() => verdict(1).innerText()).toBe('Question 1: Right.');
    await expect.poll(() => lessonOne.innerText()).toContain('Self-check: 1 of 5 right');

    // Several right choices: two of three is partly right.
    await question(2).getByRole('checkbox', { name: /When did order 1001 leave/ }).check();
    await question(2).getByRole('checkbox', { name: /How long do orders sit/ }).check();
    await question(2).getByRole('button', { name: 'Check question 2' }).click();
    await expect.poll(() => verdict(2).innerText()).toBe('Question 2: Partly right: 2 of 3 right choices checked, 1 right one left unchecked.');
    await question(2).getByRole('checkbox', { name: /set to cancelled twice/ }).check();
    await question(2).getByRole('button', { name: 'Check question 2' }).click();
    await expect.poll(() => verdict(2).innerText()).toBe('Question 2: Right.');

    // Order, from the keyboard: the moved item keeps the focus.
    const moveUp = question(3).getByRole('button', { name: 'Move OrderPlaced up' });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await question(3).getByRole('button', { name: 'Move OrderDeleted down' }).click();
    await question(3).getByRole('button', { name: 'Check question 3' }).click();
    await expect.poll(() => verdict(3).innerText()).toBe('Question 3: Right: that is the order.');
    expect(await question(3).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^1\.\s*OrderPlaced/),
      expect.stringMatching(/^2\.\s*OrderStatusSet \(processing/),
      expect.stringMatching(/^3\.\s*OrderStatusSet \(shipped/),
      expect.stringMatching(/^4\.\s*OrderDeleted/),
    ]);

    await question(4).getByRole('radio', { name: /appends an OrderDeleted event/ }).check();
    await question(4).getByRole('button', { name: 'Check question 4' }).click();
    await question(5).getByRole('radio', { name: /no rules about which status/ }).check();
    await question(5).getByRole('button', { name: 'Check question 5' }).click();
    await expect.poll(() => verdict(5).innerText()).toBe('Question 5: Right.');
    await expect.poll(() => lessonOne.innerText()).toContain('Self-check: ✓ understood');
    await shot(section, `${screenshotDir}/self-check-after.png`);
    await shot(list, `${screenshotDir}/self-check-lesson-list.png`);

    // Kept with the rest of the progress: a reload shows the same.
    await page.reload();
    await expect.poll(() => list.getByRole('link', { name: /CRUD loses history/ }).innerText()).toContain('Self-check: ✓ understood');
    await expect.poll(() => verdict(1).innerText()).toBe('Question 1: Right.');
    expect(await list.getByRole('link', { name: /Commands and queries/ }).innerText()).toContain('Self-check: not tried');

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(section, `${screenshotDir}/self-check-after-dark.png`);
    await expectAccessible(page, contrastRules);
    await page.getByRole('button', { name: 'Large text' }).click();
    await shot(section, `${screenshotDir}/self-check-after-large.png`);

    // The instructors' copy, on the Instructor screen.
    await page.goto(page.url().replace(/#.*$/, '#/instructor'));
    const link = page.getByRole('region', { name: 'The lessons\' self-checks' }).getByRole('link', { name: 'Download the questions (Markdown)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('self-checks.md');
    const markdown = await downloadedText(download);
    expect(markdown).toMatch(/^# Self-checks: questions, answers and explanations/);
    expect(markdown).toContain('## Lesson 14: Forgetting a person in an append-only log');
    await shot(page.getByRole('region', { name: 'The lessons\' self-checks' }), `${screenshotDir}/self-check-instructor-download.png`);
    expect(consoleErrors).toEqual([]);
  });
});
