import * as v from 'valibot';
import type { RunReport } from '../exerciseRunner';

const text = v.string();
const reportSchema = v.variant('kind', [
  v.object({ kind: v.literal('broken'), reason: text }),
  v.object({
    kind: v.literal('ran'),
    outcomes: v.array(v.object({ name: text, status: v.picklist(['pass', 'fail']), message: text })),
    goal: v.object({ title: text, given: text, rule: text, expectedText: text, actualText: text, matches: v.boolean() }),
    passed: v.number(),
    total: v.number(),
  }),
]);

/**
 * The report as the page can draw it. The student's code shares the sandbox's worker with the runner and could post
 * a message of its own: a report of the wrong shape is shown as broken, not drawn.
 */
export function readableReport(data: unknown): RunReport {
  return v.is(reportSchema, data)
    ? data
    : { kind: 'broken', reason: 'The test runner sent back a report the page cannot read. Does your code change built-in objects or call postMessage?' };
}
