import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { maxDelayMs, rebuildAllCommitBatches, type ProjectionStatus, type RebuildProgress } from '../../projections/projector';

/** What the rebuild-batch picker offers: from a checkpoint every 100 events to the default's 5,000. */
const rebuildBatchChoices = [100, 500, 1000, 5000] as const;
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { panelStyles } from '../styles/theme';
import { simulatorFormStyles } from '../styles/simulatorFormStyles';

/** How a projection's activity reads next to its name. */
const activityText: Record<ProjectionStatus['status'], string> = {
  idle: 'caught up',
  catchingUp: 'catching up',
  paused: 'paused',
  faulted: 'faulted',
  rebuilding: 'rebuilding',
};

/** The last rebuild a person started here, kept on screen after it finished so its bar can be read. */
type RebuildRun = { readonly progress: RebuildProgress; readonly finished: boolean; readonly error: string | null };

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Added to an injected fault's reason, so the fault box itself says how to recover. */
const injectedFaultHint = "turn off 'Break on next event' and press Retry";

/**
 * The projector under the person's hand: each projection's checkpoint against the log's head (the lag), Pause /
 * Step / Resume, a delay before catching up that makes eventual consistency visible, Rebuild with progress, a
 * faulted projection's event and reason with Skip / Retry, and "Break on next event" to cause such a fault for real.
 */
@customElement('projection-panel')
export class ProjectionPanel extends LitElement {
  static override styles = [
    panelStyles,
    simulatorFormStyles,
    css`
      :host {
        display: block;
        min-width: 0;
        container-type: inline-size;
      }
      .delay {
        display: grid;
        grid-template-columns: auto minmax(6rem, 1fr) auto;
        gap: var(--wb-space-2);
        align-items: center;
        margin-bottom: var(--wb-space-3);
      }
      .delay .batch {
        grid-column: 2 / 4;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--wb-space-2);
      }
      output {
        font-variant-numeric: tabular-nums;
        min-width: 3.5rem;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        width: 100%;
        min-width: 30rem;
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
      thead th {
        color: var(--wb-color-muted);
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      tbody th .mono {
        white-space: nowrap;
      }
      td.number {
        font-variant-numeric: tabular-nums;
      }
      td.controls {
        /* Pause, Step and Rebuild on one line, and the break switch under them, even beside a long fault. */
        min-width: 17rem;
      }
      /* A narrow panel (large text on a small screen): the buttons wrap under each other rather than hiding past
         the panel's right edge, where only a sideways scroll would find them. */
      @container (max-width: 40rem) {
        table {
          min-width: 0;
        }
        th,
        td {
          padding: var(--wb-space-2) var(--wb-space-1);
        }
        thead th {
          letter-spacing: 0;
        }
        td.controls {
          min-width: 0;
        }
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-1);
      }
      .behind {
        color: var(--wb-color-warning);
        font-weight: 600;
      }
      .fault {
        margin: var(--wb-space-2) 0 0;
        padding: var(--wb-space-2);
        border-radius: var(--wb-radius);
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
      }
      .rebuild-all {
        margin-bottom: var(--wb-space-3);
      }
      .rebuild {
        display: grid;
        gap: var(--wb-space-1);
        margin-top: var(--wb-space-2);
        font-size: 0.85rem;
      }
      .break {
        display: flex;
        align-items: center;
        gap: var(--wb-space-1);
        margin-top: var(--wb-space-2);
        font-weight: 400;
        font-size: 0.85rem;
        color: var(--wb-color-muted);
      }
      .break input {
        margin: 0;
        accent-color: var(--wb-color-danger);
      }
      .break.on {
        color: var(--wb-color-danger);
        font-weight: 600;
      }
      .fault .explains {
        margin-top: var(--wb-space-1);
        color: var(--wb-color-text);
      }
      .fault .actions {
        margin-top: var(--wb-space-2);
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

  @state() private rebuilds: ReadonlyMap<string, RebuildRun> = new Map();
  @state() private actionError: string | null = null;
  @state() private rebuildAllRun: RebuildRun | null = null;

  // Every projector change reaches the simulator's onChange, which re-renders this panel with a fresh status.
  private readonly changes = new SimulatorChangesController(this, () => this.simulator);

  override render(): TemplateResult {
    void this.changes.revision;
    const simulator = this.simulator;
    if (simulator === undefined) return html`<section class="panel"><h3>Projections</h3></section>`;
    const status = simulator.projector.getStatus();
    return html`
      <section class="panel" aria-labelledby="projections-title">
        <h3 id="projections-title">Projections</h3>
        <div class="delay">
          <label for="projection-delay">Projection delay</label>
          <input
            id="projection-delay"
            type="range"
            min="0"
            max=${maxDelayMs}
            step="250"
            .value=${String(status.delayMs)}
            aria-valuetext=${seconds(status.delayMs)}
            @input=${this.onDelay}
          />
          <output for="projection-delay">${seconds(status.delayMs)}</output>
          <label for="rebuild-batch">Rebuild batch</label>
          <span class="batch">
          <select id="rebuild-batch" aria-describedby="rebuild-batch-note" @change=${this.onRebuildBatch}>
            ${[...new Set([...rebuildBatchChoices, status.rebuildBatchSize])]
              .sort((a, b) => a - b)
              .map(
                (size) =>
                  html`<option value=${size} ?selected=${size === status.rebuildBatchSize}>${size.toLocaleString('en-US')} events</option>`,
              )}
          </select>
          <span class="note" id="rebuild-batch-note">a checkpoint per batch (Rebuild all: every ${rebuildAllCommitBatches} batches): smaller loses less to a reload, replays slower</span>
          </span>
        </div>
        ${this.actionError ? html`<p class="feedback refused" role="alert">${this.actionError}</p>` : nothing}
        <div class="rebuild-all">
          <button
            type="button"
            ?disabled=${status.projections.some((projection) => projection.status === 'rebuilding')}
            @click=${() => this.rebuildAll()}
          >
            Rebuild all
          </button>
          ${this.rebuildAllRun ? this.renderRebuild('all', this.rebuildAllRun) : nothing}
        </div>
        <div class="scroll">
          <table aria-labelledby="projections-title">
            <thead>
              <tr>
                <th scope="col">Projection</th>
                <th scope="col">Checkpoint</th>
                <th scope="col">Head</th>
                <th scope="col">Lag</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              ${status.projections.map((projection) => this.renderProjection(projection, status.headPosition))}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }

