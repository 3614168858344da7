import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../../simulator/simulator';
import { isForgotten } from '../../../privacy/personalData';
import { customerLabView, placeLabOrder, type CustomerLabView } from '../../../workbook/demos/forgetCustomerLab';
import { simulatorContext } from '../../simulatorContext';
import { panelStyles } from '../../styles/theme';
import { demoPageStyles, demoReportStyles } from '../../styles/pageStyles';
import {
  compactControlStyles,
  fieldStyles,
  focusRingStyles,
  inputStyles,
  linkStyles,
  primaryButtonStyles,
} from '../../styles/controlStyles';
import { tableStyles } from '../../styles/tableStyles';
import { routeHref } from '../../controllers/hashRouteController';
import { DemoRunController } from '../../controllers/demoRunController';


const money = (amount: number): string => amount.toFixed(2);
/** An envelope is long; its start says what it is, the rest is noise to a reader. */
const shortCiphertext = (stored: string): string => (stored.length > 56 ? `${stored.slice(0, 56)}…` : stored);

/**
 * `#/forget-customer`: crypto-shredding on the app's own store. Orders for one customer are placed with their email
 * encrypted under the customer's key; "Forget this customer" deletes the key, and the page shows the read models
 * reading `[forgotten]` while the totals and the stored events (their fingerprint) stay exactly as they were.
 */
