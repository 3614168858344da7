import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CodeExercise } from '../../../exercises/manifest';
import type { ProgressDb, ProgressRow } from '../../db/schema';
import { allPassed, reportSummary, type RunReport } from '../../workbook/exerciseRunner';
import { codeItemId, solutionAsStudentFile, solutionUnlocked } from '../../workbook/exerciseProgress';
import { loadReadme, loadSolution, loadStarter } from '../../workbook/exerciseSources';
import { loadAnswer, loadProgress, resetProgress, saveAnswer, updateProgress } from '../../workbook/progressStore';
import { renderMarkdown } from '../../workbook/renderMarkdown';
import { browserDraftStorage, forgetUnsavedDraft, keepUnsavedDraft, unsavedDraftNewerThan } from '../../workbook/unsavedDraft';
import type { ExerciseEditor } from './exercise-editor';
import { exerciseStyles } from './exercise-styles';
import './exercise-confirm';
import './exercise-editor';
import './exercise-results';

type Confirming = 'give-up' | 'reset' | undefined;

/** Where code not yet written to IndexedDB is kept over a reload (see unsavedDraft.ts). */
const draftKeyOf = (exerciseId: string): string => `event-workbook:exercise-${exerciseId}:unsaved-code`;

/**
 * One coding exercise: its README beside the editor, Run tests, staged hints, the solution (after solving or an
 * explicit give-up) and reset. Saves everything to ProgressDb; fires `progress-change` when the list should refresh.
 */
