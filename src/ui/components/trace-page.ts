import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { createTraceIndex, type ScanProgress, type TraceIndex } from '../../simulator/trace/traceIndex';
import { clockTime, formatOffset } from '../../simulator/trace/formatTime';
import { waterfallOf } from '../../simulator/trace/waterfall';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { routeHref } from '../controllers/hashRouteController';
import { errorBoxStyles, linkStyles } from '../styles/controlStyles';
import { pageHeadingStyles } from '../styles/pageStyles';
import { panelStyles } from '../styles/theme';
import './trace-picker';
import './trace-tree';
import './trace-waterfall';
import { plural } from '../text/plural';

/** The picker lists this many correlations, newest first; older ones open by id. */
export const recentTraceLimit = 50;

/**
 * `#/trace/<correlationId>`: one user action followed through the system, as a distributed tracer shows a request.
 * The log is read in batches by a trace index kept for this screen only (other screens never pay for it), then only
 * what is appended after.
 */
@customElement('trace-page')
export class TracePage extends LitElement {
  static override styles = [
    pageHeadingStyles,
    panelStyles,
    errorBoxStyles,
    linkStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-3);
        container-type: inline-size;
      }
      p {
        margin: 0;
      }
      .intro {
        max-width: 60rem;
      }
      code {
        font-family: var(--wb-font-mono);
        overflow-wrap: anywhere;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(14rem, 20rem) minmax(0, 1fr);
        gap: var(--wb-space-3);
        align-items: start;
      }
      @container (max-width: 48rem) {
        .columns {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .trace {
        display: grid;
        gap: var(--wb-space-3);
        min-width: 0;
      }
      .panel {
        display: grid;
        gap: var(--wb-space-2);
        min-width: 0;
      }
      .panel h3 {
        margin: 0;
      }
      .explain {
        color: var(--wb-color-muted);
        font-size: 0.9rem;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-1) var(--wb-space-3);
      }
      progress {
        width: 16rem;
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private scan: ScanProgress | undefined;

  private readonly changes = new SimulatorChangesController(this, () => this.simulator);
  private index: { readonly simulator: WorkbookSimulator; readonly index: TraceIndex } | undefined;

  private indexOf(simulator: WorkbookSimulator): TraceIndex {
    if (this.index?.simulator !== simulator) this.index = { simulator, index: createTraceIndex(simulator.store) };
    return this.index.index;
  }

  private readonly catalogue = new Task(this, {
    task: async ([simulator]) => {
      if (simulator === undefined) return undefined;
      const index = this.indexOf(simulator);
      // Only a long read shows a progress bar; the usual refresh reads a few new events.
      await index.refresh((progress) => (this.scan = progress.total > 2000 ? progress : undefined));
      this.scan = undefined;
      return { index, recent: index.recent(recentTraceLimit), total: index.size };
    },
    args: () => [this.simulator, this.changes.revision] as const,
  });

  private readonly trace = new Task(this, {
    task: async ([catalogue, correlationId]) => {
      if (catalogue === undefined || correlationId === undefined) return undefined;
      const trace = await catalogue.index.loadTrace(correlationId);
      return { correlationId, trace, waterfall: trace && waterfallOf(trace) };
    },
    args: () => [this.catalogue.value, this.params[0]] as const,
  });

  override render(): TemplateResult {
    return html`<h2>Trace</h2>
      <p class="intro">
        Every event remembers the command that wrote it (<code>commandId</code>), the user action it belongs to
        (<code>correlationId</code>) and what directly caused it (<code>causationId</code>). Following those ids draws
        what a distributed tracer such as Jaeger draws: everything one click set off, in which service, and when.
      </p>
      ${this.renderBody()}`;
  }

  private renderBody(): TemplateResult {
    const catalogue = this.catalogue.value;
    if (this.catalogue.error !== undefined)
      return html`<p class="error" role="alert">The event log could not be read: ${String(this.catalogue.error)}</p>`;
    if (catalogue === undefined) {
      const scan = this.scan;
      return scan === undefined
        ? html`<p role="status">Reading the event log…</p>`
        : html`<label for="scan">Reading the event log (${scan.done} of ${scan.total} events)</label>
            <progress id="scan" max=${scan.total} .value=${scan.done}></progress>`;
    }
    if (catalogue.total === 0) {
      return html`<section class="panel">
        <p>
          The event log is empty, so there is nothing to trace yet. Place an order on the
          <a href=${routeHref('simulator')}>Simulator</a> screen, then come back: its command will be listed here.
        </p>
      </section>`;
    }
    return html`<div class="columns">
      <trace-picker
        class="panel"
        .recent=${catalogue.recent}
        .total=${catalogue.total}
        .selected=${this.params[0]}
      ></trace-picker>
      <div class="trace">${this.renderTrace()}</div>
    </div>`;
  }

  private renderTrace(): TemplateResult {
    const correlationId = this.params[0];
    if (correlationId === undefined) {
      return html`<section class="panel">
        <p>Pick a command under Recent commands (the newest is first) to see what it caused.</p>
      </section>`;
    }
    if (this.trace.error !== undefined)
      return html`<p class="error" role="alert">This trace could not be read: ${String(this.trace.error)}</p>`;
    const loaded = this.trace.value;
    if (loaded === undefined || loaded.correlationId !== correlationId) return html`<p role="status">Reading the trace…</p>`;
    const { trace, waterfall } = loaded;
    if (trace === undefined || waterfall === undefined) {
      return html`<p class="error" role="alert">
        No event in the log carries the correlation id “${correlationId}”. Check the id (it is case-sensitive), or pick
        one of the recent commands; a reset or an import also replaces the log and its ids.
      </p>`;
    }
    const services = waterfall.lanes.map((lane) => lane.service).join(', ');
    return html`<section class="panel" aria-label="Trace summary">
        <h3>Correlation <code>${trace.correlationId}</code></h3>
        <p class="facts" role="status">
          <span>${plural(trace.events.length, 'event')}</span>
          <span>${plural(trace.commandIds.length, 'command')}</span>
          <span>services: ${services}</span>
          <span>started ${clockTime(waterfall.startedAt)}, lasted ${formatOffset(waterfall.durationMs).slice(1)}</span>
          ${trace.orphans === 0 ? nothing : html`<span>${trace.orphans} with a cause that could not be followed</span>`}
        </p>
      </section>
      <section class="panel" aria-labelledby="tree-heading">
        <h3 id="tree-heading">Causal tree</h3>
        <p class="explain">
          Each event hangs under its cause: the event its <code>causationId</code> names, or the command itself. Events
          written by a later command (a saga step reacting to an event) say which command wrote them.
        </p>
        <trace-tree .trace=${trace}></trace-tree>
      </section>
      <section class="panel" aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">Timeline</h3>
        <p class="explain">
          One lane per service (the stream's prefix: order, payment, inventory, saga, user). Each bar runs from the
          moment its cause was recorded to the moment the event was: how long that service took to react.
        </p>
        <trace-waterfall .waterfall=${waterfall}></trace-waterfall>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trace-page': TracePage;
  }
}
