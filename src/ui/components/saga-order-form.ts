import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SagaCoordinator, SagaStartOutcome, StockLevel } from '../../sagas/types';
import { draftTotal, fieldOfIssue, orderRequestOf, type DraftField } from '../saga/orderDraft';
import { feedbackStyles, fieldErrorStyles, fieldStyles, focusedInputBorderStyles, inputStyles, sendButtonStyles } from '../styles/controlStyles';
import { tableStyles } from '../styles/tableStyles';
import { sagaPanelStyles } from './saga-styles';

/** Quantities the page asks the form to show (the "stock short" choice fills a real shortage); `id` tells fills apart. */
export type QuantityFill = { readonly id: number; readonly quantities: ReadonlyMap<string, number> };

type Refusal = {
  readonly message: string;
  readonly customer: string | undefined;
  readonly items: string | undefined;
  readonly quantities: ReadonlyMap<string, string>;
};

type Feedback = { readonly kind: 'none' } | { readonly kind: 'started'; readonly orderId: string } | ({ readonly kind: 'refused' } & Refusal);

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/**
 * The order a saga will carry out: a customer and quantities of catalog products at catalog prices. The browser's
 * validation is off (`novalidate`): the coordinator's schema refuses bad input, and its words appear at the field.
 */
@customElement('saga-order-form')
export class SagaOrderForm extends LitElement {
  static override styles = [
    ...sagaPanelStyles,
    fieldStyles,
    inputStyles,
    focusedInputBorderStyles,
    fieldErrorStyles,
    sendButtonStyles,
    feedbackStyles,
    tableStyles,
    css`
      form {
        display: grid;
        gap: var(--wb-space-3);
      }
      .customer input {
        max-width: 16rem;
      }
      td input {
        width: 5rem;
      }
      .number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      caption {
        text-align: left;
        padding-bottom: var(--wb-space-1);
      }
      .total {
        margin: 0;
        font-weight: 600;
      }
      .send {
        justify-self: start;
      }
      .field-error {
        margin-top: var(--wb-space-1);
      }
    `,
  ];

  @property({ attribute: false }) coordinator: SagaCoordinator | undefined;
  @property({ attribute: false }) catalog: readonly StockLevel[] = [];
  @property({ attribute: false }) fill: QuantityFill | undefined;

