import { css, html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/**
 * A live line chart over the last minute: time on x (the newest sample at the right edge, "now"), values on y from
 * 0. Several series share the axes; each is told apart by its dash pattern as well as its colour, so the chart reads
 * in greyscale and for colour-blind readers. A missing value (null) breaks the line instead of drawing it at 0.
 * The chart is an image for assistive technology: the screen shows the same current values as text beside it.
 */

export type TimeSeries = {
  readonly name: string;
  /** One per time in `times`; null where the value is unknown. */
  readonly values: readonly (number | null)[];
};

export type TimeSeriesChart = {
  /** The image's accessible name. */
  readonly label: string;
  /** Epoch milliseconds, oldest first. */
  readonly times: readonly number[];
  readonly series: readonly TimeSeries[];
  /** The y axis' unit, written above it, e.g. "ms", "events". */
  readonly unit: string;
  /** How much time the x axis spans (60 s by default). */
  readonly windowMs?: number;
};

// About the width a chart card has on a laptop screen, so the ticks' text is drawn near its CSS size.
const width = 440;
const height = 170;
const pad = { left: 44, right: 14, top: 22, bottom: 26 };

/** The smallest 1, 2 or 5 × 10ⁿ at or above the value, so the top tick is a round number. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value * (1 - 1e-9)) ?? 10;
  return step * magnitude;
}

const formatTick = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(2)).toString();

/** SVG path commands for one series: a new segment after every missing value. */
function pathOf(values: readonly (number | null)[], x: (index: number) => number, y: (value: number) => number): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)} `;
    drawing = true;
  });
  return path.trim();
}

export function timeSeriesLine(chart: TimeSeriesChart): SVGTemplateResult {
  const { times, series, unit, windowMs = 60_000 } = chart;
  const now = times.at(-1) ?? 0;
  const finite = series.flatMap((each) => each.values.filter((value): value is number => value !== null && Number.isFinite(value)));
  const top = niceCeiling(Math.max(0, ...finite));
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const x = (index: number) => pad.left + plotWidth * (1 - Math.min(1, Math.max(0, (now - (times[index] ?? now)) / windowMs)));
  const y = (value: number) => pad.top + plotHeight * (1 - Math.min(value, top) / top);
  const half = top / 2;
  return svg`
    <svg class="time-series" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label=${chart.label}>
      <line x1=${pad.left} x2=${width - pad.right} y1=${y(0)} y2=${y(0)} class="axis"></line>
      <line x1=${pad.left} x2=${width - pad.right} y1=${y(half)} y2=${y(half)} class="grid"></line>
      <line x1=${pad.left} x2=${width - pad.right} y1=${y(top)} y2=${y(top)} class="grid"></line>
      <line x1=${pad.left} x2=${pad.left} y1=${pad.top} y2=${y(0)} class="axis"></line>
      <text x=${pad.left - 6} y=${y(top) + 4} text-anchor="end" class="tick">${formatTick(top)}</text>
      <text x=${pad.left} y=${pad.top - 10} text-anchor="start" class="tick unit">${unit}</text>
      <text x=${pad.left - 6} y=${y(half) + 4} text-anchor="end" class="tick">${formatTick(half)}</text>
      <text x=${pad.left - 6} y=${y(0) + 4} text-anchor="end" class="tick">0</text>
      <text x=${pad.left} y=${height - 6} text-anchor="start" class="tick">−${Math.round(windowMs / 1000)} s</text>
      <text x=${pad.left + plotWidth / 2} y=${height - 6} text-anchor="middle" class="tick">−${Math.round(windowMs / 2000)} s</text>
      <text x=${width - pad.right} y=${height - 6} text-anchor="end" class="tick">now</text>
      ${series.map((each, index) => svg`<path d=${pathOf(each.values, x, y)} class="series series-${index + 1}"></path>`)}
    </svg>`;
}

/**
 * A sample of series `index`'s line (its colour and dash), for a legend beside the chart. Decorative: the legend's
 * text names the series.
 */
export function seriesSwatch(index: number): TemplateResult {
  return html`<svg class="swatch" viewBox="0 0 28 8" width="28" height="8" aria-hidden="true">
    <line x1="0" x2="28" y1="4" y2="4" class="series series-${index + 1}"></line>
  </svg>`;
}

/** The chart's look; a host that draws `timeSeriesLine` adds this to its styles. */
export const timeSeriesChartStyles = css`
  svg.time-series {
    display: block;
    max-width: 100%;
  }
  svg.time-series text {
    fill: var(--wb-color-muted);
    font-size: 0.75rem;
  }
  svg .axis {
    stroke: var(--wb-color-border);
  }
  svg .grid {
    stroke: var(--wb-color-border);
    stroke-dasharray: 2 4;
  }
  svg .series {
    fill: none;
    stroke-width: 2;
    stroke-linejoin: round;
  }
  svg .series-1 {
    stroke: var(--wb-color-accent);
  }
  svg .series-2 {
    stroke: var(--wb-color-warning);
    stroke-dasharray: 6 3;
  }
  svg .series-3 {
    stroke: var(--wb-color-danger);
    stroke-dasharray: 2 3;
  }
`;