  private renderProjection(projection: ProjectionStatus, head: number): TemplateResult {
    const { name } = projection;
    const busy = projection.status === 'rebuilding';
    const rebuild = this.rebuilds.get(name);
    return html`<tr>
      <th scope="row">
        <span class="mono">${name}</span>
        <div class="note">${activityText[projection.status]}</div>
        ${projection.fault
          ? html`<div class="fault" role="alert">
              Stopped at event ${projection.fault.globalPosition} (${projection.fault.eventType}): ${projection.fault.reason}
              <p class="explains">
                Its read model stays as of checkpoint ${projection.checkpoint} and falls further behind with every new
                event. Skip leaves this event out of the read model for good; Retry applies it again.
              </p>
              <div class="actions">
                <button type="button" aria-label=${`Skip event ${projection.fault.globalPosition} in ${name}`} @click=${() => this.run(() => this.simulator?.projector.skip(name))}>
                  Skip
                </button>
                <button type="button" aria-label=${`Retry ${name}`} @click=${() => this.run(() => this.simulator?.projector.retry(name))}>
                  Retry
                </button>
              </div>
            </div>`
          : nothing}
        ${projection.lastError ? html`<div class="fault" role="alert">${projection.lastError}</div>` : nothing}
      </th>
      <td class="number">${projection.checkpoint}</td>
      <td class="number">${head}</td>
      <td class=${projection.lag > 0 ? 'number behind' : 'number'}>${projection.lag}</td>
      <td class="controls">
        <div class="actions">
          ${projection.paused
            ? html`<button type="button" ?disabled=${busy} aria-label=${`Resume ${name}`} @click=${() => this.simulator?.projector.resume(name)}>
                Resume
              </button>`
            : html`<button type="button" ?disabled=${busy} aria-label=${`Pause ${name}`} @click=${() => this.simulator?.projector.pause(name)}>
                Pause
              </button>`}
          <button
            type="button"
            ?disabled=${busy || projection.lag === 0}
            aria-label=${`Step ${name}`}
            @click=${() => this.run(() => this.simulator?.projector.step(name))}
          >
            Step
          </button>
          <button type="button" ?disabled=${busy} aria-label=${`Rebuild ${name}`} @click=${() => this.rebuild(name)}>
            Rebuild
          </button>
        </div>
        <label class=${projection.faultInjected ? 'break on' : 'break'}>
          <input
            type="checkbox"
            .checked=${projection.faultInjected}
            aria-label=${`Make ${name} fail on its next event`}
            @change=${(event: Event) => this.onBreak(name, event)}
          />
          Break on next event
        </label>
        ${rebuild ? this.renderRebuild(name, rebuild) : nothing}
      </td>
    </tr>`;
  }

