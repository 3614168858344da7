import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Unsubscribe } from '../../eventStore/types';
import { formatMilliseconds, formatRate, formatSeconds, formatShare } from '../../simulator/metrics/format';
import { loadPlan, runLoad, type LoadProgress } from '../../simulator/metrics/load';
import { metricsFor } from '../../simulator/metrics/registry';
import { sagaSuccessRate } from '../../simulator/metrics/sagaSuccess';
import type { MetricsSample, SagaOutcomes } from '../../simulator/metrics/types';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { routeHref } from '../controllers/hashRouteController';
import { SimulatorSubscriptionController } from '../controllers/simulatorSubscriptionController';
import { simulatorContext } from '../simulatorContext';
import { errorBoxStyles, focusRingStyles, linkStyles, plainButtonStyles, primaryButtonStyles } from '../styles/controlStyles';
import { pageHeadingStyles } from '../styles/pageStyles';
import { panelStyles } from '../styles/theme';
import './metrics-chart-card';
import './metrics-command-table';
import './metrics-projection-table';
import './metrics-read-cache';
import { plural } from '../text/plural';

/** Commands one press of "Generate load" sends. */
const loadSize = 50;
/** Between two commands: the load lasts a few seconds, long enough for the once-a-second charts to draw it. */
const loadPauseMs = 40;

/** Why a load was aborted when the person left the screen (as against pressing Stop). */
const leftTheScreen = 'left the screen';

/** How each simulator's last load ended, shown again when the Metrics screen is opened anew. */
const lastLoad = new WeakMap<WorkbookSimulator, { readonly result?: string | undefined; readonly failure?: string | undefined }>();

/**
 * Re-renders the screen at each sample the simulator's recorder takes (once a second), and reads the saga outcomes
 * then too: they come from the log (async), so once a sample rather than at every saga step.
 */
class MetricsSamplesController extends SimulatorSubscriptionController<WorkbookSimulator> {
  sagas: SagaOutcomes | undefined;

  protected override subscribe(simulator: WorkbookSimulator): readonly Unsubscribe[] {
    const recorder = metricsFor(simulator);
    const readSagas = () =>
      void recorder.sagaOutcomes().then(
        (outcomes) => {
          this.sagas = outcomes;
          this.host.requestUpdate();
        },
        () => undefined,
      );
    readSagas();
    return [
      recorder.onSample(() => {
        this.host.requestUpdate();
        readSagas();
      }),
    ];
  }
}

/**
 * Seed 004's dashboard, live: command processing latency (p50/p95/p99), event publishing rate, projection lag in
 * events and in time, saga success rate. The recorder started with the app (see `recordMetrics` in main.ts), so
 * commands sent from every screen count; this screen only reads it.
 */
