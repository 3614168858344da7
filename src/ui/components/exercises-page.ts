import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { exercises, isCodeExercise, type ExerciseEntry } from '../../../exercises/manifest';
import type { ProgressRow } from '../../db/schema';
import { exerciseState, progressSummary, type ExerciseState } from '../../workbook/exerciseProgress';
import { exportProgress, importProgress, loadAllProgress, progressFileText, resetProgress, sharedProgressDb } from '../../workbook/progressStore';
import { routeHref } from '../controllers/hashRouteController';
import { exerciseStyles } from './exercise-styles';
import './exercise-confirm';
import './exercise-workspace';
import { plural } from '../text/plural';


const stateLabels: Record<ExerciseState, string> = { done: 'done', started: 'started', new: 'not started' };

/**
 * `#/exercises/<id>`: the rustlings-style coding exercises. The list with "N of M done", one exercise's workspace,
 * and the student's whole progress: export to a file, import from one (validated, all or nothing), reset all.
 */
@customElement('exercises-page')
export class ExercisesPage extends LitElement {
  static override styles = [
    exerciseStyles,
    css`
      h2 {
        margin: 0 0 var(--wb-space-2);
      }
      header {
        display: grid;
        gap: var(--wb-space-2);
        margin-bottom: var(--wb-space-3);
      }
      progress {
        width: 14rem;
      }
      nav ol {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-1);
      }
      nav a {
        display: inline-flex;
        gap: var(--wb-space-1);
        align-items: baseline;
        padding: var(--wb-space-1) var(--wb-space-2);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        background: var(--wb-color-surface);
        text-decoration: none;
        color: var(--wb-color-text);
      }
      nav a[aria-current='page'] {
        border-color: var(--wb-color-accent);
        background: var(--wb-color-accent-bg);
      }
      .badge {
        font-size: 0.75rem;
        color: var(--wb-color-muted);
      }
      .badge.done {
        color: var(--wb-color-success);
      }
      label.file {
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-1) var(--wb-space-3);
        background: var(--wb-color-surface);
        cursor: pointer;
      }
      label.file input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @state() private rows: readonly ProgressRow[] = [];
  @state() private notice: { kind: 'ok' | 'error'; text: string } | undefined;
  @state() private confirmingResetAll = false;

  private readonly db = sharedProgressDb();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    this.rows = await loadAllProgress(this.db);
  }

  private get selected(): ExerciseEntry {
    const requested = exercises.find((exercise) => exercise.id === this.params[0]);
    return requested ?? exercises.find(isCodeExercise) ?? exercises[0]!;
  }

  override render(): TemplateResult {
    const summary = progressSummary(exercises, this.rows);
    const selected = this.selected;
    return html`
      <header>
        <h2>Coding exercises</h2>
        <label><progress max=${summary.total} .value=${summary.done}></progress> <span id="progress-text">${summary.text}</span></label>
        <nav aria-label="Exercises">
          <ol>
            ${exercises.map((exercise) => this.renderLink(exercise, selected))}
          </ol>
        </nav>
        <div class="row">
          <button type="button" @click=${() => void this.export()}>Export progress</button>
          <label class="file">Import progress<input type="file" accept="application/json,.json" @change=${this.onImport} /></label>
          <button type="button" class="danger" @click=${() => (this.confirmingResetAll = true)}>Reset all exercises</button>
        </div>
        ${this.confirmingResetAll
          ? html`<exercise-confirm
              question="Reset every exercise? All your code, hints and results (Exercise 06 included) are deleted from this browser. Export them first to keep a copy."
              confirm-label="Yes, reset everything"
              @confirm=${() => void this.resetAll()}
              @cancel=${() => (this.confirmingResetAll = false)}
            ></exercise-confirm>`
          : nothing}
        ${this.notice === undefined
          ? nothing
          : this.notice.kind === 'error'
            ? html`<p class="alert" role="alert">${this.notice.text}</p>`
            : html`<p class="ok" role="status">${this.notice.text}</p>`}
      </header>
      ${isCodeExercise(selected)
        ? html`<exercise-workspace
            .exercise=${selected}
            .db=${this.db}
            @progress-change=${() => void this.refresh()}
          ></exercise-workspace>`
        : html`<p>Exercise ${selected.number} is written, not coded: <a href=${selected.route}>open it on its own screen</a>.</p>`}
    `;
  }

  private renderLink(exercise: ExerciseEntry, selected: ExerciseEntry): TemplateResult {
    const status = exerciseState(exercise, this.rows);
    const href = exercise.kind === 'code' ? routeHref('exercises', exercise.id) : exercise.route;
    return html`<li>
      <a href=${href} aria-current=${exercise.id === selected.id ? 'page' : 'false'}>
        <span>${exercise.number} ${exercise.title}</span>
        <span class="badge ${status}">(${stateLabels[status]})</span>
      </a>
    </li>`;
  }

  private async export(): Promise<void> {
    const text = progressFileText(await exportProgress(this.db));
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `event-workbook-progress-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.notice = { kind: 'ok', text: 'Your progress was saved to a file.' };
  }

  private readonly onImport = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    // The file is data: it is validated and stored, never run. Code in it runs only when the student presses Run.
    const outcome = file.size > 5_000_000 ? { ok: false as const, reason: 'The file is larger than 5 MB; a progress file is much smaller. Nothing was imported.' } : await importProgress(this.db, await file.text());
    if (!outcome.ok) {
      this.notice = { kind: 'error', text: `Import refused: ${outcome.reason}` };
      return;
    }
    const selfChecks = outcome.selfChecks === 0 ? '' : `, with ${plural(outcome.selfChecks, 'self-check answer')}`;
    this.notice = { kind: 'ok', text: `Imported ${plural(outcome.answers, 'saved answer')} and ${plural(outcome.progress, 'progress entry', 'progress entries')}${selfChecks}.` };
    await this.afterBulkChange();
  };

  private async resetAll(): Promise<void> {
    this.confirmingResetAll = false;
    await resetProgress(this.db);
    this.notice = { kind: 'ok', text: 'Every exercise was reset.' };
    await this.afterBulkChange();
  }

  private async afterBulkChange(): Promise<void> {
    await this.refresh();
    // The open exercise's saved work was replaced: show what is in the database now.
    await this.renderRoot.querySelector('exercise-workspace')?.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercises-page': ExercisesPage;
  }
}
