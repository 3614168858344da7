import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { orderDecider } from '../../domain/order/decider';
import type { OrderState } from '../../domain/order/types';
import { rehydrate } from '../../eventStore/handleCommand';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { loadDemoOrder } from '../../simulator/replay/demoOrder';
import { replaySteps, stateAfter, type ReplayStep } from '../../simulator/replay/replaySteps';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { demoPageStyles } from '../styles/pageStyles';
import { demoControlStyles } from './replay-shared-styles';
import './replay-state-table';
import { plural } from '../text/plural';

type LoadedStream = {
  readonly streamId: string;
  readonly steps: readonly ReplayStep<OrderState>[];
  /** What `rehydrate` returns for the stream: the state the command side would load. */
  readonly storedState: OrderState;
};

const speeds = { min: 0.5, max: 4, step: 0.5, initial: 1 } as const;

/**
 * Replay, animated: the events of one order stream fold one by one into its state, each turn of
 * `evolve(state, event)` shown as event in, state before, state after. The last state equals what `rehydrate`
 * loads from the store: state is never stored, it is always the fold of the events.
 */
@customElement('replay-page')
export class ReplayPage extends LitElement {
  static override styles = [
    panelStyles,
    demoControlStyles,
    demoPageStyles,
    css`
      .events {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-2);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .events li {
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
        border: 1px solid var(--wb-color-border);
        background: var(--wb-color-surface-2);
        color: var(--wb-color-muted);
        font-size: 0.95rem;
      }
      .events li.folded {
        color: var(--wb-color-text);
      }
      .events li[aria-current='step'] {
        background: var(--wb-color-accent);
        border-color: var(--wb-color-accent);
        color: var(--wb-color-accent-text);
        font-weight: 700;
      }
      .fold {
        display: grid;
        grid-template-columns: minmax(0, 0.8fr) auto minmax(0, 1fr) auto minmax(0, 1fr);
        gap: var(--wb-space-3);
        align-items: start;
      }
      @media (max-width: 70rem) {
        .fold {
          grid-template-columns: minmax(0, 1fr);
        }
        .arrow {
          display: none;
        }
      }
      .arrow {
        align-self: center;
        font-size: 2rem;
        color: var(--wb-color-muted);
      }
      .event-in {
        border: 2px solid var(--wb-color-accent);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-2) var(--wb-space-3);
        background: var(--wb-color-accent-bg);
      }
      .event-in h4 {
        margin: 0 0 var(--wb-space-2);
        font-size: 1.05rem;
      }
      .event-type {
        font-size: 1.3rem;
        font-weight: 700;
        color: var(--wb-color-accent);
        margin: 0 0 var(--wb-space-1);
      }
      .event-in pre {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        color: var(--wb-color-text);
      }
      .formula {
        font-family: var(--wb-font-mono);
        color: var(--wb-color-muted);
        margin: 0;
      }
      .progress-line {
        display: flex;
        gap: var(--wb-space-3);
        align-items: center;
        flex-wrap: wrap;
      }
      .progress-line progress {
        flex: 1 1 12rem;
      }
      .final {
        margin: 0;
        font-size: 1.15rem;
        font-weight: 600;
      }
      .muted {
        color: var(--wb-color-muted);
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  private simulator: WorkbookSimulator | undefined;

  @state() private streamIds: readonly string[] | undefined;
  @state() private loaded: LoadedStream | undefined;
  /** Events folded so far: 0 = the initial state, steps.length = the final state. */
  @state() private shown = 0;
  @state() private playing = false;
  @state() private eventsPerSecond: number = speeds.initial;
  @state() private busy = false;
  @state() private error: string | undefined;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private loadedFor: WorkbookSimulator | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.simulator !== undefined && this.simulator !== this.loadedFor) {
      this.loadedFor = this.simulator;
      void this.loadStreams();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
    this.loadedFor = undefined;
  }

  /** Lists the order streams and opens the newest (or the one named in the hash: `#/replay/order-1001`). */
  private async loadStreams(preferred?: string): Promise<void> {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    try {
      const ids = await simulator.store.streamIds('order-');
      this.streamIds = ids;
      const wanted = preferred ?? this.params[0] ?? this.loaded?.streamId;
      const streamId = wanted !== undefined && ids.includes(wanted) ? wanted : ids.at(-1);
      if (streamId !== undefined) await this.loadStream(streamId);
    } catch (error) {
      this.error = `The order streams could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async loadStream(streamId: string): Promise<void> {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    this.pause();
    const events = await simulator.store.readStream(streamId);
    const stored = await rehydrate(simulator.store, orderDecider, streamId);
    this.loaded = { streamId, steps: replaySteps(orderDecider, events), storedState: stored.state };
    this.shown = 0;
    this.error = undefined;
  }

  private readonly loadDemo = async (): Promise<void> => {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    this.busy = true;
    try {
      const orderId = `replay-${crypto.randomUUID().slice(0, 4)}`;
      const outcome = await loadDemoOrder((command, input) => simulator.execute(command, input), orderId);
      if (!outcome.ok) {
        this.error = `The demo order could not be recorded: ${outcome.message}`;
        return;
      }
      await this.loadStreams(outcome.streamId);
    } finally {
      this.busy = false;
    }
  };

  // ---------- playback ----------

  private play(): void {
    const total = this.loaded?.steps.length ?? 0;
    if (total === 0) return;
    if (this.shown >= total) this.shown = 0;
    this.playing = true;
    this.scheduleNext();
  }

  private pause(): void {
    this.playing = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private scheduleNext(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const total = this.loaded?.steps.length ?? 0;
      this.shown = Math.min(total, this.shown + 1);
      if (this.shown >= total) this.pause();
      else this.scheduleNext();
    }, 1000 / this.eventsPerSecond);
  }

  private stepTo(shown: number): void {
    this.pause();
    this.shown = Math.max(0, Math.min(this.loaded?.steps.length ?? 0, shown));
  }

  private readonly changeSpeed = (event: Event): void => {
    this.eventsPerSecond = Number((event.target as HTMLInputElement).value);
    if (this.playing) this.scheduleNext();
  };

  // ---------- view ----------

  override render(): TemplateResult {
    return html`
      <h2>Replay</h2>
      <p class="lead">
        An event-sourced order keeps no current state: every time it is needed, its events are folded, one by one,
        with <code>evolve(state, event)</code>. Watch each event turn the state before into the state after.
      </p>
      ${this.error === undefined ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
      <section class="panel" aria-label="Order stream">
        <div class="toolbar">
          ${this.streamIds !== undefined && this.streamIds.length > 0
            ? html`<label class="field"
                >Order stream
                <select @change=${(event: Event) => void this.loadStream((event.target as HTMLSelectElement).value)}>
                  ${this.streamIds.map(
                    (id) => html`<option value=${id} ?selected=${id === this.loaded?.streamId}>${id}</option>`,
                  )}
                </select></label
              >`
            : html`<p class="muted">${this.streamIds === undefined ? 'Reading the order streams…' : 'There are no orders yet.'}</p>`}
          <button type="button" ?disabled=${this.busy || this.simulator === undefined} @click=${this.loadDemo}>
            ${this.busy ? 'Recording the demo order…' : 'Load a demo order'}
          </button>
        </div>
      </section>
      ${this.loaded === undefined ? nothing : this.renderReplay(this.loaded)}
    `;
  }

  private renderReplay(loaded: LoadedStream): TemplateResult {
    const { steps } = loaded;
    const total = steps.length;
    const current = this.shown > 0 ? steps[this.shown - 1] : undefined;
    return html`
      <section class="panel" aria-label="Replay controls">
        <div class="toolbar">
          <button type="button" @click=${() => this.stepTo(0)}>Restart</button>
          <button type="button" ?disabled=${this.shown === 0} @click=${() => this.stepTo(this.shown - 1)}>Step back</button>
          <button type="button" class="primary" ?disabled=${total === 0} @click=${() => (this.playing ? this.pause() : this.play())}>
            ${this.playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" ?disabled=${this.shown >= total} @click=${() => this.stepTo(this.shown + 1)}>Step forward</button>
          <label class="field"
            >Speed
            <input
              type="range"
              min=${speeds.min}
              max=${speeds.max}
              step=${speeds.step}
              .value=${String(this.eventsPerSecond)}
              aria-valuetext="${this.eventsPerSecond} events per second"
              @input=${this.changeSpeed}
            />
            <span>${plural(this.eventsPerSecond, 'event')}/s</span></label
          >
        </div>
        <div class="progress-line">
          <progress id="replay-progress" max=${Math.max(1, total)} .value=${this.shown} aria-label="Replay progress"></progress>
          <span>Event ${this.shown} of ${total}</span>
        </div>
        <ol class="events" aria-label="Events of ${loaded.streamId}">
          ${steps.map(
            (step, index) => html`<li
              class=${index < this.shown ? 'folded' : ''}
              aria-current=${index === this.shown - 1 ? 'step' : nothing}
            >
              ${step.event.streamPosition}. ${step.event.type}
            </li>`,
          )}
        </ol>
      </section>
      <section class="panel" aria-label="Evolve step">
        <p class="formula">
          ${current === undefined
            ? 'state₀ = initialState()'
            : `state${subscript(this.shown)} = evolve(state${subscript(this.shown - 1)}, ${current.event.type})`}
        </p>
        <div class="fold">
          ${this.renderEventIn(current)}
          <span class="arrow" aria-hidden="true">→</span>
          <replay-state-table
            caption="State before"
            placeholder="No state yet: the stream is folded from initialState()."
            .state=${current?.before}
          ></replay-state-table>
          <span class="arrow" aria-hidden="true">→</span>
          <replay-state-table
            caption="State after"
            .state=${stateAfter(steps, this.shown, orderDecider.initialState())}
            .changed=${current?.changedFields ?? []}
          ></replay-state-table>
        </div>
        ${this.renderVerdict(loaded)}
      </section>
    `;
  }

  private renderEventIn(step: ReplayStep<OrderState> | undefined): TemplateResult {
    if (step === undefined) {
      return html`<div class="event-in"><h4>Event in</h4><p class="muted">None yet. Press Play or Step forward.</p></div>`;
    }
    const { event } = step;
    return html`<div class="event-in" aria-label="Event in">
      <h4>Event in</h4>
      <p class="event-type">${event.type}</p>
      <p class="muted">position ${event.streamPosition} of ${event.streamId} · global ${event.globalPosition}</p>
      <pre>${JSON.stringify(event.data, null, 2)}</pre>
    </div>`;
  }

  private renderVerdict(loaded: LoadedStream): TemplateResult {
    const total = loaded.steps.length;
    if (this.shown < total || total === 0) {
      return html`<p class="muted" role="status">${plural(total - this.shown, 'event')} left to fold.</p>`;
    }
    const final = loaded.steps[total - 1]!.after;
    const matches = JSON.stringify(final) === JSON.stringify(loaded.storedState);
    const status = final.status === 'none' ? 'none' : final.status;
    return matches
      ? html`<p class="final ok" role="status">Final state reached (${status}): it matches the stored state ✓</p>`
      : html`<p class="final error" role="alert">Final state (${status}) differs from what rehydrate() loads from the store.</p>`;
  }
}

const subscripts = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number): string => [...String(n)].map((digit) => subscripts[Number(digit)]).join('');

declare global {
  interface HTMLElementTagNameMap {
    'replay-page': ReplayPage;
  }
}