  private renderRebuild(name: string, run: RebuildRun): TemplateResult {
    const { done, total } = run.progress;
    const id = `rebuild-${name}`;
    return html`<div class="rebuild">
      <label for=${id}>${name === 'all' ? 'Rebuild all read models' : `Rebuild ${name}`}</label>
      <progress id=${id} value=${done} max=${Math.max(1, total)}></progress>
      <span role="status"
        >${run.error
          ? `Rebuild failed: ${run.error}`
          : run.finished
            ? `Rebuilt ${name === 'all' ? 'all read models' : name}: replayed ${total} event${total === 1 ? '' : 's'}.`
            : `Replaying ${done} of ${total} events…`}</span
      >
    </div>`;
  }

  /** The lesson switch: a real fault in this projection's evolve, on the next event it applies. */
  private onBreak(name: string, event: Event): void {
    const projector = this.simulator?.projector;
    if ((event.target as HTMLInputElement).checked) projector?.injectFault(name, injectedFaultHint);
    else projector?.clearInjectedFault(name);
  }

  /** Smaller batches commit a checkpoint more often: a reload mid-rebuild resumes closer to where it was. */
  private onRebuildBatch(event: Event): void {
    void this.run(async () => this.simulator?.projector.setRebuildBatchSize(Number((event.target as HTMLSelectElement).value)));
  }

  private onDelay(event: Event): void {
    this.simulator?.projector.setDelay(Number((event.target as HTMLInputElement).value));
  }

  private async run(action: () => Promise<unknown> | undefined): Promise<void> {
    try {
      this.actionError = null;
      await action();
    } catch (error) {
      this.actionError = String(error);
    }
  }

  /** Every read model in one pass over the log (one read per batch for all of them). */
  private async rebuildAll(): Promise<void> {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    this.rebuildAllRun = { progress: { done: 0, total: simulator.projector.getStatus().headPosition }, finished: false, error: null };
    let last: RebuildProgress = { done: 0, total: 0 };
    try {
      await simulator.projector.rebuildAll((progress) => {
        last = progress;
        this.rebuildAllRun = { progress, finished: false, error: null };
      });
      this.rebuildAllRun = { progress: { done: last.total, total: last.total }, finished: true, error: null };
    } catch (error) {
      this.rebuildAllRun = { progress: last, finished: false, error: String(error) };
    }
  }

  private async rebuild(name: string): Promise<void> {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    const set = (run: RebuildRun) => {
      this.rebuilds = new Map(this.rebuilds).set(name, run);
    };
    set({ progress: { done: 0, total: simulator.projector.getStatus().headPosition }, finished: false, error: null });
    let last: RebuildProgress = { done: 0, total: 0 };
    try {
      await simulator.projector.rebuild(name, (progress) => {
        last = progress;
        set({ progress, finished: false, error: null });
      });
      set({ progress: { done: last.total, total: last.total }, finished: true, error: null });
    } catch (error) {
      set({ progress: last, finished: false, error: String(error) });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'projection-panel': ProjectionPanel;
  }
}
