import { describe, expect, it } from 'vitest';
import { readableReport } from '../../../src/workbook/sandbox/readableReport';

/** What the exercise page accepts back from the worker, where the student's code runs next to the runner. */

const ran = {
  kind: 'ran',
  outcomes: [{ name: 'decides OrderCancelled', status: 'fail', message: 'return an OrderCancelled event' }],
  goal: { title: 't', given: 'g', rule: 'r', expectedText: '[]', actualText: '[]', matches: true },
  passed: 0,
  total: 1,
};

describe('a report from the exercise worker', () => {
  it('is drawn as sent when it has the runner’s shape', () => {
    expect(readableReport(ran)).toEqual(ran);
    expect(readableReport({ kind: 'broken', reason: 'does not compile' })).toEqual({ kind: 'broken', reason: 'does not compile' });
  });

  it.each([
    ['a string', 'garbage'],
    ['nothing', undefined],
    ['outcomes that are not a list', { ...ran, outcomes: '<img src=x onerror=alert(1)>' }],
    ['an outcome with an unknown status', { ...ran, outcomes: [{ name: 'x', status: 'skipped', message: '' }] }],
    ['no goal', { ...ran, goal: null }],
    ['an unknown kind', { kind: 'passed' }],
  ])('is shown as broken when it is %s', (_what, data) => {
    const report = readableReport(data);
    expect(report.kind).toBe('broken');
    expect(report.kind === 'broken' && report.reason).toMatch(/report the page cannot read/);
  });
});
