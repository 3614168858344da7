import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { RecordedEvent } from '../../eventStore/types';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { crudAt } from '../../simulator/history/crudAt';
import { loadDemoHistory } from '../../simulator/history/demoHistory';
import { occurredAt } from '../../simulator/history/eventCommands';
import { provenanceOf } from '../../simulator/history/provenance';
import { readModelsAt } from '../../simulator/history/readModelsAt';
import { prefixAt, streamIdsOf, streamStateAt } from '../../simulator/history/stateAt';
import { withoutEvents } from '../../simulator/history/whatIf';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { compactControlStyles, errorBoxStyles, focusRingStyles, primaryButtonStyles } from '../styles/controlStyles';
import { pageHeadingStyles } from '../styles/pageStyles';
import type { FieldSelectEvent } from './time-travel-views';
import type { IncludeChangeEvent } from './provenance-log';
import './time-travel-views';
import './provenance-log';
import './time-travel-query';

const pageSize = 1000;
/** One empty log, not a new one per read: the view task compares its arguments by identity. */
const noEvents: readonly RecordedEvent[] = [];

/** Every event of the store, oldest first, read in pages. */
async function wholeLog(simulator: WorkbookSimulator): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await simulator.store.readAll({ after: events.at(-1)?.globalPosition ?? 0, limit: pageSize });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/**
 * Time travel over the app's own log: a scrubber picks a position, and the order's state, the read models (the real
 * projections run over the prefix) and the CRUD twin are shown as of then. Fields tell which events made them;
 * events can be switched off to see a what-if, computed in a sandbox: the store is never changed.
 */
