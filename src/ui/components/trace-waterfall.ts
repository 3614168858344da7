import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { formatOffset } from '../../simulator/trace/formatTime';
import type { Waterfall } from '../../simulator/trace/waterfall';
import { tableStyles } from '../styles/tableStyles';
import { serviceColourStyles } from './trace-styles';
import { laneClass, wrappableType } from './trace-tree';

/** Three labels fit the narrowest track (large text at 1024 px); the gridlines mark quarters. */
const ticks = [0, 0.5, 1] as const;

/** The trace on a time axis, one lane per service: each bar runs from its cause to the event. */
@customElement('trace-waterfall')
export class TraceWaterfall extends LitElement {
  static override styles = [
    tableStyles,
    serviceColourStyles,
    css`
      :host {
        display: block;
        min-width: 0;
        overflow-x: auto;
      }
      table {
        table-layout: fixed;
        min-width: 24rem;
      }
      /* Text in one column, so the time axis keeps most of the width, with large text too. */
      col.event {
        width: 45%;
      }
      th.lane {
        background: var(--wb-color-surface-2);
        border-left: 0.3rem solid var(--lane);
        text-transform: capitalize;
      }
      .axis {
        position: relative;
        height: 1.2rem;
        font-weight: 400;
        color: var(--wb-color-muted);
        font-size: 0.8rem;
      }
      .axis span {
        position: absolute;
        top: 0;
        transform: translateX(-50%);
        white-space: nowrap;
      }
      .axis span:first-child {
        transform: none;
      }
      .axis span:last-child {
        transform: translateX(-100%);
      }
      /* "all in the same millisecond" is first and last at once: it starts at the axis, not left of it. */
      .axis span:only-child {
        transform: none;
      }
      /* Event types break only when one cannot fit the column at all ("SagaStepSucceeded" in large text). */
      .type {
        font-weight: 600;
        overflow-wrap: break-word;
      }
      .where {
        display: block;
        color: var(--wb-color-muted);
        font-family: var(--wb-font-mono);
        font-size: 0.8rem;
        overflow-wrap: anywhere;
      }
      .when {
        display: block;
        font-size: 0.85rem;
      }
      .track {
        position: relative;
        height: 1.1rem;
        margin-top: 0.2rem;
        background: repeating-linear-gradient(
          to right,
          var(--wb-color-border) 0 1px,
          transparent 1px 25%
        );
      }
      .bar {
        position: absolute;
        top: 0.15rem;
        bottom: 0.15rem;
        min-width: 0.4rem;
        border-radius: 0.2rem;
        background: var(--lane);
      }
    `,
  ];

  @property({ attribute: false }) waterfall: Waterfall | undefined;

  override render(): TemplateResult | typeof nothing {
    const waterfall = this.waterfall;
    if (waterfall === undefined) return nothing;
    const span = waterfall.durationMs;
    const percent = (ms: number): number => (span === 0 ? 0 : (ms / span) * 100);
    return html`<table aria-label="Timeline">
      <colgroup><col class="event" /><col /></colgroup>
      <thead>
        <tr>
          <th scope="col">Event (from its cause to it)</th>
          <th scope="col">
            <div class="axis" aria-label="Time axis, ${formatOffset(span)} in all">
              ${span === 0
                ? html`<span>all in the same millisecond</span>`
                : ticks.map((tick) => html`<span style=${styleMap({ left: `${tick * 100}%` })}>${formatOffset(tick * span)}</span>`)}
            </div>
          </th>
        </tr>
      </thead>
      ${waterfall.lanes.map(
        (lane) => html`<tbody class="lane-${laneClass(lane.service)}">
          <tr>
            <th class="lane" scope="rowgroup" colspan="2">${lane.service} service</th>
          </tr>
          ${lane.bars.map(
            (bar) => html`<tr>
              <td>
                <span class="type">${wrappableType(bar.event.type)}</span>
                <span class="where">${bar.event.streamId} #${bar.event.streamPosition}</span>
                <span class="when">${formatOffset(bar.startMs)} → ${formatOffset(bar.endMs)}</span>
              </td>
              <td>
                <div class="track" aria-hidden="true">
                  <span
                    class="bar"
                    style=${styleMap({
                      // A bar at the very end still shows its minimum width inside the track.
                      left: `min(${percent(bar.startMs)}%, calc(100% - 0.4rem))`,
                      width: `${percent(bar.endMs - bar.startMs)}%`,
                    })}
                  ></span>
                </div>
              </td>
            </tr>`,
          )}
        </tbody>`,
      )}
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trace-waterfall': TraceWaterfall;
  }
}
