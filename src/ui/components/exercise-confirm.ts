import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { exerciseStyles } from './exercise-styles';

/**
 * An inline "are you sure?" for actions that throw work away or reveal a solution. It takes focus when it
 * appears, so a keyboard user lands on the choice; fires `confirm` or `cancel`.
 */
@customElement('exercise-confirm')
export class ExerciseConfirm extends LitElement {
  static override styles = exerciseStyles;

  @property() question = '';
  @property({ attribute: 'confirm-label' }) confirmLabel = 'Yes';

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button.cancel')?.focus();
  }

  override render(): TemplateResult {
    return html`<div class="confirm" role="alertdialog" aria-label=${this.question}>
      <p>${this.question}</p>
      <button type="button" class="danger" @click=${() => this.dispatchEvent(new CustomEvent('confirm'))}>${this.confirmLabel}</button>
      <button type="button" class="cancel" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>Cancel</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise-confirm': ExerciseConfirm;
  }
}
