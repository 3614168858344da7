import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProgressRow } from '../../db/schema';
import type { Exercise06Step } from '../../workbook/exercise06Steps';
import { assertNever } from '../../domain/core/message';
import { focusRingStyles, plainButtonStyles, primaryButtonStyles } from '../styles/controlStyles';
import './lesson-article';
import './exercise06-questions';
import './exercise06-diagram';
import './exercise06-table';
import './exercise06-events';

/**
 * One requirement of Exercise 06: the task, hints opened one at a time, the editor that suits the answer, and the
 * Check button with the grader's last verdict. The page owns the document and the saving; this element sends
 * `check-requirement`, `reveal-hint` and (from its editor) `body-change` up.
 */
@customElement('exercise06-step')
export class Exercise06StepView extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    h3 {
      font-size: 1.3rem;
      margin: 0 0 var(--wb-space-2);
    }
    h4 {
      margin: var(--wb-space-3) 0 var(--wb-space-1);
    }
    .hints ol {
      margin: var(--wb-space-1) 0;
      padding-left: 1.4rem;
    }
    .hints li {
      margin-bottom: var(--wb-space-2);
    }
    .hints lesson-article {
      display: inline;
    }
    .actions {
      display: flex;
      align-items: center;
      gap: var(--wb-space-3);
      margin-top: var(--wb-space-4);
    }
    ${plainButtonStyles}
    button {
      background: var(--wb-color-surface);
    }
    ${primaryButtonStyles}
    button.primary {
      font-weight: 600;
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    ${focusRingStyles}
    .result {
      margin: var(--wb-space-3) 0 0;
      padding: var(--wb-space-2) var(--wb-space-3);
      border-radius: var(--wb-radius);
    }
    .result.pass {
      color: var(--wb-color-success);
      background: var(--wb-color-success-bg);
    }
    .result.fail {
      color: var(--wb-color-danger);
      background: var(--wb-color-danger-bg);
    }
    .result strong {
      display: block;
    }
    .editor {
      margin-top: var(--wb-space-3);
      padding-top: var(--wb-space-2);
      border-top: 1px solid var(--wb-color-border);
    }
  `;

  @property({ attribute: false }) step!: Exercise06Step;
  /** The requirement's section of answers.md. */
  @property() body = '';
  @property({ attribute: false }) progress!: ProgressRow;
  /** The verdict shown is older than the text (the student edited after checking). */
  @property({ type: Boolean }) stale = false;

  private send(name: 'check-requirement' | 'reveal-hint'): void {
    this.dispatchEvent(new CustomEvent(name, { detail: { number: this.step.number }, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const { step, progress } = this;
    const shown = Math.min(progress.hintsRevealed, step.hints.length);
    return html`
      <h3>Requirement ${step.number}: ${step.title}</h3>
      <lesson-article .markdown=${step.task} heading-offset="3"></lesson-article>

      <section class="hints" aria-labelledby="hints-title">
        <h4 id="hints-title">Hints</h4>
        ${shown === 0
          ? html`<p>Stuck? Open the hints one at a time: the first is a nudge, the last nearly an answer.</p>`
          : html`<ol>
              ${step.hints.slice(0, shown).map((hint) => html`<li><lesson-article .markdown=${hint}></lesson-article></li>`)}
            </ol>`}
        <button type="button" ?disabled=${shown >= step.hints.length} @click=${() => this.send('reveal-hint')}>
          ${shown >= step.hints.length ? 'All hints shown' : `Show hint ${shown + 1} of ${step.hints.length}`}
        </button>
      </section>

      <section class="editor" aria-label="Your answer to requirement ${step.number}">${this.renderEditor()}</section>

      <div class="actions">
        <button type="button" class="primary" @click=${() => this.send('check-requirement')}>Check requirement ${step.number}</button>
      </div>
      ${this.renderResult()}
    `;
  }

  private renderEditor(): TemplateResult {
    const kind = this.step.editor;
    switch (kind) {
      case 'questions':
        return html`<exercise06-questions .body=${this.body}></exercise06-questions>`;
      case 'scenarios':
        return html`<exercise06-questions .body=${this.body} scenarios></exercise06-questions>`;
      case 'diagram':
        return html`<exercise06-diagram .body=${this.body}></exercise06-diagram>`;
      case 'table':
        return html`<exercise06-table .body=${this.body}></exercise06-table>`;
      case 'events':
        return html`<exercise06-events .body=${this.body}></exercise06-events>`;
      default:
        return assertNever(kind);
    }
  }

  private renderResult(): TemplateResult | typeof nothing {
    const { status, message } = this.progress;
    const note = this.stale ? html`<span> (checked before your latest changes: check again)</span>` : nothing;
    if (status === 'pass') {
      return html`<div class="result pass" role="status"><strong>Requirement ${this.step.number} passes.${note}</strong>${message}</div>`;
    }
    if (status === 'fail') {
      return html`<div class="result fail" role="alert"><strong>Requirement ${this.step.number} does not pass yet.${note}</strong>${message}</div>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-step': Exercise06StepView;
  }
}
