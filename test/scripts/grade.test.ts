import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run grade` end to end, on copies of a student's folder: it never reads or writes the working copy's
 * answers. Each run spawns vitest, so there are only two: a failing folder with every report asked for, and a
 * passing one. `--exercism` (whose exit code is 0 whatever the verdict) is run by bin/run.sh in
 * test/scripts/exercismRunner.test.ts.
 */

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'grade-test-'));
const workingCopy = join(root, 'exercises/06-cqrs-event-sourcing/answers.md');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function grade(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/grade.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function submission(name: string, answers: string): string {
  const folder = join(scratch, name);
  cpSync(join(root, 'exercises/06-cqrs-event-sourcing'), join(folder, '06-cqrs-event-sourcing'), { recursive: true });
  writeFileSync(join(folder, '06-cqrs-event-sourcing/answers.md'), answers);
  return folder;
}

describe.concurrent('npm run grade', { timeout: 90_000 }, () => {
  it("grades another student's starter folder: every requirement fails, both reports written, exit 1", async () => {
    const before = { text: readFileSync(workingCopy, 'utf8'), mtime: statSync(workingCopy).mtimeMs };
    const folder = submission('starter', readFileSync(workingCopy, 'utf8'));
    const out = join(scratch, 'out');

    const run = await grade(['--exercise', '06', '--dir', folder, '--json', join(out, 'r.json'), '--junit', join(out, 'r.xml')]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('06-cqrs-event-sourcing  0/6 passed');
    expect(run.stdout).toMatch(/FAIL +Requirement 2 +Requirement 2 has no diagram/);
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
    expect(report.exercises[0].id).toBe('06-cqrs-event-sourcing');
    expect(report.exercises[0].requirements.map((r: { id: string; status: string }) => `${r.id}:${r.status}`)).toEqual(['1:fail', '2:fail', '3:fail', '4:fail', '5:fail', '6:fail']);
    expect(readFileSync(join(out, 'r.xml'), 'utf8')).toMatch(/<testsuite name="06-cqrs-event-sourcing" tests="6" failures="6" errors="0">/);
    for (const file of ['r.json', 'r.xml']) expect(readFileSync(join(out, file), 'utf8')).not.toContain(scratch);
    // The working copy was neither read for grading nor written.
    expect({ text: readFileSync(workingCopy, 'utf8'), mtime: statSync(workingCopy).mtimeMs }).toEqual(before);
  });

  it('exits 0 when every requirement passes (the reference solution in a submission folder)', async () => {
    const folder = submission('solution', readFileSync(join(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8'));
    const run = await grade(['--exercise', '06', '--dir', folder]);
    expect(run.stdout).toContain('06-cqrs-event-sourcing  6/6 passed');
    expect(run.code).toBe(0);
  });

  it('says clearly when the folder or the exercise does not exist, before running anything', async () => {
    const missing = await grade(['--dir', join(scratch, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No folder at');
    const unknown = await grade(['--exercise', '42']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("There is no exercise '42'");
  });
});
