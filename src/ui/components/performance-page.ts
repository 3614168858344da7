import { LitElement, css, html, nothing } from 'lit';
import { primaryButtonStyles } from '../styles/controlStyles';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { meetsTarget, targetLabel, type BenchResult } from '../../performance/benchResult';
import type { BenchScale, BrowserBenchProgress, BrowserBenchReport } from '../../performance/browserBenchmarks';
import { ratioBars } from '../charts/ratioBars';
import { growthLine } from '../charts/growthLine';
import { panelStyles } from '../styles/theme';
import { pageHeadingStyles } from '../styles/pageStyles';
import { tableStyles } from '../styles/tableStyles';

/**
 * The browser benchmarks, run live in this tab on real IndexedDB, with the same code `npm run bench` runs in
 * Chromium. Why it is here: speed is part of what the workbook teaches (why snapshots, why projections), and a
 * number measured on the student's own machine persuades more than one in a README.
 */
@customElement('performance-page')
export class PerformancePage extends LitElement {
  static override styles = [
    panelStyles,
    pageHeadingStyles,
    tableStyles,
    css`
      :host {
        display: grid;
        /* minmax(0, …): the results table scrolls inside its panel instead of widening the page past the window
           (large text on a 1024-pixel screen). */
        grid-template-columns: minmax(0, 1fr);
        gap: var(--wb-space-4);
      }
      .table-scroll {
        overflow-x: auto;
      }
      .table-scroll:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      p {
        margin: 0 0 var(--wb-space-2);
        max-width: 48rem;
        line-height: 1.5;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-3);
        align-items: end;
      }
      label {
        display: grid;
        gap: var(--wb-space-1);
        font-size: 0.9rem;
      }
      select,
      button {
        font: inherit;
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
        border: 1px solid var(--wb-color-control-border);
        background: var(--wb-color-surface);
        color: var(--wb-color-text);
      }
      ${primaryButtonStyles}
      button.primary {
        font-weight: 600;
        padding: var(--wb-space-2) var(--wb-space-4);
        cursor: pointer;
      }
      button:disabled {
        opacity: 0.6;
      }
      select:focus-visible,
      button:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .progress {
        display: grid;
        gap: var(--wb-space-1);
        min-width: 18rem;
      }
      progress {
        width: 100%;
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .met {
        color: var(--wb-color-success);
      }
      .missed {
        color: var(--wb-color-danger);
      }
      .error {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
        padding: var(--wb-space-2);
        border-radius: var(--wb-radius);
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: var(--wb-space-4);
      }
      svg text {
        fill: var(--wb-color-text);
        font-size: 0.6875rem;
      }
      svg .tick {
        fill: var(--wb-color-muted);
      }
      svg .axis {
        stroke: var(--wb-color-border);
      }
      svg .axis.one {
        stroke: var(--wb-color-muted);
        stroke-dasharray: 3 3;
      }
      svg .bar {
        fill: var(--wb-color-accent);
      }
      svg .bar.met {
        fill: var(--wb-color-success);
      }
      svg .bar.missed {
        fill: var(--wb-color-danger);
      }
      svg .target {
        stroke: var(--wb-color-text);
        stroke-width: 2;
      }
      svg .line {
        fill: none;
        stroke: var(--wb-color-accent);
        stroke-width: 2;
      }
      svg .point {
        fill: var(--wb-color-accent);
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @state() private scale: BenchScale = 'quick';
  @state() private progress: BrowserBenchProgress | undefined;
  @state() private report: BrowserBenchReport | undefined;
  @state() private failure: string | undefined;
  @state() private startedAt = 0;
  @state() private elapsedMs = 0;

  private abort: AbortController | undefined;

  private async run(): Promise<void> {
    this.abort = new AbortController();
    this.failure = undefined;
    this.report = undefined;
    this.startedAt = performance.now();
    this.progress = { step: 'starting', done: 0, total: 1 };
    try {
      // Loaded on demand: the benchmark code is only needed by the people who press Run.
      const { runBrowserBenchmarks } = await import('../../performance/browserBenchmarks');
      this.report = await runBrowserBenchmarks(
        this.scale,
        (progress) => {
          this.progress = progress;
          this.elapsedMs = performance.now() - this.startedAt;
        },
        this.abort.signal,
      );
    } catch (error) {
      this.failure = this.abort.signal.aborted
        ? 'Cancelled: no results were kept.'
        : `The benchmarks stopped: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.elapsedMs = performance.now() - this.startedAt;
      this.progress = undefined;
    }
  }

  override render(): TemplateResult {
    const running = this.progress !== undefined;
    return html`
      <h2>Performance</h2>
      <section class="panel" aria-labelledby="perf-what">
        <h3 id="perf-what">What is measured, and against what</h3>
        <p>
          Each figure is measured here, in this browser's IndexedDB, next to a baseline measured in the same run on
          the same data: a raw <code>bulkAdd</code> for appends, a bare cursor read for projection rebuilds, a full
          replay for snapshots. The ratio is what counts; absolute times depend on the machine.
        </p>
        <p>
          The benchmarks write to throw-away databases, deleted afterwards: your events are not touched. The Node
          figures (the memory store against Emmett, up to 1,000,000 events) come from <code>npm run bench</code>.
        </p>
        <div class="controls">
          <label>
            Size
            <select .value=${this.scale} ?disabled=${running} @change=${(e: Event) => (this.scale = (e.target as HTMLSelectElement).value as BenchScale)}>
              <option value="glance">Glance (2,000 events, a few seconds, rough figures)</option>
              <option value="quick">Quick (20,000 events, about a minute)</option>
              <option value="full">Full (100,000 events, several minutes)</option>
            </select>
          </label>
          <button type="button" class="primary" ?disabled=${running} @click=${() => void this.run()}>Run benchmarks</button>
          ${running
            ? html`<div class="progress">
                <label for="perf-progress">Running: ${this.progress?.step} (${this.progress?.done} of ${this.progress?.total})</label>
                <progress id="perf-progress" max=${this.progress?.total ?? 1} value=${this.progress?.done ?? 0}></progress>
              </div>
              <button type="button" @click=${() => this.abort?.abort()}>Cancel</button>`
            : nothing}
        </div>
        ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      </section>
      ${this.report ? this.renderReport(this.report) : nothing}
    `;
  }

  private renderReport(report: BrowserBenchReport): TemplateResult {
    return html`
      <section class="panel" aria-labelledby="perf-results">
        <h3 id="perf-results">Results</h3>
        <p role="status">Finished in ${(this.elapsedMs / 1000).toFixed(1)} s.</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Benchmark results table">
          <table>
            <thead>
              <tr><th scope="col">Measured</th><th scope="col">Value</th><th scope="col">Baseline (same run)</th><th scope="col">Ratio</th><th scope="col">Target</th></tr>
            </thead>
            <tbody>
              ${report.results.map((result) => this.renderRow(result))}
            </tbody>
          </table>
        </div>
      </section>
      <div class="charts">
        <section class="panel" aria-labelledby="perf-ratios">
          <h3 id="perf-ratios">Ratio to baseline</h3>
          ${ratioBars(report.results)}
        </section>
        <section class="panel" aria-labelledby="perf-growth">
          <h3 id="perf-growth">Cost per command as the store grows</h3>
          ${growthLine(report.growth)}
        </section>
      </div>
    `;
  }

  private renderRow(result: BenchResult): TemplateResult {
    const met = meetsTarget(result);
    const format = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2));
    return html`<tr>
      <td>${result.name}</td>
      <td class="number">${format(result.value)} ${result.unit}</td>
      <td>${result.baselineName}: ${format(result.baseline)} ${result.unit}</td>
      <td class="number">${result.ratio.toFixed(2)}×</td>
      <td class=${met === null ? '' : met ? 'met' : 'missed'}>${targetLabel(result)}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'performance-page': PerformancePage;
  }
}