@customElement('forget-customer-page')
export class ForgetCustomerPage extends LitElement {
  static override styles = [
    panelStyles,
    demoPageStyles,
    demoReportStyles,
    compactControlStyles,
    primaryButtonStyles,
    focusRingStyles,
    fieldStyles,
    inputStyles,
    linkStyles,
    tableStyles,
    css`
      .fields {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-3);
      }
      button.forget {
        color: var(--wb-color-danger);
        border-color: var(--wb-color-danger);
      }
      td.mono,
      dd.mono {
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      .forgotten {
        display: inline-block;
        padding: 0 var(--wb-space-1);
        border: 1px dashed var(--wb-color-danger);
        border-radius: var(--wb-radius);
        color: var(--wb-color-danger);
        font-weight: 600;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--wb-space-1) var(--wb-space-3);
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private customerId = `cust-${Math.random().toString(36).slice(2, 7)}`;
  @state() private customerEmail = 'grace@example.com';
  @state() private view: CustomerLabView | null = null;
  /** The fingerprint of the stored events just before the last forgetting, to compare with the one after. */
  @state() private fingerprintBefore: string | null = null;
  @state() private placed = 0;
  private readonly demo = new DemoRunController(this);

  override render(): TemplateResult {
    const ready = this.simulator !== undefined && !this.demo.busy;
    return html`<h2>Forgetting a customer</h2>
      <section class="panel" aria-labelledby="forget-intro">
        <h3 id="forget-intro">Personal data in an append-only log</h3>
        <p>
          Events are never changed or deleted, yet a customer may ask to be forgotten. Here every order's customer
          email is stored encrypted with that customer's own key (AES-GCM, kept in a table of keys, never in the
          events). Forgetting the customer deletes the key: the events stay byte for byte as they are, and every
          reader shows the email as <span class="forgotten">[forgotten]</span>, while totals, statuses and counts
          still add up.
        </p>
        <div class="fields">
          <div class="field">
            <label for="customer-id">Customer id (not personal: an opaque id)</label>
            <input id="customer-id" .value=${this.customerId} @input=${(e: Event) => (this.customerId = (e.target as HTMLInputElement).value.trim())} />
          </div>
          <div class="field">
            <label for="customer-email">Customer email (personal: stored encrypted)</label>
            <input id="customer-email" type="email" .value=${this.customerEmail} @input=${(e: Event) => (this.customerEmail = (e.target as HTMLInputElement).value.trim())} />
          </div>
        </div>
        <div class="actions">
          <button type="button" class="primary" ?disabled=${!ready} @click=${this.placeOrder}>Place an order for this customer</button>
          <button type="button" class="forget" ?disabled=${!ready || this.view === null || this.view.orders.length === 0} @click=${this.forget}>
            Forget this customer
          </button>
        </div>
        ${this.demo.renderReport()}
      </section>
      ${this.view === null ? nothing : this.renderView(this.view)}
      <section class="panel" aria-labelledby="forget-everywhere">
        <h3 id="forget-everywhere">See it everywhere</h3>
        <p>
          The same store feeds every screen: the <a href=${routeHref('simulator')}>simulator's event log</a> and read
          models, <a href=${routeHref('time-travel')}>time travel</a> to a moment before the forgetting, the
          <a href=${routeHref('console')}>API console</a> (<code>GET /api/v1/orders/top-customers</code>), and an
          <a href=${routeHref('data')}>export</a>, which writes the ciphertext: imported in another browser, without
          the keys, the emails read as forgotten there too.
        </p>
      </section>`;
  }

  private renderView(view: CustomerLabView): TemplateResult {
    const shown = (value: string | null) =>
      value === null ? '—' : isForgotten(value) ? html`<span class="forgotten">${value}</span>` : value;
    return html`<section class="panel" aria-labelledby="forget-store">
      <h3 id="forget-store">What the log stores, and what the readers show</h3>
      <table aria-label=${`Orders of customer ${view.customerId}`}>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">customerEmail as stored in the event</th>
            <th scope="col">customerEmail in the orders read model</th>
            <th scope="col">Total</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          ${view.orders.map(
            (order) => html`<tr>
              <td class="mono">${order.orderId}</td>
              <td class="mono" title=${order.stored ?? ''}>${order.stored === null ? '—' : shortCiphertext(order.stored)}</td>
              <td>${shown(order.shown)}</td>
              <td>${money(order.total)}</td>
              <td>${order.status}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <dl aria-label="The customer across the store">
        <dt>Customer's key</dt>
        <dd>${view.keyExists ? 'exists (in the key table, never in an event)' : html`<span class="forgotten">deleted</span>`}</dd>
        <dt>Top customers read model</dt>
        <dd>
          ${view.spend === null
            ? 'no document yet'
            : html`${shown(view.spend.customerEmail)}: ${view.spend.orderCount} orders, ${money(view.spend.totalSpent)} spent`}
        </dd>
        <dt>Stored events</dt>
        <dd class="mono">
          ${view.storedEvents} events, SHA-256 ${view.storedFingerprint}${this.fingerprintBefore === null
            ? nothing
            : ` (before forgetting: ${this.fingerprintBefore}${this.fingerprintBefore === view.storedFingerprint ? ', identical' : ', CHANGED'})`}
        </dd>
      </dl>
    </section>`;
  }

  private sim(): WorkbookSimulator {
    if (this.simulator === undefined) throw new Error('The simulator is not ready yet.');
    return this.simulator;
  }

  private step(work: () => Promise<void>): Promise<void> {
    return this.demo.run(work);
  }

  private readonly placeOrder = (): Promise<void> =>
    this.step(async () => {
      const outcome = await placeLabOrder(this.sim(), this.customerId, this.customerEmail, this.placed);
      if (!outcome.ok) {
        this.demo.report = { tone: 'bad', text: outcome.message };
        return;
      }
      this.placed += 1;
      this.view = await customerLabView(this.sim(), this.customerId);
      const forgottenBefore = this.fingerprintBefore !== null;
      this.demo.report = {
        tone: 'plain',
        text:
          `Placed ${outcome.events[0]?.type ?? 'the order'} at position ${outcome.events[0]?.globalPosition ?? '?'}: its email went into the log encrypted with ${this.customerId}'s key.` +
          (forgottenBefore ? ' The customer was forgotten before, so this order has a new key: only the older orders stay forgotten.' : ''),
      };
    });

  private readonly forget = (): Promise<void> =>
    this.step(async () => {
      const before = await customerLabView(this.sim(), this.customerId);
      const forgetting = await this.sim().forgetCustomer(this.customerId);
      this.fingerprintBefore = before.storedFingerprint;
      this.view = await customerLabView(this.sim(), this.customerId);
      const same = before.storedFingerprint === this.view.storedFingerprint;
      this.demo.report = {
        tone: same ? 'good' : 'bad',
        text:
          `Deleted ${forgetting.keysDeleted} key of ${this.customerId} and rebuilt ${forgetting.rebuilt.length} read models from the log: ` +
          `the email now reads as forgotten, the totals are unchanged, and the ${this.view.storedEvents} stored events are ${same ? 'byte for byte the same' : 'DIFFERENT'}.`,
      };
    });
}

declare global {
  interface HTMLElementTagNameMap {
    'forget-customer-page': ForgetCustomerPage;
  }
}
