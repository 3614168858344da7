import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { createCoalescedRefresh } from '../../simulator/coalescedRefresh';
import { orderStatuses } from '../../domain/order/types';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController, liveReadIntervalMs } from '../controllers/simulatorChangesController';
import { panelStyles } from '../styles/theme';
import { simulatorFormStyles } from '../styles/simulatorFormStyles';
import {
  missingParam,
  paramIssues,
  readModelQueries,
  readModelQueryOf,
  runReadModelQuery,
  type QueryName,
  type QueryParam,
  type QueryParamName,
  type QueryParams,
  type QueryTable,
} from '../forms/readModelViews';
import '../widgets/cut-text';
import { drawnCharacters } from '../widgets/cutText';
import { breakable } from '../widgets/breakableText';
import '../widgets/scroll-box';

/** The table on screen and how stale it is: the checkpoint its projection had reached when it was read. */
type Answer = {
  readonly query: QueryName;
  readonly params: QueryParams;
  readonly table: QueryTable;
  readonly checkpoint: number;
  readonly head: number;
};

/**
 * The query side, live: pick one of seed 002's queries (or seed 001's users), give its parameters, and watch the
 * table follow the projector. It reads only the read models, so with a projection delay set the table visibly lags
 * the event log; "as of checkpoint N" says by how much.
 */
