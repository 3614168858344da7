import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import {
  changeLabels,
  clientChanges,
  loadOrder,
  submitChangeOverHttp,
  type ClientChange,
  type HttpExchange,
  type LoadedOrder,
  type SubmitOutcome,
} from '../../simulator/conflictDemo';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { dataControlStyles } from './data-styles';
import './conflict-http-exchange';

/** What the client shows under its button. */
type Feedback =
  | { readonly kind: 'none' }
  | { readonly kind: 'outcome'; readonly outcome: SubmitOutcome; readonly retried: boolean }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * One client of the demo: it holds the order as it loaded it (state and version) and sends its change to seed 002's
 * API with that version as `If-Match`, which the command side turns into the append's `expectedVersion`. It never
 * reloads by itself, which is what lets it lose the race: the store's ConcurrencyError, over HTTP a 412.
 */
@customElement('conflict-client')
export class ConflictClient extends LitElement {
  static override styles = [
    panelStyles,
    dataControlStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: var(--wb-space-1) var(--wb-space-3);
        margin: 0 0 var(--wb-space-3);
      }
      dt {
        color: var(--wb-color-muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
      .version {
        font-size: 1.3rem;
        font-variant-numeric: tabular-nums;
      }
      .conflict strong {
        display: block;
      }
    `,
  ];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  /** "Client A": the panel's name, also written into a cancel reason. */
  @property() name = 'Client';
  @property() orderId = '';
  /** Bumped by the page to make both clients load the order again (a new demo order). */
  @property({ type: Number }) loadRequest = 0;
  @property() change: ClientChange = 'confirm';

  @state() private loaded: LoadedOrder | undefined;
  @state() private feedback: Feedback = { kind: 'none' };
  @state() private busy = false;
  @state() private exchange: HttpExchange | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('loadRequest') || changed.has('orderId') || changed.has('simulator')) && this.orderId && this.simulator) {
      void this.load();
    }
  }

  override render(): TemplateResult {
    const id = this.name.replace(/\W+/g, '-').toLowerCase();
    const order = this.loaded?.state;
    return html`
      <section class="panel" aria-labelledby="${id}-title">
        <h3 id="${id}-title">${this.name}</h3>
        ${this.loaded
          ? html`<dl>
              <dt>Order</dt>
              <dd>${this.loaded.orderId}</dd>
              <dt>Status it saw</dt>
              <dd>${order && order.status !== 'none' ? order.status : 'no such order'}</dd>
              <dt>Version it holds</dt>
              <dd class="version">${this.loaded.version}</dd>
            </dl>`
          : html`<p class="note">No order loaded yet.</p>`}
        <div class="row">
          <div class="field">
            <label for="${id}-change">Change</label>
            <select id="${id}-change" .value=${this.change} ?disabled=${this.busy}
              @change=${(e: Event) => (this.change = (e.target as HTMLSelectElement).value as ClientChange)}>
              ${clientChanges.map((change) => html`<option value=${change} ?selected=${change === this.change}>${changeLabels[change]}</option>`)}
            </select>
          </div>
          <button type="button" ?disabled=${this.busy || !this.loaded} @click=${() => this.submit(false)}>Send</button>
          <button type="button" class="secondary" ?disabled=${this.busy || !this.orderId} @click=${this.reload}>Reload</button>
        </div>
        ${this.renderFeedback()}
        <conflict-http-exchange heading="${this.name} over HTTP" .exchange=${this.exchange}></conflict-http-exchange>
      </section>
    `;
  }

  private renderFeedback(): TemplateResult | typeof nothing {
    const feedback = this.feedback;
    switch (feedback.kind) {
      case 'none':
        return nothing;
      case 'failed':
        return html`<p class="error" role="alert">${feedback.message}</p>`;
      case 'outcome': {
        const { outcome, retried } = feedback;
        switch (outcome.kind) {
          case 'accepted':
            return html`<p class="ok" role="status">
              ${retried ? 'Retried on the new state and accepted' : 'Accepted'}:
              ${outcome.events.map((event) => event.type).join(', ')} appended; the stream is now at version ${outcome.version}.
            </p>`;
          case 'conflict':
            return html`<div class="error conflict" role="alert">
              <strong>ConcurrencyError: ${outcome.message}.</strong>
              Another client changed the order after this one loaded it; nothing was written. Over HTTP that is
              412 Precondition Failed: its If-Match no longer matches the order's ETag. Retry reloads the order and
              decides again on what is there now.
              <div class="row"><button type="button" @click=${() => this.submit(true)}>Retry</button></div>
            </div>`;
          case 'refused':
            return html`<p class="error" role="alert">
              ${retried ? 'Reloaded and decided again: the domain refuses it now. ' : 'The domain refuses it. '}${outcome.message}
            </p>`;
          default:
            return outcome satisfies never;
        }
      }
      default:
        return feedback satisfies never;
    }
  }

  private async load(): Promise<void> {
    const simulator = this.simulator;
    if (!simulator || !this.orderId) return;
    try {
      this.loaded = await loadOrder(simulator.store, this.orderId);
      this.feedback = { kind: 'none' };
      this.exchange = undefined;
    } catch (error) {
      this.feedback = { kind: 'failed', message: `Could not load the order: ${String(error)}` };
    }
  }

  private async reload(): Promise<void> {
    this.busy = true;
    await this.load();
    this.busy = false;
  }

  /** Send with what the client holds, or (retry) reload first and decide on the new state. */
  private async submit(retry: boolean): Promise<void> {
    const simulator = this.simulator;
    if (!simulator) return;
    this.busy = true;
    try {
      if (retry) this.loaded = await loadOrder(simulator.store, this.orderId);
      if (!this.loaded) return;
      const { outcome, exchange } = await submitChangeOverHttp(simulator, this.loaded, this.change, this.name);
      this.exchange = exchange;
      // What the client holds after an accepted append is what it just wrote.
      if (outcome.kind === 'accepted') this.loaded = await loadOrder(simulator.store, this.orderId);
      this.feedback = { kind: 'outcome', outcome, retried: retry };
    } catch (error) {
      this.feedback = { kind: 'failed', message: `The append failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conflict-client': ConflictClient;
  }
}
