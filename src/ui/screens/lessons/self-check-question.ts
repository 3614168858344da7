import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { gradeAnswer, moveItem, startingOrder } from '../../../workbook/selfCheck/grade';
import { readModelDescriptions } from '../../../workbook/selfCheck/readModels';
import type { ChoiceFeedback, Grade, OrderQuestion, ReadModelName, SelfCheckAnswer, SelfCheckQuestion } from '../../../workbook/selfCheck/types';
import { focusRingStyles, plainButtonStyles, primaryButtonStyles } from '../../styles/controlStyles';
import { inlineCode, plainText } from '../../widgets/inlineCode';
import { selfCheckStyles } from './self-check-styles';

/** Sent up when the student checks an answer (not an empty one): the section saves it. */
export type SelfCheckAnswerDetail = { readonly questionId: string; readonly answer: SelfCheckAnswer };

const emptyAnswer = (question: SelfCheckQuestion): SelfCheckAnswer => {
  switch (question.kind) {
    case 'choice':
      return { kind: 'choice', chosen: [] };
    case 'read-model':
      return { kind: 'read-model', chosen: null };
    case 'order':
      return { kind: 'order', order: startingOrder(question) };
  }
};

/**
 * One self-check question as a fieldset: radio buttons, checkboxes, or a list to put in order with move-up and
 * move-down buttons (no dragging, so it works from the keyboard). Check grades it with the pure grader and shows
 * the explanation of every choice; the verdict is announced. Changing the answer hides the old verdict.
 */
@customElement('self-check-question')
export class SelfCheckQuestionElement extends LitElement {
  static override styles = [plainButtonStyles, primaryButtonStyles, focusRingStyles, selfCheckStyles];

  @property({ attribute: false }) question!: SelfCheckQuestion;
  @property({ type: Number }) number = 1;
  @property({ type: Number }) total = 1;
  /** The answer saved from an earlier visit, shown checked. */
  @property({ attribute: false }) saved: SelfCheckAnswer | undefined;

