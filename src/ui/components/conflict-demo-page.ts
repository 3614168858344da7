import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { findTypedOrder } from '../../simulator/conflictDemo';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { pageHeadingStyles } from '../styles/pageStyles';
import { dataControlStyles } from './data-styles';
import './conflict-client';

/**
 * Optimistic concurrency, staged: two clients load the same order at the same version, each sends a change; the
 * store accepts the first append and refuses the second with a ConcurrencyError, which the second resolves by
 * reloading and deciding again.
 */
@customElement('conflict-demo-page')
export class ConflictDemoPage extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  static override styles = [
    panelStyles,
    dataControlStyles,
    pageHeadingStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-4);
        max-width: 70rem;
      }
      .clients {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--wb-space-4);
      }
      @media (max-width: 52rem) {
        .clients {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .explain p {
        margin: 0 0 var(--wb-space-2);
      }
    `,
  ];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private orderId = '';
  @state() private typedOrderId = '';
  @state() private loadRequest = 0;
  @state() private problem = '';

  override render(): TemplateResult {
    return html`
      <h2>Concurrency</h2>
      <section class="panel explain" aria-labelledby="occ-title">
        <h3 id="occ-title">Optimistic concurrency</h3>
        <p>
          Each client appends with the stream version it loaded as its expected version, and the store refuses the
          append if the stream has moved on since, so no change is silently overwritten: the refused client reloads
          and decides again.
        </p>
        <p>
          Each client sends its change as an HTTP request to seed 002's API, the version it holds as
          <code>If-Match</code> (the ETag of its GET): the first is answered <code>200</code> with the new ETag, the
          stale one <code>412 Precondition Failed</code>, and nothing is written. The exchange shows under each client.
        </p>
        <p class="note">
          Two browser tabs share this store too: open the app in another tab, go to its Simulator, and watch the
          events you append here appear in its event log as they happen.
        </p>
        <div class="row">
          <button type="button" @click=${this.placeDemoOrder}>Place a new order and load it in both clients</button>
          <div class="field">
            <label for="conflict-order-id">Or an existing order id</label>
            <input id="conflict-order-id" .value=${this.typedOrderId}
              @input=${(e: Event) => (this.typedOrderId = (e.target as HTMLInputElement).value.trim())}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter' && this.typedOrderId) void this.loadTyped();
              }} />
          </div>
          <button type="button" class="secondary" ?disabled=${!this.typedOrderId} @click=${() => void this.loadTyped()}>Load in both clients</button>
        </div>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      </section>
      <div class="clients">
        <conflict-client name="Client A" change="confirm" .orderId=${this.orderId} .loadRequest=${this.loadRequest}></conflict-client>
        <conflict-client name="Client B" change="cancel" .orderId=${this.orderId} .loadRequest=${this.loadRequest}></conflict-client>
      </div>
    `;
  }

  private async placeDemoOrder(): Promise<void> {
    const simulator = this.simulator;
    if (!simulator) return;
    const orderId = `demo-${crypto.randomUUID().slice(0, 8)}`;
    const outcome = await simulator.execute('PlaceOrder', {
      orderId,
      customerId: 'customer-occ',
      customerEmail: 'grace@example.com',
      items: [{ product: 'Desk lamp', quantity: 1, unitPrice: 39.9 }],
    });
    if (!outcome.ok) {
      this.problem = `The demo order could not be placed: ${outcome.message}`;
      return;
    }
    this.problem = '';
    this.show(orderId);
  }

  private async loadTyped(): Promise<void> {
    const simulator = this.simulator;
    if (!simulator) return;
    const found = await findTypedOrder(simulator.store, this.typedOrderId);
    if (found.kind === 'missing') {
      this.problem = found.message;
      return;
    }
    this.problem = '';
    this.show(found.orderId);
  }

  private show(orderId: string): void {
    this.orderId = orderId;
    this.loadRequest += 1;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conflict-demo-page': ConflictDemoPage;
  }
}
