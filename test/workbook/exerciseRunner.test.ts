import { describe, expect, it } from 'vitest';
import { defineExerciseTests } from '../../exercises/02-evolve/checks';
import type { StudentModule } from '../../exercises/support/checks';
import { runExerciseTests } from '../../src/workbook/exerciseRunner';

/** What a student reads after Run tests, for modules already loaded (loading is the sandbox's: test/browser/exerciseSandbox.test.ts). */

const run = (student: StudentModule) => runExerciseTests(defineExerciseTests(student));

describe("running an exercise's checks", () => {
  it('a missing export fails every check with the same instruction', async () => {
    const report = await run({ evolv: () => undefined });
    expect(report.kind).toBe('ran');
    if (report.kind !== 'ran') return;
    expect(report.passed).toBe(0);
    for (const outcome of report.outcomes) expect(outcome.message).toContain('does not export a function named evolve');
  });

  it('code that changes its frozen input is told to return a new object', async () => {
    const report = await run({
      evolve: (state: Record<string, unknown>, event: { type: string; data: Record<string, unknown> }) => {
        if (event.type === 'OrderPlaced') return { status: 'pending', ...event.data, updatedAt: event.data['placedAt'], trackingNumber: null, cancelReason: null };
        state['status'] = 'x';
        return state;
      },
    });
    expect(report.kind === 'ran' && report.outcomes.some((outcome) => /changed the state it was given/.test(outcome.message))).toBe(true);
  });

  it('a failing comparison shows what was expected and what the code returned', async () => {
    const report = await run({ evolve: (state: unknown) => state });
    const failure = report.kind === 'ran' ? report.outcomes.find((outcome) => outcome.status === 'fail') : undefined;
    expect(failure?.message).toMatch(/\nExpected: \{.*"status":"pending".*\}\nReceived: \{"status":"none"\}/);
  });
});
