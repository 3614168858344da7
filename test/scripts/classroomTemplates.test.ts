import { exec } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { autogradingJson, classroomWorkflow, stepId } from '../../scripts/grading/classroomTemplates';
import { gradingColumns, selectColumns } from '../../scripts/grading/columns';
import { parseOptions } from '../../scripts/grading/options';

/**
 * GitHub Classroom's autograding files, as committed: parsed (JSON and YAML), checked against the columns a class
 * is graded on, every command read as a real command of the grade script, and two of them run here.
 */

const root = resolve(import.meta.dirname, '../..');
const columns = gradingColumns();
const autograding = readFileSync(resolve(root, '.github/classroom/autograding.json'), 'utf8');
const workflowText = readFileSync(resolve(root, '.github/workflows/classroom.yml'), 'utf8');

type Step = { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
const workflow = parse(workflowText) as { on: string[]; permissions: Record<string, string>; jobs: Record<string, { 'runs-on': string; if: string; steps: Step[] }> };
const steps = Object.values(workflow.jobs)[0]!.steps;
const graders = steps.filter((step) => step.uses === 'education/autograding-command-grader@v1');

/** The arguments a command passes to scripts/grade.ts: `npm run grade -- <args>`. */
function gradeArguments(command: string): string[] {
  const match = /^npm run grade -- (.+)$/.exec(command);
  if (match === null) throw new Error(`not a grade command: ${command}`);
  return match[1]!.split(' ');
}

async function shell(command: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(exec)(command, { cwd: root });
    return { code: 0, stdout };
  } catch (error) {
    return { code: (error as { code: number }).code, stdout: (error as { stdout: string }).stdout };
  }
}

describe('.github/classroom/autograding.json', () => {
  it('is what the columns give (rewrite it with npx tsx scripts/writeClassroomTemplates.ts)', () => {
    expect(autograding).toBe(autogradingJson(columns));
  });

  it("has GitHub Classroom's test fields: one test per requirement and coding exercise, with its points", () => {
    const { tests } = JSON.parse(autograding) as { tests: Record<string, unknown>[] };
    expect(tests).toHaveLength(12);
    for (const test of tests) expect(Object.keys(test).sort()).toEqual(['comparison', 'input', 'name', 'output', 'points', 'run', 'setup', 'timeout']);
    expect(tests.map((t) => t.points)).toEqual(columns.map((c) => c.points));
    expect(tests.reduce((sum, t) => sum + (t.points as number), 0)).toBe(120);
    expect(tests.map((t) => (parseOptions(gradeArguments(t.run as string)) as { only: string }).only)).toEqual(columns.map((c) => c.id));
  });
});

describe('.github/workflows/classroom.yml', () => {
  it('is what the columns give', () => {
    expect(workflowText).toBe(classroomWorkflow(columns));
  });

  it('runs on push with the permissions the reporter needs, after installing the workbook', () => {
    expect(workflow.on).toContain('push');
    expect(workflow.permissions).toEqual({ checks: 'write', actions: 'read', contents: 'read' });
    // Students' repositories only: not the template (whose starters fail), not Classroom's own commits.
    expect(Object.values(workflow.jobs)[0]!).toMatchObject({ 'runs-on': 'ubuntu-latest', if: "github.actor != 'github-classroom[bot]' && !github.event.repository.is_template" });
    expect(steps.slice(0, 3).map((s) => s.uses ?? s.run)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci']);
  });

  it("has one command grader per column, with only the action's inputs, and a unique step id", () => {
    const inputs = new Set(['test-name', 'setup-command', 'command', 'timeout', 'max-score']);
    expect(graders.map((s) => s.id)).toEqual(columns.map(stepId));
    expect(new Set(graders.map((s) => s.id)).size).toBe(graders.length);
    for (const [index, step] of graders.entries()) {
      expect(Object.keys(step.with!).every((key) => inputs.has(key))).toBe(true);
      expect(step.with!['max-score']).toBe(columns[index]!.points);
      expect(typeof step.with!.timeout).toBe('number');
    }
  });

  it("every command is a real --only command of the grade script, naming exactly its column", () => {
    for (const [index, step] of graders.entries()) {
      const options = parseOptions(gradeArguments(step.with!.command as string));
      if (typeof options === 'string') throw new Error(options);
      expect(selectColumns(columns, options.only!)).toEqual([columns[index]]);
    }
  });

  it("the reporter reads every grader's result from <ID>_RESULTS and lists every runner", () => {
    const reporter = steps.at(-1)!;
    expect(reporter.uses).toBe('education/autograding-grading-reporter@v1');
    expect(String(reporter.with!.runners).split(',')).toEqual(graders.map((s) => s.id));
    expect(reporter.env).toEqual(Object.fromEntries(graders.map((s) => [`${s.id!.toUpperCase()}_RESULTS`, `\${{ steps.${s.id}.outputs.result }}`])));
  });

  it('a command, run as the workflow runs it: the starter fails it (exit 1), the solutions pass it (exit 0)', { timeout: 120_000 }, async () => {
    const requirement = graders.find((s) => s.id === 'grade-06-3')!.with!.command as string;
    const [starter, solved] = await Promise.all([shell(requirement), shell(`${graders[0]!.with!.command as string} --dir exercises/_solutions`)]);
    expect(starter.code).toBe(1);
    expect(starter.stdout).toContain('FAIL   06.3 Requirement 3: Benefits and trade-offs\n       The table is still empty');
    expect(solved.code).toBe(0);
    expect(solved.stdout).toContain('PASS   01 Exercise 01: decide: from a command to events');
  });
});
