import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { styleMap } from 'lit/directives/style-map.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { orderEventSchemaVersions } from '../../domain/order/types';
import { userEventTypes } from '../../projections/readModels/users';
import { createCoalescedRefresh } from '../../simulator/coalescedRefresh';
import {
  createEventBlockCache,
  headMoved,
  initialTail,
  isFiltered,
  noFilter,
  pauseTail,
  positionsNewestFirst,
  prependNewer,
  resumeTail,
  scanMatchingPositions,
  unseenEvents,
  type EventBlockCache,
  type EventLogFilter,
  type LiveTail,
} from '../../simulator/eventLogPaging';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController, liveReadIntervalMs } from '../controllers/simulatorChangesController';
import { panelStyles } from '../styles/theme';
import { simulatorFormStyles } from '../styles/simulatorFormStyles';
import { renderEventRow, type EventRowActions } from './event-log-row';
import { plural } from '../text/plural';

/** Every event type the workbook writes, for the type filter. */
const eventTypes: readonly string[] = [...Object.keys(orderEventSchemaVersions), ...userEventTypes];

/** The matching positions of a filtered view, and how far up the log they were looked for. */
type FilteredView = { readonly filter: EventLogFilter; readonly positions: readonly number[]; readonly scannedUpTo: number };

/**
 * The event log, newest first, live: every append (in this tab or another) shows up without a reload, unless the
 * person paused the tail. The log can hold 100,000 events: rows are virtualized (only the visible ones are in the
 * DOM) and the events behind them are read from the store in blocks as the person scrolls.
 * Event data is shown only through Lit text bindings, so whatever a person typed into a command stays text.
 */
