import { targetLabel, type BenchResult } from '../src/performance/benchResult';

/** The results as a table for stdout: each figure, its baseline beside it, the ratio and whether the target is met. */
export function formatTable(results: readonly BenchResult[]): string {
  const number = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2));
  const rows = results.map((r) => {
    return [
      r.name,
      `${number(r.value)} ${r.unit}`,
      `${r.baselineName}: ${number(r.baseline)} ${r.unit}`,
      `${r.ratio.toFixed(2)}×`,
      targetLabel(r, 'MISSED'),
    ];
  });
  const header = ['measured', 'value', 'baseline (same run)', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
