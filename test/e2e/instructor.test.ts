import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadedText, openApp, screenshotDir, shot } from './support';

/** The instructor grades a class: load students' answers.md files, read the table, export CSV. */

const root = resolve(import.meta.dirname, '../..');
const solution = readFileSync(resolve(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'));
const starter = readFileSync(resolve(root, 'exercises/06-cqrs-event-sourcing/answers.md'));

describe('the instructor page', () => {
  it('grades two answers.md files into a students × requirements table and exports it as CSV', async () => {
    const { page, consoleErrors } = await openApp('#/instructor');
    await page.getByRole('heading', { name: 'Instructor', level: 2 }).waitFor();
    // With no class loaded yet, the page names two files in the repository to try it with: the ones loaded below.
    const tryIt = page.getByText('No class at hand?');
    expect(await tryIt.innerText()).toContain('exercises/_solutions/06-cqrs-event-sourcing/answers.md');

    await page.getByLabel('answers.md files').setInputFiles([
      { name: 'alice.md', mimeType: 'text/markdown', buffer: solution },
      { name: 'bob <img src=x onerror=alert(1)>.md', mimeType: 'text/markdown', buffer: starter },
    ]);

    const table = page.getByRole('table', { name: /Exercise 06 results: 2 students/ });
    await table.waitFor();
    await page.getByRole('status').filter({ hasText: 'Graded 2 submissions' }).waitFor();
    expect(await tryIt.count()).toBe(0);
    const alice = table.getByRole('row', { name: /^alice/ });
    expect(await alice.getByRole('cell').allInnerTexts()).toEqual(['✓ Pass', '✓ Pass', '✓ Pass', '✓ Pass', '✓ Pass', '✓ Pass', '6/6']);
    // A student's name is text, never markup.
    const bob = table.getByRole('row', { name: /bob <img/ });
    expect(await bob.getByRole('cell').last().innerText()).toBe('0/6');
    // The whole row, up to how many passed, fits a 1280-pixel window (while no message is open) without scrolling sideways.
    const passedHeader = await table.getByRole('columnheader', { name: 'Passed' }).boundingBox();
    const scroller = await page.getByRole('region', { name: 'Exercise 06 results table' }).boundingBox();
    expect((passedHeader?.x ?? Infinity) + (passedHeader?.width ?? 0)).toBeLessThanOrEqual((scroller?.x ?? 0) + (scroller?.width ?? 0));
    await bob.getByText('✗ Fail').nth(1).click();
    await bob.getByText('Requirement 2 has no diagram').waitFor();
    expect(await page.locator('instructor-results img').count()).toBe(0);
    expect(await page.getByRole('progressbar', { name: 'Graded 2 of 2 submissions' }).getAttribute('value')).toBe('2');
    await shot(page, `${screenshotDir}/instructor.png`, { fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, `${screenshotDir}/instructor-dark.png`, { fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('exercise-06-grades.csv');
    const csv = (await downloadedText(download)).split('\r\n');
    expect(csv[0]).toMatch(/^Student,Requirement 1,Requirement 1 message,/);
    expect(csv[1]).toMatch(/^alice,pass,,pass,,pass,,pass,,pass,,pass,,6\/6$/);
    expect(csv[2]).toMatch(/^bob <img src=x onerror=alert\(1\)>,fail,/);
    // Chromium's own favicon probe may 404 (it is not a request of this page); anything else is a failure.
    expect(consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
  });

  it('says so when a zip cannot be read', async () => {
    const { page } = await openApp('#/instructor');
    await page.getByLabel('Zip archive').setInputFiles({ name: 'class.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
    await page.getByRole('alert').filter({ hasText: 'class.zip could not be read as a zip archive' }).waitFor();
  });
});