@customElement('event-log')
export class EventLog extends LitElement {
  static override styles = [
    panelStyles,
    simulatorFormStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-2) var(--wb-space-3);
        align-items: end;
        margin-bottom: var(--wb-space-3);
      }
      .toolbar .field {
        flex: 1 1 10rem;
      }
      .tail {
        display: flex;
        gap: var(--wb-space-2);
        align-items: center;
        flex-wrap: wrap;
      }
      .counts {
        margin: 0 0 var(--wb-space-2);
        color: var(--wb-color-muted);
        font-size: 0.9rem;
      }
      .new-events {
        margin: 0;
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
        color: var(--wb-color-warning);
        background: var(--wb-color-warning-bg);
        font-weight: 600;
      }
      /* Kept in the page while empty: a live region must exist before its text changes to be announced. */
      .new-events:empty {
        padding: 0;
      }
      .row {
        display: grid;
        /* Fixed columns: opening one envelope must not make the other columns jump. */
        grid-template-columns: 5.5rem minmax(0, 1.4fr) minmax(0, 1.1fr) 7rem;
        width: 100%;
        border-bottom: 1px solid var(--wb-color-border);
        font-size: 0.9rem;
      }
      .cell {
        padding: var(--wb-space-2);
        min-width: 0;
      }
      .head {
        color: var(--wb-color-muted);
        font-weight: 600;
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .position {
        font-variant-numeric: tabular-nums;
      }
      .stream,
      .type {
        font-family: var(--wb-font-mono);
        overflow-wrap: anywhere;
      }
      .open {
        background: var(--wb-color-surface-2);
      }
      .envelope {
        grid-column: 1 / -1;
        padding-top: 0;
      }
      .muted {
        color: var(--wb-color-muted);
      }
      button.link {
        padding: 0;
        border: none;
        background: none;
        font-weight: inherit;
        color: var(--wb-color-accent);
        text-align: left;
        overflow-wrap: anywhere;
      }
      button.link:hover {
        text-decoration: underline;
      }
      .rows {
        /*
         * The virtualizer scrolls this box; only the rows in view (and a few around them) exist in the DOM. Its height
         * is set with styleMap, which leaves alone the inline styles the virtualizer puts on it (position, contain).
         */
        position: relative;
        overflow: auto;
        border-top: 1px solid var(--wb-color-border);
      }
      pre {
        margin: 0;
        padding: var(--wb-space-2);
        background: var(--wb-color-bg);
        border-radius: var(--wb-radius);
        font-family: var(--wb-font-mono);
        font-size: 0.8rem;
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
      progress {
        width: 100%;
        accent-color: var(--wb-color-accent);
      }
    `,
  ];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private tail: LiveTail = initialTail;
  @state() private filter: EventLogFilter = noFilter;
  @state() private filtered: FilteredView | null = null;
  @state() private scanProgress: { readonly done: number; readonly total: number } | null = null;
  @state() private expanded: ReadonlySet<number> = new Set();
  @state() private cacheRevision = 0;
  @state() private loadError: string | null = null;

  private readonly changes = new SimulatorChangesController(this, () => this.simulator, { minIntervalMs: liveReadIntervalMs });
  private seenRevision = -1;
  private cache: EventBlockCache | undefined;
  private cacheFor: WorkbookSimulator | undefined;
  /** Positions asked for since the last refresh: a position the store does not have is not asked for again. */
  private readonly requested = new Set<number>();
  private unfilteredItems: { head: number; positions: number[] } = { head: 0, positions: [] };
  private filteredItems: { view: FilteredView | null; head: number; positions: number[] } = { view: null, head: 0, positions: [] };
  private scanToken = 0;

  private readonly refresh = createCoalescedRefresh(() => this.followLog());

  private readonly rowActions: EventRowActions = {
    toggle: (position) => {
      const expanded = new Set(this.expanded);
      if (!expanded.delete(position)) expanded.add(position);
      this.expanded = expanded;
    },
    showStream: (streamId) => this.applyFilter({ ...this.filter, streamId }),
  };

  protected override updated(): void {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    if (this.cacheFor !== simulator) {
      this.cacheFor = simulator;
      this.cache = createEventBlockCache(simulator.store);
      this.tail = initialTail;
      this.seenRevision = -1;
    }
    if (this.changes.revision !== this.seenRevision) {
      this.seenRevision = this.changes.revision;
      void this.refresh.request();
    }
  }

  /** Reads the head, moves the tail, and extends a filtered view by the events that arrived since its last scan. */
  private async followLog(): Promise<void> {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    try {
      const head = await simulator.store.headPosition();
      if (head < this.tail.viewHead) {
        // The store was cleared (Data page, Reset): rows and matches from before are gone.
        this.cache?.clear();
        this.expanded = new Set();
        if (this.filtered) this.filtered = { ...this.filtered, positions: [], scannedUpTo: 0 };
      }
      this.requested.clear();
      this.tail = headMoved(this.tail, head);
      const view = this.filtered;
      if (view && view.scannedUpTo < this.tail.viewHead && this.scanProgress === null) {
        const newer = await scanMatchingPositions(simulator.store, view.filter, { after: view.scannedUpTo, upTo: this.tail.viewHead });
        if (this.filtered === view) {
          this.filtered = { ...view, positions: prependNewer(view.positions, newer), scannedUpTo: this.tail.viewHead };
        }
      }
      this.loadError = null;
    } catch (error) {
      this.loadError = String(error);
    }
  }

  private async applyFilter(filter: EventLogFilter): Promise<void> {
    const simulator = this.simulator;
    this.filter = filter;
    this.expanded = new Set();
    const token = ++this.scanToken;
    if (!isFiltered(filter) || simulator === undefined) {
      this.filtered = null;
      this.scanProgress = null;
      return;
    }
    const upTo = this.tail.viewHead;
    this.filtered = { filter, positions: [], scannedUpTo: 0 };
    this.scanProgress = { done: 0, total: upTo };
    try {
      const positions = await scanMatchingPositions(simulator.store, filter, {
        upTo,
        onProgress: (done) => {
          if (token === this.scanToken) this.scanProgress = { done, total: upTo };
        },
        isCancelled: () => token !== this.scanToken,
      });
      if (token !== this.scanToken) return;
      this.filtered = { filter, positions: [...positions].reverse(), scannedUpTo: upTo };
    } catch (error) {
      if (token === this.scanToken) this.loadError = String(error);
    } finally {
      if (token === this.scanToken) {
        this.scanProgress = null;
        // Events may have arrived during the scan.
        void this.refresh.request();
      }
    }
  }

  /** The positions the list shows, newest first, up to the view's head (which stays put while paused). */
  private items(): readonly number[] {
    if (this.filtered) {
      // Memoized: a new array would make the virtualizer lay the list out again on every render.
      const { filtered } = this;
      const head = this.tail.viewHead;
      if (this.filteredItems.view !== filtered || this.filteredItems.head !== head) {
        this.filteredItems = { view: filtered, head, positions: filtered.positions.filter((position) => position <= head) };
      }
      return this.filteredItems.positions;
    }
    if (this.unfilteredItems.head !== this.tail.viewHead) {
      this.unfilteredItems = { head: this.tail.viewHead, positions: positionsNewestFirst(this.tail.viewHead) };
    }
    return this.unfilteredItems.positions;
  }

  private renderItem = (position: number): TemplateResult => {
    const event = this.cache?.get(position);
    if (event === undefined && this.cache && !this.requested.has(position)) {
      this.requested.add(position);
      const cache = this.cache;
      void cache
        .load(position)
        .then(() => {
          this.cacheRevision += 1;
        })
        .catch((error: unknown) => {
          this.loadError = String(error);
        });
    }
    return renderEventRow(position, event, this.expanded.has(position), this.rowActions);
  };

  override render(): TemplateResult {
    const items = this.items();
    const unseen = unseenEvents(this.tail);
    return html`
      <section class="panel" aria-labelledby="event-log-title">
        <h3 id="event-log-title">Event log</h3>
        ${this.renderToolbar()}
        <div class="tail">
          <button type="button" aria-label=${this.tail.paused ? 'Resume the log' : 'Pause the log'} @click=${this.togglePause}>
            ${this.tail.paused ? 'Resume' : 'Pause'}
          </button>
          <span class="note">${this.tail.paused ? 'Paused: the list holds still.' : 'Live: new events appear on top.'}</span>
          <p class="new-events" role="status">${this.tail.paused && unseen > 0 ? `${unseen} new event${unseen === 1 ? '' : 's'}` : ''}</p>
        </div>
        ${this.scanProgress
          ? html`<label class="note" for="log-scan">Filtering the log…</label>
              <progress id="log-scan" value=${this.scanProgress.done} max=${Math.max(1, this.scanProgress.total)}></progress>`
          : nothing}
        ${this.loadError ? html`<p class="error" role="alert">The event log could not be read: ${this.loadError}</p>` : nothing}
        ${this.renderCounts(items.length)} ${this.renderTable(items)}
      </section>
    `;
  }

  private renderToolbar(): TemplateResult {
    return html`<div class="toolbar">
      <div class="field">
        <label for="log-type">Event type</label>
        <select id="log-type" @change=${this.onTypeChange}>
          <option value="" ?selected=${this.filter.type === null}>All types</option>
          ${eventTypes.map((type) => html`<option value=${type} ?selected=${this.filter.type === type}>${type}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="log-stream">Stream</label>
        <input
          id="log-stream"
          type="search"
          placeholder="all streams, or e.g. order-1a2b3c4d"
          autocomplete="off"
          .value=${this.filter.streamId ?? ''}
          @change=${this.onStreamChange}
        />
      </div>
      ${isFiltered(this.filter)
        ? html`<button type="button" @click=${() => this.applyFilter(noFilter)}>Show all events</button>`
        : nothing}
    </div>`;
  }

  private renderCounts(shown: number): TemplateResult {
    const head = this.tail.viewHead;
    const what = this.filter.streamId !== null ? `stream ${this.filter.streamId}` : 'the log';
    const text = isFiltered(this.filter)
      ? `${shown} of ${head} events match${this.filter.type ? ` type ${this.filter.type}` : ''} in ${what}.`
      : `${plural(head, 'event')} in the log, newest first.`;
    return html`<p class="counts">${text}</p>`;
  }

  private renderTable(items: readonly number[]): TemplateResult {
    if (this.tail.viewHead === 0) {
      return html`<p class="empty">No events yet. Place an order and its OrderPlaced event appears here.</p>`;
    }
    if (items.length === 0 && this.scanProgress === null) {
      return html`<p class="empty">No event matches this filter.</p>`;
    }
    // Read by renderItem through `this`; listed here so a finished block load re-renders the visible rows.
    void this.cacheRevision;
    return html`<div role="table" aria-labelledby="event-log-title" aria-rowcount=${items.length + 1}>
      <div role="rowgroup">
        <div class="row head" role="row">
          <span class="cell" role="columnheader">Position</span>
          <span class="cell" role="columnheader">Stream</span>
          <span class="cell" role="columnheader">Type</span>
          <span class="cell" role="columnheader">Envelope</span>
        </div>
      </div>
      <div class="rows" role="rowgroup" style=${styleMap({ height: `min(30rem, ${this.listHeightRem(items.length)}rem)` })}>
        ${virtualize({
          items: items as number[],
          renderItem: this.renderItem,
          keyFunction: (position: number) => position,
          scroller: true,
        })}
      </div>
    </div>`;
  }

  /**
   * A short log gets a short box, a long one a scrolling 30rem. Rough sizes are enough: a row is about 2.5rem, an
   * open envelope about 24rem; underestimating only means a scrollbar.
   */
  private listHeightRem(rows: number): number {
    return Math.min(rows, 12) * 2.6 + this.expanded.size * 24 + 0.5;
  }

  private togglePause(): void {
    this.tail = this.tail.paused ? resumeTail(this.tail) : pauseTail(this.tail);
    // Resuming may uncover events a filtered view has not scanned yet.
    if (!this.tail.paused) void this.refresh.request();
  }

  private onTypeChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    void this.applyFilter({ ...this.filter, type: value === '' ? null : value });
  }

  private onStreamChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim();
    void this.applyFilter({ ...this.filter, streamId: value === '' ? null : value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'event-log': EventLog;
  }
}
