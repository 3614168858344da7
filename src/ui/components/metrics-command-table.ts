import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMilliseconds } from '../../simulator/metrics/format';
import type { CommandLatencyReport, LatencySummary } from '../../simulator/metrics/types';
import { scrollableTableStyles, tableStyles } from '../styles/tableStyles';

/** Command latency overall and per command type: how many ran, how many were refused, and the percentiles. */
@customElement('metrics-command-table')
export class MetricsCommandTable extends LitElement {
  static override styles = [
    tableStyles,
    scrollableTableStyles,
    css`
      :host {
        display: block;
      }
      td,
      thead th:not(:first-child) {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      tr.overall > * {
        font-weight: 700;
      }
      p {
        margin: 0;
        color: var(--wb-color-muted);
      }
    `,
  ];

  @property({ attribute: false }) report: CommandLatencyReport | undefined;

  override render(): TemplateResult | typeof nothing {
    const report = this.report;
    if (report === undefined) return nothing;
    if (report.overall.count === 0) return html`<p>No command has run since the app opened. Generate load, or send commands from any screen.</p>`;
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Command latency by command, scrollable"><table aria-label="Command latency by command">
      <thead>
        <tr>
          <th scope="col">Command</th>
          <th scope="col">Count</th>
          <th scope="col">Errors</th>
          <th scope="col">p50</th>
          <th scope="col">p95</th>
          <th scope="col">p99</th>
        </tr>
      </thead>
      <tbody>
        ${this.row('All commands', report.overall, 'overall')}
        ${report.byCommand.map((entry) => this.row(entry.command, entry))}
      </tbody>
    </table></div>`;
  }

  private row(name: string, summary: LatencySummary, className = ''): TemplateResult {
    return html`<tr class=${className}>
      <th scope="row">${name}</th>
      <td>${summary.count}</td>
      <td>${summary.errors}</td>
      <td>${formatMilliseconds(summary.percentiles?.p50)}</td>
      <td>${formatMilliseconds(summary.percentiles?.p95)}</td>
      <td>${formatMilliseconds(summary.percentiles?.p99)}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metrics-command-table': MetricsCommandTable;
  }
}
