import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RehydrationMeasurement, SnapshotInterval } from '../../simulator/replay/snapshotBenchmark';

/** How the headline names a policy: "Snapshot every 1,000 events". */
export const intervalLabel = (interval: SnapshotInterval): string =>
  interval === 'none' ? 'No snapshots (full replay)' : `Snapshot every ${interval.toLocaleString('en')} events`;

/** The same, short enough for a table row on a projector. */
const rowLabel = (interval: SnapshotInterval): string =>
  interval === 'none' ? 'None (full replay)' : `Every ${interval.toLocaleString('en')} events`;

/**
 * The snapshot benchmark as a table with bars: per policy, the events `rehydrate` read and its median time, each
 * bar scaled to the longest in its column. A table, so a screen reader reads the same numbers the bars draw.
 */
@customElement('snapshot-bar-chart')
export class SnapshotBarChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    caption {
      text-align: left;
      font-weight: 700;
      padding-bottom: var(--wb-space-2);
    }
    th,
    td {
      text-align: left;
      white-space: nowrap;
      padding: var(--wb-space-2);
      border-bottom: 1px solid var(--wb-color-border);
      vertical-align: middle;
    }
    thead th {
      color: var(--wb-color-muted);
      font-weight: 600;
      font-size: 0.9rem;
    }
    tr.selected th,
    tr.selected td {
      background: var(--wb-color-accent-bg);
    }
    tr.selected th {
      box-shadow: inset 4px 0 0 var(--wb-color-accent);
    }
    .bar-cell {
      width: 32%;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: var(--wb-space-2);
    }
    .bar span.fill {
      display: block;
      height: 1.2rem;
      min-width: 2px;
      border-radius: 3px;
      background: var(--wb-color-accent);
    }
    .bar.time span.fill {
      background: var(--wb-color-warning);
    }
    .bar .value {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    .muted {
      color: var(--wb-color-muted);
      font-size: 0.9rem;
    }
  `;

  @property({ attribute: false }) measurements: readonly RehydrationMeasurement[] = [];
  /** The interval the page talks about: its row is highlighted. */
  @property({ attribute: false }) selected: SnapshotInterval | undefined;

  override render(): TemplateResult {
    const mostEvents = Math.max(1, ...this.measurements.map((m) => m.eventsRead));
    const longest = Math.max(0.001, ...this.measurements.map((m) => m.medianMs));
    return html`<table>
      <caption>Cost of rebuilding the cart, by snapshot policy</caption>
      <thead>
        <tr>
          <th scope="col">Snapshot policy</th>
          <th scope="col">Snapshot at</th>
          <th scope="col">Events read</th>
          <th scope="col">Median time</th>
          <th scope="col">Snapshots written</th>
        </tr>
      </thead>
      <tbody>
        ${this.measurements.map(
          (m) => html`<tr class=${m.interval === this.selected ? 'selected' : ''}>
            <th scope="row">${rowLabel(m.interval)}</th>
            <td class="num">${m.snapshotAt === null ? html`<span class="muted">none</span>` : `event ${m.snapshotAt.toLocaleString('en')}`}</td>
            <td class="bar-cell">
              <div class="bar">
                <span class="fill" style="width:${(70 * m.eventsRead) / mostEvents}%"></span>
                <span class="value">${m.eventsRead.toLocaleString('en')}</span>
              </div>
            </td>
            <td class="bar-cell">
              <div class="bar time">
                <span class="fill" style="width:${(70 * m.medianMs) / longest}%"></span>
                <span class="value">${formatMs(m.medianMs)}</span>
              </div>
            </td>
            <td class="num">${m.snapshotsWritten.toLocaleString('en')}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}

declare global {
  interface HTMLElementTagNameMap {
    'snapshot-bar-chart': SnapshotBarChart;
  }
}