@customElement('exercise-workspace')
export class ExerciseWorkspace extends LitElement {
  static override styles = [
    exerciseStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr);
        gap: var(--wb-space-3);
        align-items: start;
      }
      @media (max-width: 60rem) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      .readme {
        position: sticky;
        top: var(--wb-space-2);
        max-height: calc(100vh - 6rem);
        overflow: auto;
        background: var(--wb-color-surface);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-2) var(--wb-space-3);
        line-height: 1.5;
      }
      .readme h2 {
        font-size: 1.25rem;
        margin-top: var(--wb-space-1);
      }
      .readme:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .readme table {
        /* A wide table scrolls with the instructions (one focusable scroll box), not in a box of its own. */
        border-collapse: collapse;
        font-size: 0.85rem;
      }
      .readme th,
      .readme td {
        border: 1px solid var(--wb-color-border);
        padding: var(--wb-space-1);
        text-align: left;
        vertical-align: top;
      }
      .readme code {
        background: var(--wb-color-surface-2);
        border-radius: 3px;
        padding: 0 0.2rem;
      }
      .work {
        display: grid;
        /* minmax(0, …): a long line of code scrolls inside its box instead of widening the page */
        grid-template-columns: minmax(0, 1fr);
        gap: var(--wb-space-2);
        min-width: 0;
      }
      .hint {
        border-left: 4px solid var(--wb-color-accent);
        background: var(--wb-color-accent-bg);
        padding: var(--wb-space-2) var(--wb-space-3);
        margin: 0;
      }
      h3 {
        font-size: 1.05rem;
        margin: var(--wb-space-2) 0 var(--wb-space-1);
      }
      progress {
        width: 12rem;
      }
    `,
  ];

  @property({ attribute: false }) exercise!: CodeExercise;
  @property({ attribute: false }) db!: ProgressDb;

  @state() private readmeHtml = '';
  @state() private text: string | undefined;
  @state() private row: ProgressRow | undefined;
  @state() private report: RunReport | undefined;
  @state() private running = false;
  @state() private confirming: Confirming;
  @state() private solution: string | undefined;
  @state() private loadError = '';

  @query('exercise-editor') private editor!: ExerciseEditor | null;

  private starter = '';
  private loadToken = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('exercise') || changed.has('db')) void this.reload();
  }

  /** Reads README, starter and saved work; a newer load (another exercise) wins over an older one. */
  async reload(): Promise<void> {
    const token = ++this.loadToken;
    const exercise = this.exercise;
    this.loadError = '';
    this.text = undefined;
    this.report = undefined;
    this.solution = undefined;
    this.confirming = undefined;
    try {
      const [readme, starter, answer, rows] = await Promise.all([
        loadReadme(exercise).then((markdown) => renderMarkdown(markdown, { headingOffset: 2 })),
        loadStarter(exercise),
        loadAnswer(this.db, exercise.id),
        loadProgress(this.db, exercise.id),
      ]);
      if (token !== this.loadToken) return;
      this.readmeHtml = readme;
      this.starter = starter;
      // Code typed just before a reload, whose IndexedDB write the page did not live to finish.
      const draft = unsavedDraftNewerThan(browserDraftStorage(), draftKeyOf(exercise.id), answer?.updatedAt);
      this.text = draft ?? answer?.text ?? starter;
      if (draft !== undefined) this.onTextChange(draft);
      else forgetUnsavedDraft(browserDraftStorage(), draftKeyOf(exercise.id));
      this.row = rows.find((row) => row.itemId === codeItemId);
      if (solutionUnlocked(this.row)) await this.showSolution(token);
    } catch (error) {
      if (token === this.loadToken) this.loadError = `This exercise could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async showSolution(token = this.loadToken): Promise<void> {
    const text = solutionAsStudentFile(await loadSolution(this.exercise));
    if (token === this.loadToken) this.solution = text;
  }

  override render(): TemplateResult {
    const exercise = this.exercise;
    return html`<div class="layout">
      <article class="readme" tabindex="0" aria-label="Exercise ${exercise.number} instructions">${unsafeHTML(this.readmeHtml) /* sanitized by renderMarkdown (DOMPurify) */}</article>
      <div class="work">
        ${this.loadError ? html`<p class="alert" role="alert">${this.loadError}</p>` : nothing}
        ${this.text === undefined
          ? html`<p class="muted">Loading…</p>`
          : html`<exercise-editor
              label="Your code: ${exercise.files.starter}"
              .text=${this.text}
              @text-change=${(event: CustomEvent<string>) => this.onTextChange(event.detail)}
            ></exercise-editor>`}
        <div class="row">
          <button type="button" class="primary" ?disabled=${this.running || this.text === undefined} @click=${() => void this.run()}>Run tests</button>
          ${this.running ? html`<label><progress aria-label="Running the tests"></progress> Running the tests…</label>` : nothing}
          ${this.row?.status === 'pass' && this.report === undefined ? html`<span class="ok" role="status">Done: ${this.row.message}</span>` : nothing}
        </div>
        <exercise-results .report=${this.report}></exercise-results>
        ${this.renderHints()} ${this.renderSolution()}
        <div class="row">
          <button type="button" class="danger" @click=${() => (this.confirming = 'reset')}>Reset this exercise</button>
        </div>
        ${this.confirming === 'reset'
          ? html`<exercise-confirm
              question="Reset exercise ${exercise.number}? Your code, hints and result for it are deleted and the starter comes back."
              confirm-label="Yes, reset it"
              @confirm=${() => void this.reset()}
              @cancel=${() => (this.confirming = undefined)}
            ></exercise-confirm>`
          : nothing}
      </div>
    </div>`;
  }

  private renderHints(): TemplateResult {
    const revealed = this.row?.hintsRevealed ?? 0;
    const [nudge, closer] = this.exercise.hints;
    return html`<section aria-label="Hints">
      ${revealed >= 1 ? html`<h3>Hint</h3><p class="hint">${nudge}</p>` : nothing}
      ${revealed >= 2 ? html`<h3>Closer hint</h3><p class="hint">${closer}</p>` : nothing}
      <div class="row">
        ${revealed === 0 ? html`<button type="button" @click=${() => void this.revealHint(1)}>Show a hint</button>` : nothing}
        ${revealed === 1 ? html`<button type="button" @click=${() => void this.revealHint(2)}>Show a closer hint</button>` : nothing}
      </div>
    </section>`;
  }

  private renderSolution(): TemplateResult | typeof nothing {
    if (this.solution !== undefined) {
      return html`<section aria-labelledby="solution-title">
        <h3 id="solution-title">Solution</h3>
        <pre aria-label="Solution code">${this.solution}</pre>
      </section>`;
    }
    if (this.confirming === 'give-up') {
      return html`<exercise-confirm
        question="Show the solution? Trying with the hints first teaches more; the solution stays visible once shown."
        confirm-label="Yes, show the solution"
        @confirm=${() => void this.giveUp()}
        @cancel=${() => (this.confirming = undefined)}
      ></exercise-confirm>`;
    }
    return html`<div class="row"><button type="button" @click=${() => (this.confirming = 'give-up')}>Give up and show the solution</button></div>`;
  }

  private onTextChange(text: string): void {
    this.text = text;
    const key = draftKeyOf(this.exercise.id);
    keepUnsavedDraft(browserDraftStorage(), key, text);
    void saveAnswer(this.db, this.exercise.id, text).then(
      // Only when no newer text came meanwhile: that one's draft must stay until its own save.
      () => this.text === text && forgetUnsavedDraft(browserDraftStorage(), key),
      () => undefined,
    );
  }

  private async run(): Promise<void> {
    this.editor?.flush();
    const source = this.text ?? this.starter;
    this.running = true;
    try {
      await saveAnswer(this.db, this.exercise.id, source);
      // Loaded on the first run only: sucrase and the runner's script (the checks included) are in that chunk.
      const { runExerciseInSandbox } = await import('../../workbook/sandbox/runExerciseInSandbox');
      const report = await runExerciseInSandbox({ exerciseId: this.exercise.id, fileName: this.exercise.files.starter, source });
      this.report = report;
      this.row = await updateProgress(this.db, this.exercise.id, codeItemId, { status: allPassed(report) ? 'pass' : 'fail', message: reportSummary(report) });
      if (allPassed(report) && this.solution === undefined) await this.showSolution();
      this.notify();
    } finally {
      this.running = false;
    }
  }

  private async revealHint(count: number): Promise<void> {
    this.row = await updateProgress(this.db, this.exercise.id, codeItemId, { hintsRevealed: count });
    this.notify();
  }

  private async giveUp(): Promise<void> {
    this.confirming = undefined;
    this.row = await updateProgress(this.db, this.exercise.id, codeItemId, { gaveUp: true });
    await this.showSolution();
    this.notify();
  }

  private async reset(): Promise<void> {
    this.confirming = undefined;
    await resetProgress(this.db, this.exercise.id);
    forgetUnsavedDraft(browserDraftStorage(), draftKeyOf(this.exercise.id));
    this.row = undefined;
    this.report = undefined;
    this.solution = undefined;
    this.text = this.starter;
    this.notify();
  }

  private notify(): void {
    this.dispatchEvent(new CustomEvent('progress-change', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise-workspace': ExerciseWorkspace;
  }
}
