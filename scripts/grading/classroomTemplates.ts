import type { ClassColumn } from '../../src/grading/classReport';

/**
 * GitHub Classroom's autograding for a student's copy of the workbook: one test per column the class is graded on
 * (columns.ts), each running `npm run grade -- --only <id>` (exit 0 on pass) for its points. Two files say the same:
 * `.github/classroom/autograding.json`, the format of GitHub Classroom's autograding tests, and
 * `.github/workflows/classroom.yml`, the workflow GitHub Classroom runs, built from its own actions
 * (education/autograding-command-grader per test, education/autograding-grading-reporter for the total).
 * `npx tsx scripts/writeClassroomTemplates.ts` writes both; a unit test fails when they fall behind the columns.
 */

/** Minutes a test may run on GitHub's runner (the command grader's `timeout` input, and autograding.json's). */
export const TEST_TIMEOUT_MINUTES = 5;
/** Seconds one `--only` grading may take: less than the runner's timeout, so a loop gets the grader's own message. */
export const ONLY_TIME_LIMIT_SECONDS = 120;

export const onlyCommand = (column: ClassColumn): string => `npm run grade -- --only ${column.id} --time-limit ${ONLY_TIME_LIMIT_SECONDS}`;
export const testName = (column: ClassColumn): string => `${column.id} ${column.title}`;
/** The step id of a column's test: `grade-06-3`. The reporter reads its result from `<ID>_RESULTS`. */
export const stepId = (column: ClassColumn): string => `grade-${column.id.replace(/\./g, '-')}`;

export function autogradingJson(columns: readonly ClassColumn[]): string {
  const tests = columns.map((column) => ({
    name: testName(column),
    setup: '',
    run: onlyCommand(column),
    input: '',
    output: '',
    comparison: 'included',
    timeout: TEST_TIMEOUT_MINUTES,
    points: column.points,
  }));
  return `${JSON.stringify({ tests }, null, 2)}\n`;
}

export function classroomWorkflow(columns: readonly ClassColumn[]): string {
  const quoted = (text: string): string => JSON.stringify(text);
  const tests = columns.flatMap((column) => [
    `      - name: ${quoted(testName(column))}`,
    `        id: ${stepId(column)}`,
    '        uses: education/autograding-command-grader@v1',
    '        with:',
    `          test-name: ${quoted(testName(column))}`,
    `          command: ${quoted(onlyCommand(column))}`,
    `          timeout: ${TEST_TIMEOUT_MINUTES}`,
    `          max-score: ${column.points}`,
  ]);
  const env = columns.map((column) => `          ${stepId(column).toUpperCase()}_RESULTS: "\${{ steps.${stepId(column)}.outputs.result }}"`);
  return [
    '# GitHub Classroom autograding for Event Workbook: one test per requirement of Exercise 06 and per coding',
    '# exercise, each `npm run grade -- --only <id>` for its points. Written by scripts/writeClassroomTemplates.ts.',
    'name: Autograding Tests',
    "'on':",
    '  - push',
    '  - repository_dispatch',
    '  - workflow_dispatch',
    'permissions:',
    '  checks: write',
    '  actions: read',
    '  contents: read',
    'jobs:',
    '  run-autograding-tests:',
    '    runs-on: ubuntu-latest',
    // Not on GitHub Classroom's own commits, and not in the template itself (its starters fail every test):
    // only in the students' repositories made from it.
    "    if: github.actor != 'github-classroom[bot]' && !github.event.repository.is_template",
    '    steps:',
    '      - name: Checkout code',
    '        uses: actions/checkout@v4',
    '      - name: Set up Node',
    '        uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '          cache: npm',
    '      - name: Install the workbook',
    '        run: npm ci',
    '        env:',
    "          PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1'",
    ...tests,
    '      - name: Autograding Reporter',
    '        uses: education/autograding-grading-reporter@v1',
    '        env:',
    ...env,
    '        with:',
    `          runners: ${columns.map(stepId).join(',')}`,
    '',
  ].join('\n');
}