  @state() private draft: SelfCheckAnswer | undefined;
  @state() private grade: Grade | undefined;
  @state() private announcement = '';
  /** The order item whose button was pressed: it keeps the keyboard focus as it moves. */
  private focusAfterMove: { readonly id: string; readonly by: -1 | 1 } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('question') || changed.has('saved')) {
      this.draft = this.saved ?? emptyAnswer(this.question);
      this.grade = this.saved === undefined ? undefined : gradeAnswer(this.question, this.saved);
    }
  }

  protected override updated(): void {
    if (this.focusAfterMove === undefined) return;
    const { id, by } = this.focusAfterMove;
    this.focusAfterMove = undefined;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>(`button[data-item]`)].filter((button) => button.dataset['item'] === id);
    const same = buttons.find((button) => button.dataset['by'] === String(by));
    (same && !same.disabled ? same : buttons.find((button) => !button.disabled))?.focus();
  }

  private change(answer: SelfCheckAnswer): void {
    this.draft = answer;
    this.grade = undefined;
    this.announcement = '';
  }

  private check(): void {
    if (this.draft === undefined) return;
    this.grade = gradeAnswer(this.question, this.draft);
    this.announcement = `Question ${this.number}: ${this.grade.message}`;
    if (this.grade.verdict === 'unanswered') return;
    const detail: SelfCheckAnswerDetail = { questionId: this.question.id, answer: this.draft };
    this.dispatchEvent(new CustomEvent('self-check-answer', { detail, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const question = this.question;
    return html`
      <fieldset>
        <legend><span class="number">Question ${this.number} of ${this.total}:</span> ${inlineCode(question.prompt)}</legend>
        ${this.renderAnswer(question)}
        <div class="actions">
          <button type="button" class="primary" @click=${() => this.check()}>Check question ${this.number}</button>
          <p class="verdict ${this.grade?.verdict ?? ''}" role="status">${this.announcement === '' && this.grade ? `Question ${this.number}: ${this.grade.message}` : this.announcement}</p>
        </div>
      </fieldset>
    `;
  }

  private renderAnswer(question: SelfCheckQuestion): TemplateResult {
    const feedback = this.grade?.verdict === 'unanswered' ? undefined : this.grade?.feedback;
    if (question.kind === 'order') return this.renderOrder(question, feedback);
    const multiple = question.kind === 'choice' && question.multiple;
    const options =
      question.kind === 'choice'
        ? question.choices.map((choice) => ({ id: choice.id, label: html`<span>${inlineCode(choice.text)}</span>` }))
        : question.choices.map((choice) => ({ id: choice.readModel, label: html`<span><code>${choice.readModel}</code>: ${readModelDescriptions[choice.readModel]}</span>` }));
    const chosen = this.draft?.kind === 'choice' ? this.draft.chosen : this.draft?.kind === 'read-model' && this.draft.chosen !== null ? [this.draft.chosen] : [];
    return html`<ul class="options">
      ${options.map((option) => {
        const picked = chosen.includes(option.id);
        const toggle = (): void => {
          if (question.kind === 'read-model') this.change({ kind: 'read-model', chosen: option.id as ReadModelName });
          else if (!multiple) this.change({ kind: 'choice', chosen: [option.id] });
          else this.change({ kind: 'choice', chosen: picked ? chosen.filter((id) => id !== option.id) : [...chosen, option.id] });
        };
        return html`<li class="option">
          <label><input type=${multiple ? 'checkbox' : 'radio'} name=${question.id} .checked=${picked} @change=${toggle} />${option.label}</label>
          ${this.renderWhy(feedback?.find((item) => item.id === option.id), multiple)}
        </li>`;
      })}
    </ul>`;
  }

  private renderWhy(item: ChoiceFeedback | undefined, multiple: boolean): TemplateResult | typeof nothing {
    if (item === undefined) return nothing;
    const mark = item.correct
      ? item.picked ? '✓ Right, and you chose it.' : multiple ? '✓ Right: you left it unchecked.' : '✓ The right answer.'
      : item.picked ? '✗ Not right, and you chose it.' : '✗ Not right.';
    return html`<p class="why ${item.correct ? 'right' : 'wrong'}"><span class="mark">${mark}</span> ${inlineCode(item.explanation)}</p>`;
  }

  private renderOrder(question: OrderQuestion, feedback: readonly ChoiceFeedback[] | undefined): TemplateResult {
    const order = this.draft?.kind === 'order' ? this.draft.order : startingOrder(question);
    const move = (id: string, by: -1 | 1): void => {
      this.focusAfterMove = { id, by };
      this.change({ kind: 'order', order: moveItem(order, id, by) });
    };
    return html`<ol class="items">
      ${order.map((id, index) => {
        const item = question.items.find((candidate) => candidate.id === id);
        if (item === undefined) return nothing;
        const name = plainText(item.text);
        const placed = feedback?.find((entry) => entry.id === id);
        return html`<li class="item">
          <span class="position" aria-hidden="true">${index + 1}.</span>
          <span class="text">${inlineCode(item.text)}</span>
          <button type="button" data-item=${id} data-by="-1" aria-label=${`Move ${name} up`} ?disabled=${index === 0} @click=${() => move(id, -1)}>↑</button>
          <button type="button" data-item=${id} data-by="1" aria-label=${`Move ${name} down`} ?disabled=${index === order.length - 1} @click=${() => move(id, 1)}>↓</button>
          ${placed === undefined
            ? nothing
            : html`<p class="why ${placed.picked ? 'right' : 'wrong'}">
                <span class="mark">${placed.picked ? '✓ In the right place.' : `✗ Belongs at position ${placed.rightPosition}.`}</span> ${inlineCode(placed.explanation)}
              </p>`}
        </li>`;
      })}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'self-check-question': SelfCheckQuestionElement;
  }
}
