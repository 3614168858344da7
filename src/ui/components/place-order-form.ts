import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CommandOutcome, Simulator } from '../../simulator/types';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { feedbackStyles, fieldErrorStyles, fieldStyles, focusRingStyles, focusedInputBorderStyles, inputStyles, sendButtonStyles } from '../styles/controlStyles';
import { fieldOfIssue, labelOf, newOrderId, orderIdOf, placeOrderFields, placeOrderInput } from '../forms/placeOrderFields';
import type { PlaceOrderFieldName, PlaceOrderValues } from '../forms/placeOrderFields';
import { textField } from '../forms/textField';

/** What the form shows under its button after the last submit. */
type Feedback =
  | { readonly kind: 'none' }
  | { readonly kind: 'placed'; readonly orderId: string }
  | { readonly kind: 'refused'; readonly message: string; readonly fieldIssues: ReadonlyMap<PlaceOrderFieldName, string> };

/**
 * Issues a PlaceOrder command. The browser's own validation is off (`novalidate`) on purpose: the point is to see the
 * command boundary refuse bad input and write nothing, so a quantity of -1 must reach it.
 */
@customElement('place-order-form')
export class PlaceOrderForm extends LitElement {
  static override styles = [
    panelStyles,
    fieldStyles,
    inputStyles,
    focusedInputBorderStyles,
    fieldErrorStyles,
    sendButtonStyles,
    feedbackStyles,
    focusRingStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: var(--wb-space-3);
      }
      .optional {
        font-weight: 400;
        color: var(--wb-color-muted);
      }
      .send {
        justify-self: start;
      }
    `,
  ];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: Simulator | undefined;

  /** Seed 002's example order, so a first click already shows an event. */
  @state() private values: PlaceOrderValues = {
    customerId: 'customer-123',
    customerEmail: 'ada@example.com',
    product: 'Laptop',
    quantity: '2',
    unitPrice: '999.99',
  };

  @state() private feedback: Feedback = { kind: 'none' };
  @state() private submitting = false;

  override render(): TemplateResult {
    const fieldIssues = this.feedback.kind === 'refused' ? this.feedback.fieldIssues : new Map<PlaceOrderFieldName, string>();
    return html`
      <section class="panel" aria-labelledby="place-order-title">
        <h3 id="place-order-title">Place an order</h3>
        <form novalidate @submit=${this.onSubmit}>
          ${placeOrderFields.map((field) =>
            textField({
              ...field,
              inputId: `place-order-${field.name}`,
              value: this.values[field.name],
              issue: fieldIssues.get(field.name),
              onInput: (event: Event) => this.onInput(field.name, event),
            }),
          )}
          <button class="send" type="submit" ?disabled=${this.submitting || this.simulator === undefined}>Place order</button>
          ${this.renderFeedback()}
        </form>
      </section>
    `;
  }

  private renderFeedback(): TemplateResult {
    const feedback = this.feedback;
    switch (feedback.kind) {
      case 'none':
        return html`<p class="feedback" role="status"></p>`;
      case 'placed':
        return html`<p class="feedback ok" role="status">Order ${feedback.orderId} placed</p>`;
      case 'refused':
        return html`<p class="feedback refused" role="alert">${feedback.message}</p>`;
    }
  }

  private onInput(name: PlaceOrderFieldName, event: Event): void {
    const { value } = event.target as HTMLInputElement;
    this.values = { ...this.values, [name]: value };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const simulator = this.simulator;
    if (simulator === undefined || this.submitting) return;
    this.submitting = true;
    try {
      const outcome = await simulator.execute('PlaceOrder', placeOrderInput(this.values, newOrderId()));
      this.feedback = feedbackOf(outcome);
      if (outcome.ok) {
        // The command panel offers this order to the next command (confirm, ship...), so the id need not be copied.
        this.dispatchEvent(
          new CustomEvent<{ orderId: string }>('order-placed', {
            detail: { orderId: orderIdOf(outcome) },
            bubbles: true,
            composed: true,
          }),
        );
      }
    } catch (error) {
      // execute() reports refusals as outcomes; a throw here is a bug or a dead store, still worth showing.
      this.feedback = { kind: 'refused', message: String(error), fieldIssues: new Map() };
    } finally {
      this.submitting = false;
    }
  }
}

function feedbackOf(outcome: CommandOutcome): Feedback {
  if (outcome.ok) return { kind: 'placed', orderId: orderIdOf(outcome) };
  const fieldIssues = new Map<PlaceOrderFieldName, string>();
  const sentences: string[] = [];
  for (const issue of outcome.issues) {
    const field = fieldOfIssue(issue);
    // Schema messages are predicates ("must be a whole number of at least 1"); the field's label is their subject.
    const sentence = `${field === undefined ? issue.field : labelOf(field)} ${issue.message}.`;
    if (field !== undefined && !fieldIssues.has(field)) fieldIssues.set(field, sentence);
    sentences.push(sentence);
  }
  // The alert repeats every issue (also those of no field on this form, like a clash of order ids), so a screen
  // reader hears the whole refusal at once.
  const message =
    outcome.kind === 'validation' && sentences.length > 0
      ? `The order was not placed. ${sentences.join(' ')}`
      : outcome.message;
  return { kind: 'refused', message, fieldIssues };
}

declare global {
  interface HTMLElementTagNameMap {
    'place-order-form': PlaceOrderForm;
  }
  interface HTMLElementEventMap {
    'order-placed': CustomEvent<{ orderId: string }>;
  }
}