  @state() private customerId = 'customer-123';
  @state() private quantities: ReadonlyMap<string, string> = new Map();
  @state() private feedback: Feedback = { kind: 'none' };
  @state() private submitting = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('fill') && this.fill !== undefined) {
      this.quantities = new Map([...this.fill.quantities].map(([product, quantity]) => [product, String(quantity)]));
    }
  }

  override render(): TemplateResult {
    const refusal = this.feedback.kind === 'refused' ? this.feedback : undefined;
    const draft = { customerId: this.customerId, quantities: this.quantities };
    return html`<section class="panel" aria-labelledby="saga-order-title">
      <h3 id="saga-order-title">Order</h3>
      <form novalidate @submit=${this.onSubmit}>
        <div class="field customer">
          <label for="saga-customer">Customer</label>
          <input
            id="saga-customer"
            autocomplete="off"
            .value=${this.customerId}
            aria-invalid=${refusal?.customer === undefined ? nothing : 'true'}
            aria-describedby=${refusal?.customer === undefined ? nothing : 'saga-customer-error'}
            @input=${(event: Event) => (this.customerId = (event.target as HTMLInputElement).value)}
          />
          ${fieldError('saga-customer-error', refusal?.customer)}
        </div>
        ${this.renderItems(refusal)}
        <p class="total">Total: ${money.format(draftTotal(draft, this.catalog))}</p>
        <button class="send" type="submit" ?disabled=${this.submitting || this.coordinator === undefined}>Place order through the saga</button>
        ${this.renderFeedback()}
      </form>
    </section>`;
  }

  private renderItems(refusal: Refusal | undefined): TemplateResult {
    if (this.catalog.length === 0) return html`<p class="note">Loading the catalog…</p>`;
    return html`<table aria-describedby=${refusal?.items === undefined ? nothing : 'saga-items-error'}>
        <caption class="note">Items (0 leaves a product out)</caption>
        <thead>
          <tr><th scope="col">Product</th><th scope="col" class="number">Price</th><th scope="col" class="number">Available</th><th scope="col">Quantity</th></tr>
        </thead>
        <tbody>
          ${this.catalog.map((level) => {
            const inputId = `saga-quantity-${level.product}`;
            const issue = refusal?.quantities.get(level.product);
            return html`<tr>
              <th scope="row">${level.product}</th>
              <td class="number">${money.format(level.unitPrice)}</td>
              <td class="number">${level.available}</td>
              <td>
                <input
                  id=${inputId}
                  type="number"
                  inputmode="numeric"
                  step="1"
                  min="0"
                  aria-label=${`Quantity of ${level.product}`}
                  .value=${this.quantities.get(level.product) ?? ''}
                  aria-invalid=${issue === undefined ? nothing : 'true'}
                  aria-describedby=${issue === undefined ? nothing : `${inputId}-error`}
                  @input=${(event: Event) => this.onQuantity(level.product, event)}
                />
                ${fieldError(`${inputId}-error`, issue)}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${fieldError('saga-items-error', refusal?.items)}`;
  }

  private renderFeedback(): TemplateResult {
    const feedback = this.feedback;
    switch (feedback.kind) {
      case 'none':
        return html`<p class="feedback" role="status"></p>`;
      case 'started':
        return html`<p class="feedback ok" role="status">Order ${feedback.orderId} placed: its saga runs below.</p>`;
      case 'refused':
        return html`<p class="feedback refused" role="alert">${feedback.message}</p>`;
    }
  }

  private onQuantity(product: string, event: Event): void {
    const next = new Map(this.quantities);
    next.set(product, (event.target as HTMLInputElement).value);
    this.quantities = next;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const coordinator = this.coordinator;
    if (coordinator === undefined || this.submitting) return;
    this.submitting = true;
    const request = orderRequestOf({ customerId: this.customerId, quantities: this.quantities }, this.catalog);
    try {
      const outcome = await coordinator.placeOrder(request.input);
      this.feedback = feedbackOf(outcome, request.productOfItem);
      if (outcome.ok) {
        this.dispatchEvent(new CustomEvent('saga-started', { detail: { orderId: outcome.orderId }, bubbles: true, composed: true }));
      }
    } catch (error) {
      // placeOrder reports refusals as outcomes; a throw is a bug or a dead store, still worth showing.
      this.feedback = { kind: 'refused', message: String(error), customer: undefined, items: undefined, quantities: new Map() };
    } finally {
      this.submitting = false;
    }
  }
}

function feedbackOf(outcome: SagaStartOutcome, productOfItem: readonly string[]): Feedback {
  if (outcome.ok) return { kind: 'started', orderId: outcome.orderId };
  let customer: string | undefined;
  let items: string | undefined;
  const quantities = new Map<string, string>();
  const sentences: string[] = [];
  for (const issue of outcome.issues) {
    const field: DraftField = fieldOfIssue(issue, productOfItem);
    // Schema messages are predicates ("must be a whole number of at least 1"); the field's name is their subject.
    switch (field.kind) {
      case 'customer':
        customer ??= `Customer ${issue.message}.`;
        sentences.push(`Customer ${issue.message}.`);
        break;
      case 'quantity':
        if (!quantities.has(field.product)) quantities.set(field.product, `${capitalized(issue.message)}.`);
        sentences.push(`Quantity of ${field.product} ${issue.message}.`);
        break;
      case 'items':
        items ??= `Items: ${issue.message}.`;
        sentences.push(`Items: ${issue.message}.`);
        break;
    }
  }
  // The alert repeats every issue, so a screen reader hears the whole refusal at once.
  const message = sentences.length > 0 ? `The order was not placed. ${sentences.join(' ')}` : outcome.message;
  return { kind: 'refused', message, customer, items, quantities };
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A field's own error, announced when it appears. */
function fieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message === undefined ? nothing : html`<p class="field-error" id=${id} role="alert">${message}</p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'saga-order-form': SagaOrderForm;
  }
  interface HTMLElementEventMap {
    'saga-started': CustomEvent<{ orderId: string }>;
  }
}
