import { svg, type SVGTemplateResult } from 'lit';
import type { BenchResult } from '../../performance/benchResult';

/**
 * Horizontal bars, one per result, on a log scale centred on 1× (ratios here run from 0.02× to 200×: a linear
 * axis would flatten every bar but one). A tick marks each result's target; a met target colours the bar.
 */
const width = 640;
const rowHeight = 30;
const minRatio = 0.01;
const maxRatio = 1000;

const x = (ratio: number): number => {
  const clamped = Math.min(maxRatio, Math.max(minRatio, ratio));
  const span = Math.log10(maxRatio) - Math.log10(minRatio);
  return ((Math.log10(clamped) - Math.log10(minRatio)) / span) * (width - 10);
};

export function ratioBars(results: readonly BenchResult[]): SVGTemplateResult {
  const height = results.length * rowHeight * 1.6 + 30;
  const ticks = [0.01, 0.1, 1, 10, 100, 1000];
  return svg`
    <svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Each benchmark's ratio to its baseline, on a log scale; the tick is the target">
      ${ticks.map(
        (tick) => svg`
          <line x1=${x(tick)} x2=${x(tick)} y1="0" y2=${height - 20} class=${tick === 1 ? 'axis one' : 'axis'}></line>
          <text x=${x(tick)} y=${height - 5} text-anchor=${tick === ticks[0] ? 'start' : tick === ticks.at(-1) ? 'end' : 'middle'} class="tick">${tick}×</text>`,
      )}
      ${results.map((result, index) => {
        const top = index * rowHeight * 1.6 + 4;
        const met = result.target !== null && result.ratio >= result.target;
        const from = x(Math.min(1, result.ratio));
        const to = x(Math.max(1, result.ratio));
        return svg`
          <text x="2" y=${top + 11} class="label">${result.name}</text>
          <rect x=${from} y=${top + 16} width=${Math.max(2, to - from)} height="14" rx="2"
            class=${result.target === null ? 'bar' : met ? 'bar met' : 'bar missed'}></rect>
          <text x=${Math.min(to + 4, width - 60)} y=${top + 27} class="value">${result.ratio.toFixed(2)}×</text>
          ${result.target === null ? '' : svg`<line x1=${x(result.target)} x2=${x(result.target)} y1=${top + 12} y2=${top + 34} class="target"></line>`}`;
      })}
    </svg>`;
}
