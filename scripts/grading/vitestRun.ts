import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What vitest's JSON reporter writes, as far as the grader reads it. */
export type VitestJson = {
  readonly testResults: readonly {
    readonly name: string;
    readonly status: string;
    readonly message?: string;
    readonly assertionResults: readonly {
      readonly title: string;
      readonly fullName: string;
      readonly status: string;
      readonly failureMessages: readonly string[];
    }[];
  }[];
};

export type VitestOutcome = { readonly report: VitestJson } | { readonly error: string };

/**
 * Runs the vitest `exercises` project on the given test files in a child process, with GRADE_DIR pointing at the
 * folder to grade, and reads its JSON report. A child process keeps the student's code out of this one.
 */
export async function runExerciseTests(repositoryRoot: string, testFiles: readonly string[], gradeDir: string): Promise<VitestOutcome> {
  const scratch = mkdtempSync(join(tmpdir(), 'grade-'));
  const outputFile = join(scratch, 'vitest.json');
  const cli = join(repositoryRoot, 'node_modules', 'vitest', 'vitest.mjs');
  const args = [cli, 'run', '--project', 'exercises', '--reporter=json', `--outputFile=${outputFile}`, '--no-color', ...testFiles];
  try {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: repositoryRoot,
        env: { ...process.env, GRADE_DIR: gradeDir, FORCE_COLOR: '0' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, stderr }));
    });
    let text: string;
    try {
      text = readFileSync(outputFile, 'utf8');
    } catch {
      return { error: `vitest did not produce a report (exit code ${code}).\n${stderr.trim()}` };
    }
    return { report: JSON.parse(text) as VitestJson };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
