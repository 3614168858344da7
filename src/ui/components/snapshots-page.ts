import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  demoIntervals,
  runSnapshotBenchmark,
  type BenchmarkProgress,
  type SnapshotBenchmarkResult,
  type SnapshotInterval,
} from '../../simulator/replay/snapshotBenchmark';
import { openSnapshotSandbox } from '../../simulator/replay/snapshotSandbox';
import { panelStyles } from '../styles/theme';
import { demoPageStyles } from '../styles/pageStyles';
import { demoControlStyles } from './replay-shared-styles';
import { formatMs, intervalLabel } from './snapshot-bar-chart';
import './snapshot-bar-chart';

const eventLimits = { min: 100, max: 50_000, initial: 10_000 } as const;
const runsPerPolicy = 5;

/**
 * Seed 003's hint, measured: "instead of replaying 10,000 events to get the current state, replay from the most
 * recent snapshot + only the events after it". A cart with N legal events is written to a database of its own
 * (real IndexedDB, emptied each run), then rebuilt by full replay and by snapshot + tail, timed live.
 */
@customElement('snapshots-page')
export class SnapshotsPage extends LitElement {
  static override styles = [
    panelStyles,
    demoControlStyles,
    demoPageStyles,
    css`
      input[type='number'] {
        width: 8rem;
      }
      .progress {
        display: grid;
        gap: var(--wb-space-1);
      }
      .headline {
        margin: 0;
        font-size: 1.2rem;
        line-height: 1.5;
      }
      .headline strong {
        font-variant-numeric: tabular-nums;
      }
      .note {
        font-size: 0.95rem;
        color: var(--wb-color-muted);
        border-left: 4px solid var(--wb-color-border);
        padding-left: var(--wb-space-3);
        margin: 0;
        max-width: 60rem;
      }
      code {
        font-family: var(--wb-font-mono);
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @state() private eventCount: number = eventLimits.initial;
  @state() private selected: SnapshotInterval = 1_000;
  @state() private progress: BenchmarkProgress | undefined;
  @state() private result: SnapshotBenchmarkResult | undefined;
  @state() private error: string | undefined;

  override render(): TemplateResult {
    const running = this.progress !== undefined;
    return html`
      <h2>Snapshots and the long tail</h2>
      <p class="lead">
        A long-lived stream makes every load slow: the state is the fold of all its events. A snapshot stores the
        state at one position, so a load reads the snapshot and only the events after it.
      </p>
      <p class="note">
        An order's stream holds at most six events (placed … delivered, then perhaps a deletion), so it can never grow a
        tail of 10,000. This
        demo uses a small teaching aggregate instead: a shopping cart (a real decider, <code>src/domain/cart/</code>)
        that a customer keeps filling and emptying, every <code>ItemAdded</code>/<code>ItemRemoved</code> one its
        <code>decide</code> allowed. It is written to a database of its own; your orders are not touched.
      </p>
      <form class="panel" aria-label="Benchmark settings" novalidate @submit=${this.run}>
        <div class="toolbar">
          <label class="field"
            >Events in the cart
            <input
              type="number"
              name="events"
              min=${eventLimits.min}
              max=${eventLimits.max}
              step="100"
              .value=${Number.isNaN(this.eventCount) ? '' : String(this.eventCount)}
              @input=${(event: Event) => (this.eventCount = (event.target as HTMLInputElement).valueAsNumber)}
          /></label>
          <label class="field"
            >Snapshot every
            <select @change=${this.changeInterval}>
              ${demoIntervals.map(
                (interval) =>
                  html`<option value=${String(interval)} ?selected=${interval === this.selected}>
                    ${interval === 'none' ? 'none (full replay)' : `${interval.toLocaleString('en')} events`}
                  </option>`,
              )}
            </select></label
          >
          <button type="submit" class="primary" ?disabled=${running}>${running ? 'Measuring…' : 'Build and measure'}</button>
        </div>
        ${this.renderProgress()}
        ${this.error === undefined ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
      </form>
      ${this.result === undefined ? nothing : this.renderResult(this.result)}
    `;
  }

  private renderProgress(): TemplateResult | typeof nothing {
    const progress = this.progress;
    if (progress === undefined) return nothing;
    const label =
      progress.phase === 'building'
        ? `Writing the cart to IndexedDB: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} events`
        : `Timing rehydration (${runsPerPolicy} runs each): ${progress.done} of ${progress.total} policies`;
    return html`<div class="progress">
      <label for="benchmark-progress">${label}</label>
      <progress id="benchmark-progress" max=${progress.total} .value=${progress.done}></progress>
    </div>`;
  }

  private renderResult(result: SnapshotBenchmarkResult): TemplateResult {
    const full = result.measurements.find((m) => m.interval === 'none');
    const chosen = result.measurements.find((m) => m.interval === this.selected);
    const sameState = result.measurements.every((m) => m.stateMatches);
    return html`<section class="panel" aria-label="Results">
      ${full && chosen
        ? html`<p class="headline" role="status">
            Full replay read <strong>${full.eventsRead.toLocaleString('en')} events</strong> in
            <strong>${formatMs(full.medianMs)}</strong>.
            ${chosen === full
              ? html`Pick a snapshot interval to compare.`
              : html`${intervalLabel(chosen.interval)}: read <strong>${chosen.eventsRead.toLocaleString('en')} events</strong>
                  in <strong>${formatMs(chosen.medianMs)}</strong>${chosen.snapshotAt === null
                    ? html` (no snapshot yet: the cart is shorter than the interval)`
                    : html` (the snapshot at event ${chosen.snapshotAt.toLocaleString('en')}, then the ${chosen.eventsRead.toLocaleString('en')} events after it)`}.`}
          </p>`
        : nothing}
      <snapshot-bar-chart .measurements=${result.measurements} .selected=${this.selected}></snapshot-bar-chart>
      <p class=${sameState ? 'ok' : 'error'}>
        ${sameState
          ? 'Every policy rebuilt the same cart ✓: a snapshot changes what a load costs, never what it returns.'
          : 'A policy rebuilt a different cart than the full replay.'}
      </p>
      <p class="note">
        Medians of ${runsPerPolicy} timed runs (<code>performance.now()</code>) of
        <code>rehydrate(store, cartDecider, '${result.streamId}', { snapshots })</code> on IndexedDB. Writing the
        ${result.events.toLocaleString('en')} events took ${formatMs(result.buildMs)}. A snapshot every K events leaves at
        most K − 1 to read, and costs one snapshot write per K events.
      </p>
    </section>`;
  }

  private readonly changeInterval = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.selected = value === 'none' ? 'none' : Number(value);
  };

  private readonly run = async (event: Event): Promise<void> => {
    event.preventDefault();
    const count = this.eventCount;
    if (!Number.isInteger(count) || count < eventLimits.min || count > eventLimits.max) {
      this.error = `Events in the cart must be a whole number from ${eventLimits.min.toLocaleString('en')} to ${eventLimits.max.toLocaleString('en')}.`;
      return;
    }
    this.error = undefined;
    this.result = undefined;
    this.progress = { phase: 'building', done: 0, total: count };
    let sandbox: Awaited<ReturnType<typeof openSnapshotSandbox>> | undefined;
    try {
      sandbox = await openSnapshotSandbox();
      this.result = await runSnapshotBenchmark(sandbox.store, {
        events: count,
        runs: runsPerPolicy,
        onProgress: (progress) => (this.progress = progress),
      });
    } catch (error) {
      this.error = `The benchmark stopped: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      sandbox?.close();
      this.progress = undefined;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'snapshots-page': SnapshotsPage;
  }
}
