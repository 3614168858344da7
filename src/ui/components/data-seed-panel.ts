import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { maxOrdersWithin, maxSeedEvents, orderIdOf, planSeed, seedEventCount, seedFormProblems } from '../../simulator/seedData';
import { orderStreamId } from '../../domain/order/types';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { count, dataControlStyles } from './data-styles';

type SeedRun =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preparing' }
  | { readonly kind: 'writing'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly written: number; readonly orders: number; readonly seconds: number; readonly cancelled: boolean }
  | { readonly kind: 'failed'; readonly message: string };

/** Seeds a realistic shop history (seedData.ts) through the simulator's bulk append, with progress and Cancel. */
@customElement('data-seed-panel')
export class DataSeedPanel extends LitElement {
  static override styles = [panelStyles, dataControlStyles];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private orders = 1000;
  @state() private seed = 42;
  /** The fields as typed: an empty or half-typed field is reported as such, not read as 0. */
  @state() private ordersText = '1000';
  @state() private seedText = '42';
  @state() private run: SeedRun = { kind: 'idle' };
  private controller: AbortController | undefined;

  override render(): TemplateResult {
    const problems = seedFormProblems(this.ordersText, this.seedText);
    const valid = problems.orders === undefined && problems.seed === undefined;
    const events = valid ? seedEventCount(this.seed, Math.min(this.orders, 200_000)) : 0;
    const tooMany = events > maxSeedEvents;
    const busy = this.run.kind === 'preparing' || this.run.kind === 'writing';
    return html`
      <section class="panel" aria-labelledby="seed-title">
        <h3 id="seed-title">Seed a data set</h3>
        <p class="note">
          Customers, products and prices, and orders through every lifecycle: delivered, shipped, cancelled with a
          reason, deleted, still pending. Each event is decided by the real order decider; the same seed number
          always gives the same data.
        </p>
        <div class="row">
          <div class="field">
            <label for="seed-orders">Orders</label>
            <input id="seed-orders" type="number" min="1" step="1" .value=${this.ordersText} ?disabled=${busy}
              aria-invalid=${problems.orders === undefined ? 'false' : 'true'} aria-describedby="seed-count"
              @input=${(e: Event) => this.typeOrders((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="seed-number">Seed number</label>
            <input id="seed-number" type="number" min="0" step="1" .value=${this.seedText} ?disabled=${busy}
              aria-invalid=${problems.seed === undefined ? 'false' : 'true'} aria-describedby="seed-count"
              @input=${(e: Event) => this.typeSeed((e.target as HTMLInputElement).value)} />
          </div>
          <button type="button" class="secondary" ?disabled=${busy || problems.seed !== undefined} @click=${this.useLargest}>
            Largest (up to ${count(maxSeedEvents)} events)
          </button>
        </div>
        <p id="seed-count" aria-live="polite">
          ${!valid
            ? html`<span class="error">${[problems.orders, problems.seed].filter(Boolean).join(' ')}</span>`
            : tooMany
              ? html`<span class="error">${count(this.orders)} orders make more than ${count(maxSeedEvents)} events: choose
                  fewer (at most ${count(maxOrdersWithin(this.seed))} for seed ${this.seed}).</span>`
              : html`${count(this.orders)} orders make <strong>${count(events)} events</strong>.`}
        </p>
        <div class="row">
          <button type="button" ?disabled=${busy || !valid || tooMany} @click=${this.start}>Seed</button>
          ${busy ? html`<button type="button" class="secondary" @click=${this.cancel}>Cancel seeding</button>` : nothing}
        </div>
        ${this.renderRun()}
      </section>
    `;
  }

  private renderRun(): TemplateResult | typeof nothing {
    const run = this.run;
    switch (run.kind) {
      case 'idle':
        return nothing;
      case 'preparing':
        return html`<p role="status">Deciding every order's events in memory…</p>`;
      case 'writing':
        return html`<div class="progress">
          <label for="seed-progress">Seeding: ${count(run.done)} of ${count(run.total)} events written</label>
          <progress id="seed-progress" max=${run.total} .value=${run.done}></progress>
        </div>`;
      case 'done':
        return html`<p class="ok" role="status">
          ${run.cancelled
            ? `Cancelled after ${count(run.written)} events. What was written stays, and log, CRUD twin and read models agree on it.`
            : `Seeded ${count(run.written)} events (${count(run.orders)} orders) in ${run.seconds.toFixed(1)} s.`}
        </p>`;
      case 'failed':
        return html`<p class="error" role="alert">${run.message}</p>`;
      default:
        return run satisfies never;
    }
  }

  private useLargest(): void {
    this.typeOrders(String(maxOrdersWithin(this.seed)));
  }

  private typeOrders(text: string): void {
    this.ordersText = text;
    this.orders = Number(text);
  }

  private typeSeed(text: string): void {
    this.seedText = text;
    this.seed = Number(text);
  }

  private cancel(): void {
    this.controller?.abort();
  }

  private async start(): Promise<void> {
    const simulator = this.simulator;
    if (!simulator) return;
    const { seed, orders } = this;
    this.run = { kind: 'preparing' };
    try {
      if ((await simulator.store.streamVersion(orderStreamId(orderIdOf(seed, 0)))) > 0) {
        this.run = {
          kind: 'failed',
          message: `Seed ${seed}'s orders are already in the store. Choose another seed number, or reset the simulator first.`,
        };
        return;
      }
      // Lets the "Deciding…" line paint before the synchronous planning takes the main thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const plan = planSeed({ seed, orders });
      const started = performance.now();
      this.controller = new AbortController();
      this.run = { kind: 'writing', done: 0, total: plan.events };
      const result = await simulator.appendGenerated(plan.steps, {
        signal: this.controller.signal,
        batchEvents: 10_000,
        onProgress: ({ done, total }) => (this.run = { kind: 'writing', done, total }),
      });
      this.run = {
        kind: 'done',
        written: result.written,
        orders,
        seconds: (performance.now() - started) / 1000,
        cancelled: result.cancelled,
      };
    } catch (error) {
      this.run = { kind: 'failed', message: `Seeding stopped: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.controller = undefined;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-seed-panel': DataSeedPanel;
  }
}