@customElement('read-model-tables')
export class ReadModelTables extends LitElement {
  static override styles = [
    panelStyles,
    simulatorFormStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .params {
        display: flex;
        flex-wrap: wrap;
        /* A field with an error under it grows alone; its neighbours keep their height. */
        align-items: flex-start;
        gap: var(--wb-space-2) var(--wb-space-3);
        margin-bottom: var(--wb-space-3);
      }
      .params .field {
        flex: 1 1 8rem;
      }
      .params .field.query {
        flex-basis: 14rem;
      }
      .endpoint {
        margin: 0 0 var(--wb-space-2);
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        color: var(--wb-color-muted);
      }
      .as-of {
        margin: 0 0 var(--wb-space-2);
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
        font-size: 0.9rem;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.9rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: var(--wb-space-1) var(--wb-space-2);
        border-bottom: 1px solid var(--wb-color-border);
        /* Ids and emails wrap between their parts (breakable()), never letter by letter; what still does not fit
           scrolls sideways in its scroll-box, which says so. */
        overflow-wrap: normal;
      }
      th,
      td.number {
        white-space: nowrap;
      }
      th {
        color: var(--wb-color-muted);
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .note {
        margin: var(--wb-space-2) 0 0;
      }
    `,
  ];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private query: QueryName = 'listOrders';
  @state() private params: QueryParams = {};
  @state() private answer: Answer | null = null;
  @state() private error: string | null = null;

  private readonly changes = new SimulatorChangesController(this, () => this.simulator, { minIntervalMs: liveReadIntervalMs });
  /** What the last read was for: re-read only when the query, its parameters or its projection's checkpoint moved. */
  private readKey = '';
  private readonly refresh = createCoalescedRefresh(() => this.read());

  protected override updated(): void {
    void this.changes.revision;
    const key = this.keyOfNextRead();
    if (key !== null && key !== this.readKey) void this.refresh.request();
  }

  private checkpointOf(simulator: WorkbookSimulator, query: QueryName): { checkpoint: number; epoch: number; head: number } {
    const status = simulator.projector.getStatus();
    const projection = status.projections.find((candidate) => candidate.name === readModelQueryOf(query).projection);
    return { checkpoint: projection?.checkpoint ?? 0, epoch: projection?.epoch ?? 0, head: status.headPosition };
  }

  /**
   * The epoch is part of it: a rebuild ends at the checkpoint it began from, and with the screen's re-reads throttled
   * it may see only the end, a checkpoint equal to the one it last read, with other documents behind it.
   */
  private keyOfNextRead(): string | null {
    const simulator = this.simulator;
    if (simulator === undefined) return null;
    // While its read model is rebuilt the table holds what it showed (and says so): reading a half-built read model
    // after every batch showed nothing a person could use and held up the rebuild's own writes. It is read again
    // once the rebuild ends, at the new epoch.
    if (this.rebuilding(simulator, this.query) && this.answer?.query === this.query) return this.readKey;
    const { checkpoint, epoch } = this.checkpointOf(simulator, this.query);
    return JSON.stringify([this.query, this.params, epoch, checkpoint]);
  }

  private rebuilding(simulator: WorkbookSimulator, query: QueryName): boolean {
    const projection = readModelQueryOf(query).projection;
    return simulator.projector.getStatus().projections.some((status) => status.name === projection && status.status === 'rebuilding');
  }

  private lastReadAt = 0;

  private async read(): Promise<void> {
    // While a data set is seeded the checkpoint moves every batch; a list query over 100,000 documents is not free,
    // so reads start at most four times a second (the coalescing keeps the last one, so the table ends current).
    const wait = this.lastReadAt + 250 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastReadAt = performance.now();
    const simulator = this.simulator;
    const key = this.keyOfNextRead();
    if (simulator === undefined || key === null) return;
    const { query, params } = this;
    // The checkpoint is taken before reading: the table is at least this fresh (a batch may land during the read).
    const { checkpoint, head } = this.checkpointOf(simulator, query);
    this.readKey = key;
    try {
      const spec = readModelQueryOf(query);
      const table =
        missingParam(spec, params) === undefined && paramIssues(query, params).length === 0
          ? await runReadModelQuery(simulator.queries, query, params)
          : { columns: [], rows: [], note: '' };
      this.answer = { query, params, table, checkpoint, head };
      this.error = null;
    } catch (error) {
      this.error = String(error);
    }
  }

  override render(): TemplateResult {
    const spec = readModelQueryOf(this.query);
    const missing = missingParam(spec, this.params);
    const invalid = paramIssues(this.query, this.params).length > 0;
    return html`
      <section class="panel" aria-labelledby="read-models-title">
        <h3 id="read-models-title">Read models</h3>
        <div class="params">
          <div class="field query">
            <label for="query-picker">Query</label>
            <select id="query-picker" @change=${this.onPick}>
              ${readModelQueries.map(
                (query) => html`<option value=${query.name} ?selected=${query.name === this.query}>${query.title}</option>`,
              )}
            </select>
          </div>
          ${spec.params.map((param) => this.renderParam(param))}
        </div>
        <p class="endpoint">${spec.endpoint} · read model “${spec.projection}”</p>
        ${this.error ? html`<p class="feedback refused" role="alert">The read model could not be read: ${this.error}</p>` : nothing}
        ${missing
          ? html`<p class="note">${missing.inputType === 'status' ? 'Choose' : 'Enter'} ${missing.inputType === 'status' ? 'a' : 'the'} ${missing.label.toLowerCase()} to run this query.</p>`
          : invalid
            ? html`<p class="note">Correct the filter above to run this query.</p>`
            : this.renderAnswer()}
      </section>
    `;
  }

  private renderParam(param: QueryParam): TemplateResult {
    const id = `query-${param.name}`;
    const value = this.params[param.name] ?? '';
    if (param.inputType === 'status') {
      return html`<div class="field">
        <label for=${id}>${param.label}</label>
        <select id=${id} @change=${(event: Event) => this.onParam(param.name, event)}>
          ${param.required ? nothing : html`<option value="" ?selected=${value === ''}>any</option>`}
          ${param.required && value === '' ? html`<option value="" selected disabled>choose…</option>` : nothing}
          ${orderStatuses.map((status) => html`<option value=${status} ?selected=${value === status}>${status}</option>`)}
        </select>
      </div>`;
    }
    const issue = paramIssues(this.query, this.params).find((candidate) => candidate.param === param.name);
    return html`<div class="field">
      <label for=${id}>${param.label}</label>
      <input
        id=${id}
        type=${param.inputType === 'number' ? 'number' : param.inputType === 'email' ? 'email' : 'search'}
        step=${param.inputType === 'number' ? 'any' : nothing}
        min=${param.name === 'minTotal' || param.name === 'maxTotal' ? '0' : nothing}
        autocomplete="off"
        aria-invalid=${issue ? 'true' : 'false'}
        aria-describedby=${issue ? `${id}-error` : nothing}
        .value=${value}
        @input=${(event: Event) => this.onParam(param.name, event)}
      />
      ${issue ? html`<p class="field-error" id=${`${id}-error`} role="alert">${param.label} ${issue.message}</p>` : nothing}
    </div>`;
  }

  private renderAnswer(): TemplateResult {
    const answer = this.answer;
    if (answer === null || answer.query !== this.query) return html`<p class="note">Reading the read model…</p>`;
    // The head is today's, the checkpoint the table's: an append the projector has not applied shows as staleness
    // at once, before any re-read.
    const head = Math.max(answer.head, this.simulator?.projector.getStatus().headPosition ?? 0);
    const lag = Math.max(0, head - answer.checkpoint);
    const spec = readModelQueryOf(answer.query);
    const fault = this.simulator?.projector.getStatus().projections.find((status) => status.name === spec.projection)?.fault;
    return html`
      <p class=${lag > 0 ? 'as-of warning' : 'as-of ok'}>
        As of checkpoint ${answer.checkpoint} · log head ${head} ·
        ${lag > 0 ? `${lag} event${lag === 1 ? '' : 's'} not applied yet` : 'up to date'}
      </p>
      ${this.simulator !== undefined && this.rebuilding(this.simulator, answer.query)
        ? html`<p class="as-of warning" role="status">
            Rebuilding the ${spec.projection} read model: this table shows it as it was before the rebuild, and is read
            again when the rebuild ends.
          </p>`
        : nothing}
      ${fault
        ? html`<p class="as-of refused" role="status">
            The ${spec.projection} projection is faulted at event ${fault.globalPosition} (${fault.eventType}): this
            table stays stale until that event is skipped or retried in the Projections panel.
          </p>`
        : nothing}
      <scroll-box label=${`${spec.title} table`}>
        <table aria-label=${spec.title}>
          <thead>
            <tr>
              ${answer.table.columns.map((column) => html`<th scope="col">${column}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${answer.table.rows.map(
              (row) => html`<tr>${row.map((cell, column) => html`<td class=${numeric.test(cell) ? 'number' : ''}>${longCell(cell, answer.table.columns[column])}</td>`)}</tr>`,
            )}
          </tbody>
        </table>
      </scroll-box>
      <p class="note">${answer.table.note}</p>
    `;
  }

  private onPick(event: Event): void {
    this.query = (event.target as HTMLSelectElement).value as QueryName;
  }

  private onParam(name: QueryParamName, event: Event): void {
    this.params = { ...this.params, [name]: (event.target as HTMLInputElement | HTMLSelectElement).value };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'read-model-tables': ReadModelTables;
  }
}

/** A figure (a total, a count): kept on one line, `1999.98` never split as `1999.9` / `8`. */
const numeric = /^-?[\d.,]+$/;

/** A cell as text that wraps between its parts; a long one (a log imported before the limits) cut, with "Show all". */
function longCell(cell: string, column = 'value'): TemplateResult | string {
  if (cell.length > drawnCharacters) return html`<cut-text .text=${cell} label=${column}></cut-text>`;
  return numeric.test(cell) ? cell : breakable(cell);
}
