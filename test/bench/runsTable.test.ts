import { describe, expect, it } from 'vitest';
import { runsTable, withBenchTable, type RunRow } from '../../bench/runsTable';

const row = (ratio: number, value: number, met: RunRow['met'], extra: Partial<RunRow> = {}): RunRow => ({
  name: 'rebuild all | read models',
  value,
  unit: 'events/s',
  baseline: value / ratio,
  baselineName: 'raw cursor read',
  ratio,
  target: 0.5,
  met,
  ...extra,
});

describe('the bench runs as one table', () => {
  it('shows each figure’s spread over the runs and in how many its target was met', () => {
    const table = runsTable([{ results: [row(0.4, 4000, 'missed')] }, { results: [row(0.6, 6000, 'met')] }, { results: [row(0.55, 5500, 'met')] }]);
    expect(table.split('\n')[2]).toBe(
      '| rebuild all \\| read models | 4,000–6,000 events/s | raw cursor read: 10,000 events/s | 0.40–0.60× | ≥ 0.5× | 2 of 3 |',
    );
  });

  it('counts a run that lacks a figure as not met, and says "—" for a figure with no target', () => {
    const table = runsTable([
      { results: [row(1, 200, 'met'), row(1, 300, 'met', { name: 'only in the first run' }), row(2, 50, 'no target', { name: 'reported only', target: null })] },
      { results: [row(1, 200, 'met')] },
    ]);
    const [, , both, onlyFirst, reported] = table.split('\n');
    expect(both).toMatch(/\| 2 of 2 \|$/);
    expect(onlyFirst).toMatch(/^\| only in the first run \|.*\| 1 of 2 \|$/);
    expect(reported).toBe('| reported only | 50.00 events/s | raw cursor read: 25.00 events/s | 2.00× | — | — |');
  });

  it('writes the table between the README’s markers, and refuses a README without them', () => {
    const readme = 'before\n<!-- bench:start -->\nold\n<!-- bench:end -->\nafter';
    expect(withBenchTable(readme, 'new')).toBe('before\n<!-- bench:start -->\nnew\n<!-- bench:end -->\nafter');
    expect(() => withBenchTable('no markers', 'new')).toThrow(/no <!-- bench:start -->/);
  });
});
