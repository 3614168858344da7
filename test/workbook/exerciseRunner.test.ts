import { transform } from 'sucrase';
import { describe, expect, it } from 'vitest';
import * as order from '../../exercises/support/order';
import { defineExerciseTests } from '../../exercises/02-evolve/checks';
import { loadStudentModule, runStudentSource, StudentCodeError, supportModuleName, type Transpile } from '../../src/workbook/exerciseRunner';

const transpile: Transpile = (source, fileName) => transform(source, { transforms: ['typescript', 'imports'], filePath: fileName }).code;
const modules = new Map<string, unknown>([['order', order]]);
const run = (source: string) => runStudentSource({ source, fileName: 'evolve.ts', transpile, modules, defineExerciseTests });

describe('running a student\'s exercise code', () => {
  it('finds the support module an import names, from the starter or the solution folder', () => {
    expect(supportModuleName('../support/order')).toBe('order');
    expect(supportModuleName('../../support/events.ts')).toBe('events');
    expect(supportModuleName('node:fs')).toBeUndefined();
  });

  it('code that does not compile is reported as such, with sucrase\'s position', async () => {
    const report = await run('export function evolve(state: OrderState {');
    expect(report.kind).toBe('broken');
    expect(report.kind === 'broken' && report.reason).toMatch(/^Your code does not compile: .*\(\d+:\d+\)/);
  });

  it('an import the runner cannot provide is named, with the ones it can', async () => {
    const report = await run("import { readFileSync } from 'node:fs';\nexport function evolve(s: unknown) { return readFileSync; }");
    expect(report.kind === 'broken' && report.reason).toMatch(/imports "node:fs".*\.\.\/support\/order/);
  });

  it('a file that throws while loading is reported before any test runs', async () => {
    const report = await run("throw new Error('boom');");
    expect(report.kind === 'broken' && report.reason).toBe('Your file threw while loading, before any test ran: boom');
  });

  it('a missing export fails every check with the same instruction', async () => {
    const report = await run('export function evolv() {}');
    expect(report.kind).toBe('ran');
    if (report.kind !== 'ran') return;
    expect(report.passed).toBe(0);
    for (const outcome of report.outcomes) expect(outcome.message).toContain('does not export a function named evolve');
  });

  it('code that changes its frozen input is told to return a new object', async () => {
    const report = await run(
      "export function evolve(state: any, event: any) { if (event.type === 'OrderPlaced') return { status: 'pending', ...event.data, updatedAt: event.data.placedAt, trackingNumber: null, cancelReason: null }; state.status = 'x'; return state; }",
    );
    expect(report.kind === 'ran' && report.outcomes.some((outcome) => /changed the state it was given/.test(outcome.message))).toBe(true);
  });

  it('a failing comparison shows what was expected and what the code returned', async () => {
    const report = await run('export function evolve(state: any) { return state; }');
    const failure = report.kind === 'ran' ? report.outcomes.find((outcome) => outcome.status === 'fail') : undefined;
    expect(failure?.message).toMatch(/\nExpected: \{.*"status":"pending".*\}\nReceived: \{"status":"none"\}/);
  });

  it('the loaded module exposes the student\'s exports, with the real support module', () => {
    const student = loadStudentModule("import { orderTotal } from '../support/order';\nexport const total = orderTotal([{ product: 'a', quantity: 3, unitPrice: 0.1 }]);", 'x.ts', transpile, modules);
    expect(student['total']).toBe(0.3);
    expect(() => loadStudentModule('export const x = ;', 'x.ts', transpile, modules)).toThrow(StudentCodeError);
  });
});
