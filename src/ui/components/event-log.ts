import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Simulator } from '../../simulator/types';
import type { RecordedEvent } from '../../eventStore/types';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { panelStyles } from '../styles/theme';

/**
 * The event log, newest first, live: every append (in this tab or another) shows up without a reload.
 * Event data is shown only through Lit text bindings, so whatever a person typed into a command stays text.
 */
@customElement('event-log')
export class EventLog extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      table {
        width: 100%;
        /* Fixed columns: opening one envelope must not make the other columns jump. */
        table-layout: fixed;
        border-collapse: collapse;
        font-size: 0.9rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: var(--wb-space-2);
        border-bottom: 1px solid var(--wb-color-border);
      }
      th {
        color: var(--wb-color-muted);
        font-weight: 600;
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .position {
        font-variant-numeric: tabular-nums;
      }
      col.position {
        width: 5.5rem;
      }
      col.stream {
        width: 20%;
      }
      col.type {
        width: 10.5rem;
      }
      .stream,
      .type {
        font-family: var(--wb-font-mono);
        overflow-wrap: anywhere;
      }
      summary {
        cursor: pointer;
        color: var(--wb-color-accent);
      }
      pre {
        margin: var(--wb-space-2) 0 0;
        padding: var(--wb-space-2);
        background: var(--wb-color-bg);
        border-radius: var(--wb-radius);
        font-family: var(--wb-font-mono);
        font-size: 0.75rem;
        /* Keep the JSON's indentation readable: scroll a long line rather than break it mid-token. */
        white-space: pre;
        overflow-x: auto;
      }
      .empty,
      .note {
        color: var(--wb-color-muted);
      }
      .error {
        color: var(--wb-color-danger);
      }
    `,
  ];

  /** How many of the newest events to show; the log can hold far more than a page should render. */
  @property({ type: Number }) limit = 50;

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: Simulator | undefined;

  private readonly changes = new SimulatorChangesController(this, () => this.simulator);

  private readonly events = new Task(this, {
    task: async ([simulator, limit]) => (simulator === undefined ? [] : simulator.latestEvents(limit)),
    args: () => [this.simulator, this.limit, this.changes.revision] as const,
  });

  override render(): TemplateResult {
    return html`
      <section class="panel" aria-labelledby="event-log-title">
        <h3 id="event-log-title">Event log</h3>
        ${this.events.render({
          // Keep showing the previous rows while a refresh runs, so the table does not flicker on every append.
          pending: () => (this.events.value === undefined ? html`<p class="note">Loading events…</p>` : this.renderTable(this.events.value)),
          complete: (events) => this.renderTable(events),
          error: (error) => html`<p class="error" role="alert">The event log could not be read: ${String(error)}</p>`,
        })}
      </section>
    `;
  }

  private renderTable(events: readonly RecordedEvent[]): TemplateResult {
    if (events.length === 0) {
      return html`<p class="empty">No events yet. Place an order and its OrderPlaced event appears here.</p>`;
    }
    return html`
      <table aria-labelledby="event-log-title">
        <colgroup>
          <col class="position" />
          <col class="stream" />
          <col class="type" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Position</th>
            <th scope="col">Stream</th>
            <th scope="col">Type</th>
            <th scope="col">Envelope</th>
          </tr>
        </thead>
        <tbody>
          ${events.map(
            (event) => html`<tr>
              <td class="position">${event.globalPosition}</td>
              <td class="stream">${event.streamId}</td>
              <td class="type">${event.type}</td>
              <td>
                <details>
                  <summary>JSON</summary>
                  <pre>${JSON.stringify(event, null, 2)}</pre>
                </details>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${events.length === this.limit ? html`<p class="note">Showing the newest ${this.limit} events.</p>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'event-log': EventLog;
  }
}
