import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { selfChecks } from '../../../../content/self-checks/index';
import type { SelfCheckRow } from '../../../db/schema';
import { sharedProgressDb } from '../../../workbook/progressStore';
import { lessonCheckState } from '../../../workbook/selfCheck/lessonProgress';
import { loadLessonSelfCheckAnswers, saveSelfCheckAnswer } from '../../../workbook/selfCheck/selfCheckStore';
import { errorBoxStyles } from '../../styles/controlStyles';
import type { SelfCheckAnswerDetail } from './self-check-question';
import './self-check-question';

/**
 * "Check yourself" at the end of a lesson: the lesson's questions, each checked on its own, the answers saved with
 * the student's progress. Fires `self-check-change` after each save so the lesson list can say how far they are.
 */
@customElement('self-check-section')
export class SelfCheckSection extends LitElement {
  static override styles = [
    errorBoxStyles,
    css`
      :host {
        display: block;
        margin-top: var(--wb-space-4);
        padding-top: var(--wb-space-3);
        border-top: 1px solid var(--wb-color-border);
      }
      h3 {
        margin: 0 0 var(--wb-space-1);
      }
      .intro {
        margin: 0 0 var(--wb-space-3);
        color: var(--wb-color-muted);
      }
    `,
  ];

  @property({ attribute: 'lesson-id' }) lessonId = '';

  /** This lesson's saved answers; undefined until they are read. */
  @state() private rows: readonly SelfCheckRow[] | undefined;
  @state() private failure: string | undefined;
  private readonly db = sharedProgressDb();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lessonId')) {
      this.rows = undefined;
      void this.load(this.lessonId);
    }
  }

  private async load(lessonId: string): Promise<void> {
    try {
      const rows = await loadLessonSelfCheckAnswers(this.db, lessonId);
      if (lessonId === this.lessonId) this.rows = rows;
    } catch (error) {
      this.failure = `Your earlier answers could not be read: ${error instanceof Error ? error.message : String(error)}`;
      this.rows = [];
    }
  }

  private readonly onAnswer = async (event: CustomEvent<SelfCheckAnswerDetail>): Promise<void> => {
    event.stopPropagation();
    const lessonId = this.lessonId;
    try {
      const row = await saveSelfCheckAnswer(this.db, lessonId, event.detail.questionId, event.detail.answer);
      if (lessonId !== this.lessonId) return;
      this.rows = [...(this.rows ?? []).filter((other) => other.questionId !== row.questionId), row];
      this.failure = undefined;
      this.dispatchEvent(new CustomEvent('self-check-change', { bubbles: true, composed: true }));
    } catch (error) {
      this.failure = `Your answer was checked but could not be saved: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  override render(): TemplateResult | typeof nothing {
    const selfCheck = selfChecks.find((check) => check.lessonId === this.lessonId);
    if (selfCheck === undefined) return nothing;
    const total = selfCheck.questions.length;
    const state = this.rows === undefined ? undefined : lessonCheckState(selfCheck, this.rows);
    return html`
      <section aria-labelledby="self-check-title">
        <h3 id="self-check-title">Check yourself</h3>
        <p class="intro">
          ${total} questions on this lesson. Check each one to see why every choice is right or wrong. Your answers stay in this
          browser with your exercise progress, and go with it when you export it (Coding exercises, Export progress).${state?.state === 'understood' ? ' You have answered them all right.' : state?.state === 'started' ? ` So far ${state.right} of ${total} right.` : ''}
        </p>
        ${this.failure === undefined ? nothing : html`<p class="error" role="alert">${this.failure}</p>`}
        ${this.rows === undefined
          ? html`<p role="status">Loading your answers…</p>`
          : selfCheck.questions.map(
              (question, index) => html`<self-check-question
                .question=${question}
                .number=${index + 1}
                .total=${total}
                .saved=${this.rows?.find((row) => row.questionId === question.id)?.answer}
                @self-check-answer=${this.onAnswer}
              ></self-check-question>`,
            )}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'self-check-section': SelfCheckSection;
  }
}
