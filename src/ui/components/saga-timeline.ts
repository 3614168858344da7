import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SagaTimelineEntry, SagaView } from '../../sagas/types';
import { orderStreamId } from '../../domain/order/types';
import { routeHref } from '../controllers/hashRouteController';
import { stepLabel } from '../saga/stepLabels';
import { elapsedLabel, layoutTimeline, type TimelineLane, type TimelineOutcome } from '../saga/timelineLayout';
import { tableStyles } from '../styles/tableStyles';
import { sagaPanelStyles, sagaStatusStyles } from './saga-styles';

const symbols: Record<TimelineOutcome, string> = { started: '▸', retrying: '↻', succeeded: '✓', failed: '✕' };

/**
 * One saga drawn over time: a lane per step, a bar from when it started to how it ended, a mark per entry; the
 * compensations below, in the order they undo. The picture is for the eye; the table under it says the same in words.
 */
@customElement('saga-timeline')
export class SagaTimeline extends LitElement {
  static override styles = [
    ...sagaPanelStyles,
    sagaStatusStyles,
    tableStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-1) var(--wb-space-3);
        align-items: baseline;
        margin-bottom: var(--wb-space-2);
      }
      header h3 {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .reason {
        color: var(--wb-color-danger);
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-3);
      }
      .chart-scroll {
        overflow-x: auto;
        margin: var(--wb-space-2) 0;
      }
      .chart {
        display: grid;
        /* A filler column after the entries' columns carries the lanes' tracks to the panel's edge. */
        grid-template-columns: 11rem repeat(var(--columns), minmax(2rem, 4.5rem)) minmax(0, 1fr);
        grid-auto-rows: minmax(2.2rem, auto);
        align-items: center;
        min-width: min-content;
      }
      .tick {
        grid-row: 1;
        font-size: 0.75rem;
        color: var(--wb-color-muted);
        text-align: center;
        white-space: nowrap;
        align-self: end;
      }
      .lane-label {
        grid-column: 1;
        padding-right: var(--wb-space-2);
        font-size: 0.9rem;
        line-height: 1.2;
      }
      .lane-label small {
        display: block;
        color: var(--wb-color-muted);
        font-size: 0.75rem;
      }
      .lane-label.not-run {
        color: var(--wb-color-muted);
      }
      .track {
        grid-column: 2 / -1;
        height: 100%;
        border-top: 1px dashed var(--wb-color-border);
        align-self: stretch;
      }
      .track.not-run {
        display: flex;
        align-items: center;
        padding-left: var(--wb-space-2);
        color: var(--wb-color-muted);
        font-size: 0.8rem;
        font-style: italic;
      }
      .bar {
        height: 1.4rem;
        border-radius: 0.7rem;
        margin: 0 0.3rem;
        background: var(--wb-color-accent-bg);
        border: 2px solid var(--wb-color-accent);
        box-sizing: border-box;
      }
      .bar.failed {
        background: var(--wb-color-danger-bg);
        border-color: var(--wb-color-danger);
      }
      .bar.running {
        border-style: dotted;
      }
      .compensation .bar,
      .bar.compensation {
        background: var(--wb-color-warning-bg);
        border-color: var(--wb-color-warning);
        border-style: dashed;
      }
      .mark {
        justify-self: center;
        width: 1.4rem;
        height: 1.4rem;
        line-height: 1.4rem;
        border-radius: 50%;
        text-align: center;
        font-size: 0.85rem;
        font-weight: 700;
        background: var(--wb-color-surface);
        border: 2px solid currentColor;
        box-sizing: border-box;
      }
      .mark.started {
        color: var(--wb-color-accent);
      }
      .mark.retrying {
        color: var(--wb-color-warning);
      }
      .mark.succeeded {
        color: var(--wb-color-success);
      }
      .mark.failed {
        color: var(--wb-color-danger);
      }
      .divider {
        grid-column: 1 / -1;
        margin-top: var(--wb-space-2);
        padding-top: var(--wb-space-1);
        border-top: 2px solid var(--wb-color-warning);
        color: var(--wb-color-warning);
        font-size: 0.85rem;
        font-weight: 600;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-1) var(--wb-space-3);
        font-size: 0.8rem;
        color: var(--wb-color-muted);
        margin: 0 0 var(--wb-space-3);
        padding: 0;
        list-style: none;
      }
      .legend .mark {
        display: inline-block;
        width: 1.1rem;
        height: 1.1rem;
        line-height: 0.9rem;
        font-size: 0.7rem;
        margin-right: var(--wb-space-1);
        vertical-align: middle;
      }
      .legend .swatch {
        display: inline-block;
        width: 1.6rem;
        height: 0.8rem;
        margin: 0 var(--wb-space-1) 0 0;
        vertical-align: middle;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: var(--wb-space-1);
      }
      td.time {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      td.compensation {
        color: var(--wb-color-warning);
      }
    `,
  ];

  @property({ attribute: false }) saga: SagaView | undefined;

  override render(): TemplateResult {
    const saga = this.saga;
    if (saga === undefined) {
      return html`<section class="panel"><h3>Timeline</h3><p class="note">Choose a saga to see its timeline.</p></section>`;
    }
    return html`<section class="panel" aria-labelledby="saga-timeline-title">
      <header>
        <h3 id="saga-timeline-title">Timeline of order ${saga.orderId}</h3>
        <span class="status ${saga.status}">${saga.status}</span>
      </header>
      ${saga.failureReason === null ? nothing : html`<p class="reason">Why it compensated: ${saga.failureReason}</p>`}
      ${saga.cancellationReason === null
        ? nothing
        : html`<p>
            Cancelled by a person after the saga confirmed it: ${saga.cancellationReason}.
            ${saga.status === 'cancelled'
              ? 'The payment was refunded and the stock released afterwards.'
              : 'Refunding the payment and releasing the stock now.'}
          </p>`}
      <p class="links">
        <a href=${routeHref('trace', saga.correlationId)}>Follow it in the trace</a>
        <a href=${routeHref('time-travel', orderStreamId(saga.orderId))}>See the order’s events in time travel</a>
      </p>
      ${this.renderChart(saga)} ${this.renderLegend()} ${this.renderTable(saga)}
    </section>`;
  }

  private renderChart(saga: SagaView): TemplateResult {
    const layout = layoutTimeline(saga);
    const columns = Math.max(layout.columns.length, 1);
    let row = 1;
    const lanes = (list: readonly TimelineLane[]) =>
      list.map((lane) => {
        row += 1;
        return this.renderLane(lane, row);
      });
    const forward = lanes(layout.forwardLanes);
    let divider: TemplateResult | typeof nothing = nothing;
    if (layout.compensationLanes.length > 0) {
      row += 1;
      divider = html`<div class="divider" style=${`grid-row:${row}`}>↩ Compensation: undoing the done steps, newest first</div>`;
    }
    const backward = lanes(layout.compensationLanes);
    return html`<div class="chart-scroll">
      <div class="chart" style=${`--columns:${columns}`} role="img" aria-label=${summaryOf(saga, layout.forwardLanes, layout.compensationLanes)}>
        ${layout.columns.map((column) => html`<span class="tick" style=${`grid-column:${column.column + 1}`}>${column.elapsed ?? ''}</span>`)}
        ${forward} ${divider} ${backward}
      </div>
    </div>`;
  }

  private renderLane(lane: TimelineLane, row: number): TemplateResult {
    const notRun = lane.span === null;
    const label = html`<div class="lane-label ${notRun ? 'not-run' : ''}" style=${`grid-row:${row}`}>
      ${lane.kind === 'compensation' ? '↩ ' : ''}${lane.label}
      ${lane.undoes === null ? nothing : html`<small>undoes ${stepLabel(lane.undoes)}</small>`}
    </div>`;
    if (lane.span === null) {
      return html`${label}<div class="track not-run" style=${`grid-row:${row}`}>${idleWords(lane)}</div>`;
    }
    return html`${label}<div class="track" style=${`grid-row:${row}`}></div>
      <div class="bar ${lane.result} ${lane.kind}" style=${`grid-row:${row};grid-column:${lane.span.from + 1} / ${lane.span.to + 2}`}></div>
      ${lane.marks.map(
        (mark) => html`<span class="mark ${mark.outcome}" style=${`grid-row:${row};grid-column:${mark.column + 1}`}>${symbols[mark.outcome]}</span>`,
      )}`;
  }

  private renderLegend(): TemplateResult {
    return html`<ul class="legend" aria-hidden="true">
      ${(['started', 'retrying', 'succeeded', 'failed'] as const).map(
        (outcome) => html`<li><span class="mark ${outcome}">${symbols[outcome]}</span>${outcome}</li>`,
      )}
      <li><span class="swatch bar step"></span>step</li>
      <li><span class="swatch bar compensation"></span>compensation</li>
    </ul>`;
  }

  private renderTable(saga: SagaView): TemplateResult {
    const entries = [...saga.timeline].sort((a, b) => a.globalPosition - b.globalPosition);
    const firstAt = Date.parse(entries[0]?.at ?? saga.startedAt);
    return html`<table>
      <caption>Step by step</caption>
      <thead>
        <tr><th scope="col">Time</th><th scope="col">Step</th><th scope="col">Outcome</th><th scope="col">What happened</th></tr>
      </thead>
      <tbody>
        ${entries.map((entry) => this.renderRow(entry, firstAt))}
      </tbody>
    </table>`;
  }

  private renderRow(entry: SagaTimelineEntry, firstAt: number): TemplateResult {
    const compensation = entry.kind === 'compensation';
    return html`<tr>
      <td class="time">${elapsedLabel(Date.parse(entry.at) - firstAt)}</td>
      <td class=${compensation ? 'compensation' : ''}>${stepLabel(entry.step)}${compensation ? ' (compensation)' : ''}</td>
      <td>${entry.outcome}</td>
      <td>${entry.detail}</td>
    </tr>`;
  }
}

/** What an empty lane says: the saga may still get to it, or it was cut off, or there was nothing to undo. */
function idleWords(lane: TimelineLane): string {
  if (lane.result === 'notYet') return 'not yet';
  return lane.kind === 'compensation' ? 'not needed' : 'not run';
}

function summaryOf(saga: SagaView, forward: readonly TimelineLane[], backward: readonly TimelineLane[]): string {
  const said = [...forward, ...backward]
    .filter((lane) => lane.span !== null)
    .map((lane) => `${lane.label} ${lane.result}`);
  return `Timeline of order ${saga.orderId}, ${saga.status}: ${said.join(', ')}. The table below lists every entry.`;
}

declare global {
  interface HTMLElementTagNameMap {
    'saga-timeline': SagaTimeline;
  }
}
