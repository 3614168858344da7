import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { seriesSwatch, timeSeriesChartStyles, timeSeriesLine, type TimeSeries } from '../charts/timeSeriesLine';
import { cardHostStyles } from '../styles/cardStyles';
import { tableStyles } from '../styles/tableStyles';

/** A series of the chart and its value now, as the text beside the chart reads it. */
export type ChartSeries = TimeSeries & { readonly now: string };

/**
 * One live chart of the metrics screen: a heading, the last minute drawn as lines, and a small table of the values
 * now, which is the chart's text equivalent (and its legend: each row starts with its line's colour and dash).
 */
@customElement('metrics-chart-card')
export class MetricsChartCard extends LitElement {
  static override styles = [
    cardHostStyles,
    tableStyles,
    timeSeriesChartStyles,
    css`
      :host {
        padding: var(--wb-space-3) var(--wb-space-4);
        display: grid;
        gap: var(--wb-space-2);
        align-content: start;
        min-width: 0;
      }
      h3 {
        font-size: 1.1rem;
        margin: 0;
      }
      table {
        width: auto;
        min-width: 14rem;
      }
      th[scope='row'] {
        font-weight: 400;
        white-space: nowrap;
      }
      .swatch {
        margin-right: var(--wb-space-2);
        vertical-align: middle;
      }
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
        white-space: nowrap;
      }
    `,
  ];

  @property() heading = '';
  /** The y axis' unit, e.g. "ms". */
  @property() unit = '';
  @property({ attribute: false }) times: readonly number[] = [];
  @property({ attribute: false }) series: readonly ChartSeries[] = [];

  override render(): TemplateResult {
    return html`
      <h3 id="heading">${this.heading}</h3>
      ${timeSeriesLine({ label: `${this.heading}, last minute`, times: this.times, series: this.series, unit: this.unit })}
      <table aria-label="${this.heading} now">
        <tbody>
          ${this.series.map(
            (each, index) => html`<tr>
              <th scope="row">${seriesSwatch(index)}${each.name}</th>
              <td>${each.now}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metrics-chart-card': MetricsChartCard;
  }
}