@customElement('time-travel-page')
export class TimeTravelPage extends LitElement {
  static override styles = [
    pageHeadingStyles,
    compactControlStyles,
    focusRingStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-3);
        container-type: inline-size;
      }
      .panel {
        background: var(--wb-color-surface);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-2) var(--wb-space-3);
      }
      .scrubber {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: var(--wb-space-2) var(--wb-space-3);
        align-items: center;
      }
      label {
        font-weight: 600;
      }
      ${primaryButtonStyles}
      input[type='range'] {
        width: 100%;
        accent-color: var(--wb-color-accent);
      }
      .as-of {
        grid-column: 2;
        margin: 0;
        font-size: 1.1rem;
      }
      .as-of strong {
        font-family: var(--wb-font-mono);
      }
      .store-count {
        grid-column: 2;
        margin: 0;
        color: var(--wb-color-muted);
        font-size: 0.9rem;
      }
      .what-if {
        background: var(--wb-color-warning-bg);
        color: var(--wb-color-warning);
        border: 1px solid var(--wb-color-warning);
      }
      .what-if p,
      .what-if ul,
      .provenance p {
        margin: 0 0 var(--wb-space-1);
      }
      .provenance {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-2);
        align-items: center;
        justify-content: space-between;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(15rem, 1fr);
        gap: var(--wb-space-3);
        align-items: start;
      }
      /* Measured in rem against the page's own width, so large text (a bigger rem) stacks the log under the state
         before the state's values are squeezed to a letter a line. */
      @container (max-width: 46rem) {
        .columns {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      ${errorBoxStyles}
      progress {
        width: 16rem;
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  /** '' = the whole log; otherwise the scrubber walks this stream's positions. */
  @state() private streamId = '';
  /** The chosen global position; undefined = follow the head as new events arrive. */
  @state() private pinned: number | undefined;
  @state() private excluded: ReadonlySet<number> = new Set();
  @state() private selectedField: string | undefined;
  @state() private demoProgress: { done: number; total: number } | undefined;
  @state() private demoError: string | undefined;

  private readonly changes = new SimulatorChangesController(this, () => this.simulator);

  private readonly log = new Task(this, {
    task: async ([simulator]) => (simulator === undefined ? noEvents : wholeLog(simulator)),
    args: () => [this.simulator, this.changes.revision] as const,
  });

  /** The sandbox: the history without the switched-off events, up to the position, through the real code. */
  private readonly view = new Task(this, {
    task: async ([events, position, excluded]) => {
      const whatIf = withoutEvents(prefixAt(events, position), excluded);
      const [readModels, crud] = await Promise.all([readModelsAt(whatIf.events), crudAt(whatIf.events)]);
      return { whatIf, readModels, crud, provenance: provenanceOf(whatIf.events) };
    },
    args: () => [this.events, this.position, this.excluded] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    // `#/time-travel/<streamId>` (the Saga screen's link to an order) opens walking that stream.
    if (changed.has('params') && this.params[0] !== undefined) this.streamId = this.params[0];
  }

  private get events(): readonly RecordedEvent[] {
    return this.log.value ?? noEvents;
  }

  private get position(): number {
    const head = this.events.at(-1)?.globalPosition ?? 0;
    return this.pinned === undefined ? head : Math.min(this.pinned, head);
  }

  private get streamEventsOfChoice(): readonly RecordedEvent[] {
    return this.streamId === '' ? this.events : this.events.filter((event) => event.streamId === this.streamId);
  }

  override render(): TemplateResult {
    if (this.log.value === undefined) {
      return html`<h2>Time travel</h2>
        ${this.log.error === undefined
          ? html`<p role="status">Reading the event log…</p>`
          : html`<p class="error" role="alert">The event log could not be read: ${String(this.log.error)}</p>`}`;
    }
    if (this.events.length === 0) return this.renderEmpty();
    const view = this.view.value;
    const position = this.position;
    const current = this.events.find((event) => event.globalPosition === position);
    // On the whole log, the state shown is that of the stream the event under the scrubber belongs to.
    const streamShown = this.streamId !== '' ? this.streamId : current?.streamId;
    const stream = view === undefined || streamShown === undefined ? undefined : streamStateAt(view.whatIf.events, streamShown, position);
    return html`<h2>Time travel</h2>
      ${this.renderScrubber()} ${this.renderWhatIf()} ${this.renderProvenance()}
      ${this.view.error === undefined ? nothing : html`<p class="error" role="alert">This position could not be computed: ${String(this.view.error)}</p>`}
      <div class="columns">
        <time-travel-views
          .stream=${stream}
          .readModels=${view?.readModels}
          .crud=${view?.crud}
          .selectedField=${this.selectedField}
          @field-select=${(event: FieldSelectEvent) => (this.selectedField = this.selectedField === event.detail.field ? undefined : event.detail.field)}
        ></time-travel-views>
        <provenance-log
          .events=${this.streamEventsOfChoice}
          .position=${position}
          .excluded=${this.excluded}
          .highlighted=${new Set(this.selectedField === undefined ? [] : (view?.provenance.get(this.selectedField) ?? []))}
          .conflicts=${new Map(view?.whatIf.conflicts.map((conflict) => [conflict.event.globalPosition, conflict.message]) ?? [])}
          @include-change=${this.onIncludeChange}
        ></provenance-log>
      </div>
      <time-travel-query
        .events=${this.events}
        .suggestedTime=${current === undefined ? undefined : occurredAt(current)}
      ></time-travel-query>`;
  }

  private renderEmpty(): TemplateResult {
    const progress = this.demoProgress;
    return html`<h2>Time travel</h2>
      <section class="panel">
        <p>The event store is empty: there is no past to travel to yet. Send commands from the simulator, or load a prepared history (three orders and a user) through the ordinary command path.</p>
        <button type="button" class="primary" ?disabled=${progress !== undefined} @click=${this.loadDemo}>Load the demo story</button>
        ${progress === undefined
          ? nothing
          : html`<label for="demo-progress">Loading the demo story</label>
              <progress id="demo-progress" max=${progress.total} .value=${progress.done}></progress>`}
        ${this.demoError === undefined ? nothing : html`<p class="error" role="alert">${this.demoError}</p>`}
      </section>`;
  }

  private renderScrubber(): TemplateResult {
    const choice = this.streamEventsOfChoice;
    const position = this.position;
    // On one stream the scrubber counts that stream's events: value k = its first k events have happened.
    const value = choice.filter((event) => event.globalPosition <= position).length;
    // The newest event of what is being walked (the log or one stream) that has happened by the position.
    const current = choice.findLast((event) => event.globalPosition <= position);
    const asOf = current === undefined ? 'before the first event' : `#${current.globalPosition} ${current.type} on ${current.streamId}`;
    return html`<section class="panel scrubber" aria-label="Scrubber">
      <label for="stream">Walk</label>
      <select id="stream" .value=${this.streamId} @change=${(event: Event) => (this.streamId = (event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${this.streamId === ''}>the whole log (global positions)</option>
        ${streamIdsOf(this.events).map((id) => html`<option value=${id} ?selected=${id === this.streamId}>stream ${id} (its own positions)</option>`)}
      </select>
      <label for="position">Position</label>
      <input
        id="position"
        type="range"
        min="0"
        max=${choice.length}
        .value=${String(value)}
        aria-valuetext="${value} of ${choice.length}: ${asOf}"
        @input=${(event: Event) => this.scrubTo(Number((event.target as HTMLInputElement).value))}
      />
      <p class="as-of">As of <strong>${asOf}</strong>${current === undefined ? nothing : html` · ${new Date(occurredAt(current)).toLocaleString()}`}</p>
      <p class="store-count" role="status">The store holds ${this.events.length} events.</p>
    </section>`;
  }

  private scrubTo(value: number): void {
    const choice = this.streamEventsOfChoice;
    const head = this.events.at(-1)?.globalPosition ?? 0;
    if (value >= choice.length) {
      // The end of the whole log follows new events; the end of one stream stays at its last event.
      this.pinned = this.streamId === '' ? undefined : choice.at(-1)?.globalPosition;
      return;
    }
    this.pinned = value === 0 ? Math.max(0, (choice[0]?.globalPosition ?? 1) - 1) : (choice[value - 1]?.globalPosition ?? head);
  }

  private renderWhatIf(): TemplateResult | typeof nothing {
    if (this.excluded.size === 0) return nothing;
    const conflicts = this.view.value?.whatIf.conflicts ?? [];
    const leftOut = [...this.excluded].sort((a, b) => a - b).map((position) => `#${position}`).join(', ');
    return html`<section class="panel what-if" aria-label="What-if">
      <p><strong>What-if view without ${leftOut}.</strong> Events are immutable; this is a what-if view, computed in a sandbox. The store itself is unchanged.</p>
      ${conflicts.length === 0
        ? nothing
        : html`<ul aria-label="Events that no longer follow">
            ${conflicts.map((conflict) => html`<li title=${conflict.rule}>${conflict.message}</li>`)}
          </ul>
          <p>Their commands would have been refused, so the what-if leaves them out too.</p>`}
      <button type="button" @click=${() => (this.excluded = new Set())}>Put every event back</button>
    </section>`;
  }

  private renderProvenance(): TemplateResult | typeof nothing {
    const field = this.selectedField;
    if (field === undefined) return nothing;
    const positions = this.view.value?.provenance.get(field) ?? [];
    const made = positions.map((position) => {
      const event = this.events.find((candidate) => candidate.globalPosition === position);
      return `#${position} ${event?.type ?? ''}`.trim();
    });
    return html`<section class="panel provenance" aria-label="Provenance">
      <p role="status">
        <strong>${field}</strong>
        ${made.length === 0 ? ' has no value at this position.' : ` was made by ${made.length === 1 ? 'event' : 'events'} ${made.join(', ')}.`}
      </p>
      <button type="button" @click=${() => (this.selectedField = undefined)}>Clear</button>
    </section>`;
  }

  private readonly onIncludeChange = (event: IncludeChangeEvent): void => {
    const next = new Set(this.excluded);
    if (event.detail.included) next.delete(event.detail.position);
    else next.add(event.detail.position);
    this.excluded = next;
  };

  private readonly loadDemo = async (): Promise<void> => {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    this.demoError = undefined;
    this.demoProgress = { done: 0, total: 1 };
    try {
      const refusal = await loadDemoHistory(simulator, (done, total) => (this.demoProgress = { done, total }));
      if (refusal) this.demoError = `The demo story stopped: ${refusal.message}`;
    } finally {
      this.demoProgress = undefined;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'time-travel-page': TimeTravelPage;
  }
}