@customElement('metrics-page')
export class MetricsPage extends LitElement {
  static override styles = [
    panelStyles,
    pageHeadingStyles,
    focusRingStyles,
    plainButtonStyles,
    primaryButtonStyles,
    errorBoxStyles,
    linkStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--wb-space-4);
      }
      p {
        margin: 0 0 var(--wb-space-2);
        max-width: 52rem;
        line-height: 1.5;
      }
      button {
        background: var(--wb-color-surface);
      }
      button.primary {
        font-weight: 600;
        padding: var(--wb-space-2) var(--wb-space-4);
      }
      button:disabled {
        opacity: 0.6;
        cursor: progress;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-3);
        align-items: center;
        margin: var(--wb-space-2) 0;
      }
      .progress {
        display: grid;
        gap: var(--wb-space-1);
        min-width: 16rem;
        font-size: 0.9rem;
      }
      progress {
        width: 100%;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
        gap: var(--wb-space-4);
      }
      .saga-figures {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-2) var(--wb-space-4);
        margin: 0 0 var(--wb-space-2);
      }
      .saga-figures div {
        display: grid;
      }
      .saga-figures dt {
        color: var(--wb-color-muted);
        font-size: 0.9rem;
      }
      .saga-figures dd {
        margin: 0;
        font-size: 1.3rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .muted {
        color: var(--wb-color-muted);
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private load: LoadProgress | undefined;
  @state() private loadResult: string | undefined;
  @state() private loadFailure: string | undefined;

  private abortLoad: AbortController | undefined;

  private readonly samples = new MetricsSamplesController(this, () => this.simulator);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The load's progress lives on this page: leaving it stops the load (what ran stays), so no load runs unseen
    // and pressing Generate load again on return cannot run two at once.
    this.abortLoad?.abort(leftTheScreen);
  }

  private async generateLoad(): Promise<void> {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    const abort = new AbortController();
    this.abortLoad = abort;
    this.loadResult = undefined;
    this.loadFailure = undefined;
    lastLoad.delete(simulator);
    try {
      const result = await runLoad(simulator.execute, loadPlan(loadSize, `load-${Date.now().toString(36)}`), {
        pauseMs: loadPauseMs,
        signal: abort.signal,
        onProgress: (progress) => {
          this.load = progress;
        },
      });
      const accepted = result.done - result.refused;
      const how = !result.cancelled ? 'Sent' : abort.signal.reason === leftTheScreen ? 'You left this screen: stopped after' : 'Stopped after';
      this.loadResult = `${how} ${plural(result.done, 'command')}: ${accepted} accepted, ${result.refused} refused (deliveries before shipping, which the order rules forbid).`;
    } catch (error) {
      this.loadFailure = `The load stopped: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.load = undefined;
      // Kept for the next visit: a load stopped by leaving the screen says so when the person comes back.
      lastLoad.set(simulator, { result: this.loadResult, failure: this.loadFailure });
    }
  }

  override render(): TemplateResult {
    const simulator = this.simulator;
    if (simulator === undefined) return html`<h2>Metrics</h2><p role="status">Opening the event store…</p>`;
    const recorder = metricsFor(simulator);
    const history = recorder.history();
    const latest = history.at(-1);
    return html`
      <h2>Metrics</h2>
      ${this.renderIntro()}
      <div class="charts">${this.renderCharts(history, latest)}</div>
      <section class="panel" aria-labelledby="metrics-commands">
        <h3 id="metrics-commands">Command latency by command</h3>
        <p class="muted">
          From the moment the simulator received the command to the moment its events were appended (or it was
          refused). Percentiles over the last ${recorder.commandLatency().windowSize} commands; counts since the app opened.
        </p>
        <metrics-command-table .report=${recorder.commandLatency()}></metrics-command-table>
      </section>
      <section class="panel" aria-labelledby="metrics-projections">
        <h3 id="metrics-projections">Projection lag</h3>
        <p class="muted">
          Lag in events is the work a projection has left (log head − checkpoint); lag in time is how old the oldest
          event it has not applied is, so how stale its read model is for a query right now.
        </p>
        ${latest === undefined
          ? html`<p class="muted">The first sample comes within a second.</p>`
          : html`<metrics-projection-table .projections=${latest.projections}></metrics-projection-table>`}
      </section>
      ${this.renderSagas()}
      <section class="panel" aria-labelledby="metrics-cache">
        <h3 id="metrics-cache">Read-side cache hit ratio</h3>
        <p class="muted">
          The queries that scan a read model (order lists and filters, by status, by customer, search, top customers,
          users) keep their answers until the projection behind that read model moves its checkpoint, which it does
          with every event it applies. A hit is an answer given again without reading the read model; never a stale
          one.
        </p>
        <metrics-read-cache .stats=${simulator.readCache.stats()}></metrics-read-cache>
      </section>
    `;
  }

  private renderIntro(): TemplateResult {
    const running = this.load !== undefined;
    const last = running || this.simulator === undefined ? undefined : lastLoad.get(this.simulator);
    const failure = this.loadFailure ?? last?.failure;
    return html`<section class="panel" aria-labelledby="metrics-what">
      <h3 id="metrics-what">Seed 004's monitoring, measured in this tab</h3>
      <p>
        The production system of seed 004 sends these figures to Prometheus and draws them in Grafana. Here they are
        measured on the simulator itself, every command from every screen included, and sampled once a second. The
        admin API shows the same numbers as Prometheus text: send <code>GET /metrics</code> in the
        <a href=${routeHref('console')}>API console</a>.
      </p>
      <div class="controls">
        <button type="button" class="primary" ?disabled=${running} @click=${() => void this.generateLoad()}>Generate load</button>
        ${running
          ? html`<div class="progress">
                <label for="load-progress">Sending command ${this.load?.done} of ${this.load?.total}</label>
                <progress id="load-progress" max=${this.load?.total ?? loadSize} value=${this.load?.done ?? 0}></progress>
              </div>
              <button type="button" @click=${() => this.abortLoad?.abort()}>Stop</button>`
          : html`<span class="muted">${loadSize} real commands: orders placed, confirmed, processed and shipped.</span>`}
      </div>
      <p role="status">${this.loadResult ?? last?.result ?? ''}</p>
      ${failure ? html`<p class="error" role="alert">${failure}</p>` : nothing}
      <p>
        To see projection lag grow, set a delay on the <a href=${routeHref('simulator')}>Simulator</a>'s Projections
        panel (or pause a projection there), then generate load again: the log runs ahead, the read models follow
        when the delay is over.
      </p>
    </section>`;
  }

  private renderCharts(history: readonly MetricsSample[], latest: MetricsSample | undefined): TemplateResult {
    const times = history.map((sample) => sample.at);
    const percentile = (key: 'p50' | 'p95' | 'p99') => history.map((sample) => sample.latency?.[key] ?? null);
    return html`
      <metrics-chart-card
        heading="Command latency"
        unit="ms"
        .times=${times}
        .series=${[
          { name: 'p50', values: percentile('p50'), now: formatMilliseconds(latest?.latency?.p50) },
          { name: 'p95', values: percentile('p95'), now: formatMilliseconds(latest?.latency?.p95) },
          { name: 'p99', values: percentile('p99'), now: formatMilliseconds(latest?.latency?.p99) },
        ]}
      ></metrics-chart-card>
      <metrics-chart-card
        heading="Event rate"
        unit="events/s"
        .times=${times}
        .series=${[
          {
            name: 'Events appended per second (5 s average)',
            values: history.map((sample) => sample.eventsPerSecond),
            now: latest === undefined ? '—' : formatRate(latest.eventsPerSecond),
          },
        ]}
      ></metrics-chart-card>
      <metrics-chart-card
        heading="Projection lag in events"
        unit="events"
        .times=${times}
        .series=${[
          {
            name: 'Furthest-behind projection',
            values: history.map((sample) => sample.maxLag),
            now: latest === undefined ? '—' : `${latest.maxLag} events`,
          },
        ]}
      ></metrics-chart-card>
      <metrics-chart-card
        heading="Projection lag in time"
        unit="s"
        .times=${times}
        .series=${[
          {
            name: 'Oldest unapplied event',
            values: history.map((sample) => sample.maxLagSeconds),
            now: formatSeconds(latest?.maxLagSeconds),
          },
        ]}
      ></metrics-chart-card>
    `;
  }

  private renderSagas(): TemplateResult {
    const outcomes = this.samples.sagas;
    const finished = outcomes === undefined ? 0 : outcomes.completed + outcomes.compensated;
    // Counted apart by coordinators that track it: confirmed, then cancelled by a person (neither success nor failure).
    const cancelled = (outcomes as Readonly<Partial<Record<string, number>>> | undefined)?.['cancelled'];
    return html`<section class="panel" aria-labelledby="metrics-sagas">
      <h3 id="metrics-sagas">Saga success rate</h3>
      <p class="muted">
        Of the order sagas that finished, the share that completed (stock reserved, payment charged, order confirmed)
        rather than compensated. Running sagas have no outcome yet; an order cancelled by a person after its saga
        completed counts as neither.
      </p>
      ${outcomes === undefined || finished + outcomes.running + (cancelled ?? 0) === 0
        ? html`<p>No saga has run yet. Place an order through the <a href=${routeHref('saga')}>Saga</a> screen.</p>`
        : html`<dl class="saga-figures" aria-label="Saga outcomes">
            <div><dt>Success rate</dt><dd>${formatShare(sagaSuccessRate(outcomes))}</dd></div>
            <div><dt>Completed</dt><dd>${outcomes.completed}</dd></div>
            <div><dt>Compensated</dt><dd>${outcomes.compensated}</dd></div>
            ${cancelled === undefined ? nothing : html`<div><dt>Cancelled after completing</dt><dd>${cancelled}</dd></div>`}
            <div><dt>Running</dt><dd>${outcomes.running}</dd></div>
          </dl>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metrics-page': MetricsPage;
  }
}
