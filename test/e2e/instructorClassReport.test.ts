import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradingColumns } from '../../scripts/grading/columns';
import { gradeStudentFolder } from '../../scripts/grading/gradeStudent';
import { classReport } from '../../src/grading/classReport';
import { downloadedText, openApp, screenshotDir, shot } from './support';

/**
 * The instructor reads a class report written by `npm run grade -- --class`: the report is made here the way the
 * script makes it (the grader on the repository's solutions and starters, plus a student whose grading failed).
 */

const root = resolve(import.meta.dirname, '../..');

async function report() {
  const columns = gradingColumns();
  const error = 'Grading this folder took longer than the time limit of 120 s, so it was stopped: does some code loop forever?';
  return classReport(columns, [
    { name: 'ada', cells: await gradeStudentFolder(resolve(root, 'exercises/_solutions'), columns) },
    { name: 'bob <img src=x onerror=alert(1)>', cells: await gradeStudentFolder(resolve(root, 'exercises'), columns) },
    { name: 'cy', error, cells: columns.map((c) => ({ id: c.id, status: 'error' as const, points: 0, message: error })) },
  ]);
}

const json = (value: unknown) => ({ name: 'class-report.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

describe('the instructor page, with a class report', () => {
  it('loads a class report (JSON) into the students × requirements table, refuses a bad one and keeps what it shows', async () => {
    const good = await report();
    const { page, consoleErrors } = await openApp('#/instructor');
    const loader = page.getByLabel('Load a class report (JSON)');

    await loader.setInputFiles(json({ exercises: [] }));
    await page.getByRole('alert').filter({ hasText: 'class-report.json was not loaded. This is not a class report' }).waitFor();

    await loader.setInputFiles(json(good));
    const table = page.getByRole('table', { name: /Class report: 3 students/ });
    await table.waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('status').filter({ hasText: 'Loaded 3 students from class-report.json, graded on 12 requirements and exercises (120 points); 1 could not be graded.' }).waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['Exercise 01\ndecide: from a command to events', 'Requirement 3\nBenefits and trade-offs', 'Points\nof 120']));
    await shot(page, `${screenshotDir}/instructor-class-report.png`, { fullPage: true });
    const ada = table.getByRole('row', { name: /^ada/ });
    expect(await ada.getByRole('cell').allInnerTexts()).toEqual([...Array(12).fill('✓ Pass'), '12/12', '120/120']);
    const bob = table.getByRole('row', { name: /bob <img/ });
    expect(await bob.getByRole('cell').allInnerTexts()).toEqual([...Array(12).fill('✗ Fail'), '0/12', '0/120']);
    await bob.getByRole('group').filter({ has: page.getByText('✗ Fail') }).first().waitFor();
    await page.getByLabel('Exercise 01 of bob <img src=x onerror=alert(1)>: fail, show why').click();
    await bob.getByText('0 of 8 checks pass.', { exact: false }).waitFor();
    expect(await page.locator('instructor-results img').count()).toBe(0);
    const cy = table.getByRole('row', { name: /^cy/ });
    await page.getByLabel('cy: could not be graded, show why').click();
    await cy.getByText('took longer than the time limit of 120 s').waitFor();
    await shot(page, `${screenshotDir}/instructor-class-report-open.png`, { fullPage: true });

    // A report whose points do not add up is refused by name; the table loaded before stays.
    const tampered = { ...good, students: good.students.map((s, i) => (i === 1 ? { ...s, points: 120 } : s)) };
    await loader.setInputFiles(json(tampered));
    await page.getByRole('alert').filter({ hasText: 'Student "bob <img src=x onerror=alert(1)>" has 120 points, but their cells add up to 0.' }).waitFor();
    expect(await bob.getByRole('cell').last().innerText()).toBe('0/120');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('class-report.csv');
    const csv = (await downloadedText(download)).split('\r\n');
    expect(csv[0]).toMatch(/^Student,01 Exercise 01: decide: from a command to events \(10\),/);
    expect(csv[1]).toBe('ada,10,10,10,10,10,10,10,10,10,10,10,10,120,');
    expect(consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
  });
});
