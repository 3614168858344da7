import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  questionsOf,
  scenarioAnswerOf,
  scenarioAnswerText,
  verdicts,
  withAnswer,
  editableText,
  type Verdict,
} from '../../workbook/exercise06Document';
import { Drafts, bodyChange, editorStyles, rowsFor } from './exercise06-editor-styles';

/**
 * Requirements 1, 4 and 6: a text area under each `###` question of the section. With `scenarios`, each
 * question is a scenario and also gets a verdict select (requirement 6), written as a `Verdict: ...` line.
 */
@customElement('exercise06-questions')
export class Exercise06Questions extends LitElement {
  static override styles = editorStyles;

  /** The requirement section's body (everything under its `## Requirement N` heading). */
  @property() body = '';
  @property({ type: Boolean }) scenarios = false;

  private readonly drafts = new Drafts();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('body')) this.drafts.sync(this.body);
  }

  private change(index: number, key: string, value: string, answer: string): void {
    const body = withAnswer(this.body, index, answer);
    this.drafts.set(key, value, body);
    this.dispatchEvent(bodyChange(body));
  }

  override render(): TemplateResult {
    const { questions } = questionsOf(this.body);
    if (questions.length === 0) return this.renderWhole();
    return html`${questions.map((question, index) => (this.scenarios ? this.renderScenario(question.title, question.answer, index) : this.renderQuestion(question.title, question.answer, index)))}`;
  }

  private renderQuestion(title: string, answer: string, index: number): TemplateResult {
    const key = `q${index}`;
    const shown = editableText(answer);
    return html`
      <label for=${key}>${title}</label>
      <textarea
        id=${key}
        rows=${rowsFor(this.drafts.value(key, shown.value))}
        placeholder=${shown.placeholder}
        .value=${this.drafts.value(key, shown.value)}
        @input=${(event: Event) => {
          const value = (event.target as HTMLTextAreaElement).value;
          this.change(index, key, value, value);
        }}
      ></textarea>
    `;
  }

  private renderScenario(title: string, answer: string, index: number): TemplateResult {
    const parsed = scenarioAnswerOf(answer);
    const reasonsKey = `reasons${index}`;
    const reasons = editableText(parsed.reasons);
    return html`
      <fieldset>
        <legend>${title}</legend>
        <label for="verdict${index}">Verdict<span class="visually-hidden">: ${title}</span></label>
        <select
          id="verdict${index}"
          .value=${parsed.verdict ?? ''}
          @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            const verdict = verdicts.find((v) => v === value) as Verdict | undefined;
            this.change(index, `verdict${index}`, value, scenarioAnswerText(parsed, { verdict }));
          }}
        >
          <option value="" ?selected=${parsed.verdict === undefined}>Choose a verdict…</option>
          ${verdicts.map((verdict) => html`<option value=${verdict} ?selected=${parsed.verdict === verdict}>${verdict}</option>`)}
        </select>
        ${parsed.verdictLine !== undefined && parsed.verdict === undefined && !/todo/i.test(parsed.verdictLine)
          ? html`<p class="help">Your verdict line reads "${parsed.verdictLine}"; choose one of the three to make it clear.</p>`
          : nothing}
        <label for=${reasonsKey}>Reasons<span class="visually-hidden">: ${title}</span></label>
        <textarea
          id=${reasonsKey}
          rows=${rowsFor(this.drafts.value(reasonsKey, reasons.value))}
          placeholder=${reasons.placeholder}
          .value=${this.drafts.value(reasonsKey, reasons.value)}
          @input=${(event: Event) => {
            const value = (event.target as HTMLTextAreaElement).value;
            this.change(index, reasonsKey, value, scenarioAnswerText(parsed, { reasons: value }));
          }}
        ></textarea>
      </fieldset>
    `;
  }

  /** A section whose `###` headings were deleted: edit it whole rather than hide the student's text. */
  private renderWhole(): TemplateResult {
    return html`
      <p class="help">This section has no "###" question headings, so it is edited as a whole. The grader reads one answer per "###" heading.</p>
      <label for="whole">Your answer</label>
      <textarea
        id="whole"
        rows="12"
        .value=${this.drafts.value('whole', this.body)}
        @input=${(event: Event) => {
          const value = (event.target as HTMLTextAreaElement).value;
          this.drafts.set('whole', value, value);
          this.dispatchEvent(bodyChange(value));
        }}
      ></textarea>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-questions': Exercise06Questions;
  }
}
