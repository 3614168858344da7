import { svg, type SVGTemplateResult } from 'lit';
import type { GrowthPoint } from '../../performance/benchResult';

/**
 * Cost per command (µs, linear, from 0) against stored events (log scale): a flat line is the point — the store
 * does not slow down as history piles up.
 */
const width = 640;
const height = 240;
const pad = { left: 60, right: 20, top: 16, bottom: 40 };

export function growthLine(points: readonly GrowthPoint[]): SVGTemplateResult {
  const xs = points.map((p) => Math.log10(Math.max(1, p.storedEvents)));
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const maxY = Math.max(...points.map((p) => p.microsPerCommand)) * 1.2 || 1;
  const px = (value: number) => pad.left + ((value - minX) / Math.max(maxX - minX, 1e-9)) * (width - pad.left - pad.right);
  const py = (micros: number) => height - pad.bottom - (micros / maxY) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(xs[i]!).toFixed(1)},${py(p.microsPerCommand).toFixed(1)}`).join(' ');
  return svg`
    <svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Cost per command in microseconds as the store grows">
      <line x1=${pad.left} x2=${width - pad.right} y1=${height - pad.bottom} y2=${height - pad.bottom} class="axis"></line>
      <line x1=${pad.left} x2=${pad.left} y1=${pad.top} y2=${height - pad.bottom} class="axis"></line>
      <text x=${pad.left - 6} y=${py(maxY / 1.2) + 4} text-anchor="end" class="tick">${Math.round(maxY / 1.2)} µs</text>
      <text x=${pad.left - 6} y=${height - pad.bottom + 4} text-anchor="end" class="tick">0</text>
      <path d=${path} class="line"></path>
      ${points.map(
        (p, i) => svg`
          <circle cx=${px(xs[i]!)} cy=${py(p.microsPerCommand)} r="4" class="point"></circle>
          <text x=${px(xs[i]!)} y=${height - pad.bottom + 18} text-anchor="middle" class="tick">${p.storedEvents.toLocaleString('en-US')}</text>`,
      )}
      <text x=${(width + pad.left) / 2} y=${height - 4} text-anchor="middle" class="tick">events already stored</text>
    </svg>`;
}
