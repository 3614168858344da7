import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatSeconds } from '../../simulator/metrics/format';
import type { ProjectionLag } from '../../simulator/metrics/types';
import { scrollableTableStyles, tableStyles } from '../styles/tableStyles';

/** The Simulator's projection panel says the same words for the same states: a projection is "caught up". */
const stateNames: Readonly<Record<ProjectionLag['state'], string>> = {
  idle: 'caught up',
  catchingUp: 'catching up',
  paused: 'paused',
  faulted: 'faulted',
  rebuilding: 'rebuilding',
};

/** Each projection's lag: in events (work left) and in time (how stale its read model is). */
@customElement('metrics-projection-table')
export class MetricsProjectionTable extends LitElement {
  static override styles = [
    tableStyles,
    scrollableTableStyles,
    css`
      :host {
        display: block;
      }
      td.number,
      th.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      tr.behind > * {
        color: var(--wb-color-warning);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) projections: readonly ProjectionLag[] = [];

  override render(): TemplateResult {
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Projection lag, scrollable"><table aria-label="Projection lag">
      <thead>
        <tr>
          <th scope="col">Projection</th>
          <th scope="col">State</th>
          <th scope="col" class="number">Checkpoint</th>
          <th scope="col" class="number">Head</th>
          <th scope="col" class="number">Lag (events)</th>
          <th scope="col" class="number">Lag (time)</th>
        </tr>
      </thead>
      <tbody>
        ${this.projections.map(
          (projection) => html`<tr class=${projection.lag > 0 ? 'behind' : ''}>
            <th scope="row">${projection.name}</th>
            <td>${stateNames[projection.state]}</td>
            <td class="number">${projection.checkpoint}</td>
            <td class="number">${projection.head}</td>
            <td class="number">${projection.lag}</td>
            <td class="number">${formatSeconds(projection.lagSeconds)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metrics-projection-table': MetricsProjectionTable;
  }
}
