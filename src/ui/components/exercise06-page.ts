import { LitElement, css, html, nothing } from 'lit';
import { errorBoxStyles } from '../styles/controlStyles';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import starterAnswers from '../../../exercises/06-cqrs-event-sourcing/answers.md?raw';
import type { ProgressRow } from '../../db/schema';
import { checkRequirement } from '../../grading/index';
import { panelStyles } from '../styles/theme';
import { visuallyHiddenStyles } from '../styles/visuallyHiddenStyles';
import { routeHref } from '../controllers/hashRouteController';
import { requirementBody, requirementHeadingOf, requirementNumbers, withRequirementBody, type RequirementNumber } from '../../workbook/exercise06Document';
import { exercise06Background, exercise06ExpectedOutput, exercise06Objective, exercise06SeedHints, exercise06Steps, stepFor } from '../../workbook/exercise06Steps';
import {
  clearChecks,
  createAutosaver,
  loadExercise06,
  passedCount,
  progressDb,
  recordCheck,
  recordHintsRevealed,
  saveExercise06Text,
  type Autosaver,
  type SaveStatus,
} from '../../workbook/exercise06Progress';
import { browserDraftStorage, forgetUnsavedDraft, keepUnsavedDraft, unsavedDraftNewerThan } from '../../workbook/unsavedDraft';
import { checkAllRequirements, type CheckAllProgress, type CheckedRequirement } from '../../workbook/exercise06CheckAll';
import type { BodyChangeEvent } from './exercise06-editor-styles';
import './exercise06-step';
import './exercise06-summary';
import './exercise06-toolbar';
import './lesson-article';

/** Where the text the autosave has not written yet is kept over a reload (see unsavedDraft.ts). */
const draftKey = 'event-workbook:exercise-06:unsaved-answers';

/**
 * `#/exercise-06` (overview) and `#/exercise-06/<n>` (requirement n): seed 003 as a guided, graded exercise. The
 * student's whole answers.md is one document; each step edits its requirement's section, the Check button runs
 * the same grader as `npm run grade`, and everything is kept in IndexedDB as it is typed.
 */
@customElement('exercise06-page')
export class Exercise06Page extends LitElement {
  static override styles = [
    panelStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 15rem minmax(0, 1fr);
        gap: var(--wb-space-4);
        align-items: start;
      }
      @media (max-width: 70rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      exercise06-toolbar,
      exercise06-summary {
        grid-column: 1 / -1;
      }
      .steps ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .steps a {
        display: grid;
        grid-template-columns: 1.5rem 1fr;
        gap: var(--wb-space-1);
        padding: var(--wb-space-2);
        border-radius: var(--wb-radius);
        color: var(--wb-color-text);
        text-decoration: none;
      }
      .steps a:hover {
        background: var(--wb-color-surface-2);
      }
      .steps a[aria-current='page'] {
        background: var(--wb-color-accent-bg);
        color: var(--wb-color-accent);
        font-weight: 600;
      }
      .steps .mark {
        font-weight: 700;
      }
      .steps .mark.pass {
        color: var(--wb-color-success);
      }
      .steps .mark.fail {
        color: var(--wb-color-danger);
      }
      .steps .mark.unchecked {
        color: var(--wb-color-muted);
      }
      .steps h2 {
        font-size: 1rem;
        margin: 0 0 var(--wb-space-2);
      }
      a:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .pager {
        display: flex;
        justify-content: space-between;
        margin-top: var(--wb-space-4);
        padding-top: var(--wb-space-3);
        border-top: 1px solid var(--wb-color-border);
      }
      .pager a,
      .start {
        color: var(--wb-color-accent);
        font-weight: 600;
      }
      .overview-title {
        margin-top: 0;
      }
      ${errorBoxStyles}
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  /** The student's answers.md (the starter until they type); undefined while it loads. */
  @state() private text: string | undefined;
  @state() private progress: ReadonlyMap<RequirementNumber, ProgressRow> = new Map();
  @state() private saveStatus: SaveStatus = { kind: 'idle' };
  @state() private loadError: string | undefined;
  /** Requirements edited since their last check: their verdict may no longer hold. */
  @state() private stale = new Set<RequirementNumber>();
  /** "Check all" at work: which requirement it is reading. */
  @state() private checkingAll: CheckAllProgress | undefined;
  /** The last "Check all" (or import), shown until hidden. */
  @state() private summary: readonly CheckedRequirement[] | undefined;
  /** Requirements edited since the last "Check all". */
  @state() private staleInSummary = new Set<RequirementNumber>();

  private autosaver: Autosaver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const db = progressDb();
    this.autosaver = createAutosaver(
      (text) => saveExercise06Text(db, text),
      (status) => {
        this.saveStatus = status;
        // 'saved' comes only when nothing newer waits: the draft is in IndexedDB now.
        if (status.kind === 'saved') forgetUnsavedDraft(browserDraftStorage(), draftKey);
      },
    );
    window.addEventListener('pagehide', this.flushNow);
    loadExercise06(db).then(
      (saved) => {
        // The last words typed before a reload, which the autosave had no time to write.
        const draft = unsavedDraftNewerThan(browserDraftStorage(), draftKey, saved.savedAt);
        this.text = draft ?? saved.text ?? starterAnswers;
        this.progress = saved.progress;
        if (draft !== undefined) this.autosaver?.schedule(draft);
        else forgetUnsavedDraft(browserDraftStorage(), draftKey);
      },
      (error: unknown) => {
        this.loadError = error instanceof Error ? error.message : String(error);
      },
    );
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.flushNow);
    void this.autosaver?.flush();
    this.autosaver?.dispose();
    super.disconnectedCallback();
  }

  private readonly flushNow = (): void => {
    void this.autosaver?.flush();
  };

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('params') && changed.get('params') !== undefined) window.scrollTo({ top: 0 });
  }

  private get currentStep(): RequirementNumber | undefined {
    return stepFor(Number(this.params[0]))?.number;
  }

  private onBodyChange(n: RequirementNumber, event: BodyChangeEvent): void {
    if (this.text === undefined) return;
    const heading = `## Requirement ${n} — ${stepFor(n)?.title ?? ''}`;
    this.text = withRequirementBody(this.text, n, event.detail.body, heading);
    this.stale = new Set([...this.stale, n]);
    if (this.summary !== undefined) this.staleInSummary = new Set([...this.staleInSummary, n]);
    this.autosaver?.schedule(this.text);
    keepUnsavedDraft(browserDraftStorage(), draftKey, this.text);
  }

  private async check(n: RequirementNumber): Promise<void> {
    if (this.text === undefined) return;
    const result = checkRequirement(n, this.text);
    this.stale = new Set([...this.stale].filter((m) => m !== n));
    // Show the verdict at once; keep it (and the text it judged) in the background.
    this.progress = new Map(this.progress).set(n, { ...this.progressOf(n), status: result.status, message: result.message });
    if (this.summary !== undefined) {
      this.summary = this.summary.map((entry) => (entry.number === n ? { number: n, result } : entry));
      this.staleInSummary = new Set([...this.staleInSummary].filter((m) => m !== n));
    }
    const db = progressDb();
    await this.autosaver?.flush();
    await recordCheck(db, n, result);
  }

  /** Grades all six, one at a time so the page can say which; each verdict is kept like a single check's. */
  private async checkAll(): Promise<void> {
    if (this.text === undefined || this.checkingAll !== undefined) return;
    const text = this.text;
    this.checkingAll = { done: 0, total: 6, current: 1 };
    try {
      const checked = await checkAllRequirements(text, {
        onProgress: (progress) => {
          this.checkingAll = progress;
        },
      });
      const progress = new Map(this.progress);
      for (const { number, result } of checked) progress.set(number, { ...this.progressOf(number), status: result.status, message: result.message });
      this.progress = progress;
      // Typed during the grading: those requirements were judged on the older text.
      const editedMeanwhile = this.text === text ? [] : requirementNumbers.filter((n) => requirementBody(this.text ?? '', n) !== requirementBody(text, n));
      this.stale = new Set(editedMeanwhile);
      this.staleInSummary = new Set(editedMeanwhile);
      this.summary = checked;
      const db = progressDb();
      await this.autosaver?.flush();
      for (const { number, result } of checked) await recordCheck(db, number, result);
    } finally {
      this.checkingAll = undefined;
    }
  }

  private async revealHint(n: RequirementNumber): Promise<void> {
    const count = this.progressOf(n).hintsRevealed + 1;
    this.progress = new Map(this.progress).set(n, { ...this.progressOf(n), hintsRevealed: count });
    await recordHintsRevealed(progressDb(), n, count);
  }

  private async importAnswers(text: string): Promise<void> {
    this.text = text;
    this.stale = new Set();
    const db = progressDb();
    this.autosaver?.schedule(text);
    await this.autosaver?.flush();
    await clearChecks(db);
    this.progress = (await loadExercise06(db)).progress;
    this.summary = undefined;
    await this.checkAll();
  }

  private progressOf(n: RequirementNumber): ProgressRow {
    return (
      this.progress.get(n) ?? {
        exerciseId: '06-cqrs-event-sourcing',
        itemId: String(n),
        status: 'unchecked',
        message: '',
        hintsRevealed: 0,
        gaveUp: false,
        updatedAt: '',
      }
    );
  }

  override render(): TemplateResult {
    if (this.loadError !== undefined) return html`<p class="error" role="alert">Your saved answers could not be opened: ${this.loadError}</p>`;
    if (this.text === undefined) return html`<p role="status">Opening your answers…</p>`;
    const current = this.currentStep;
    return html`
      <exercise06-toolbar
        .text=${this.text}
        .passed=${passedCount(this.progress)}
        .saveStatus=${this.saveStatus}
        ?checking=${this.checkingAll !== undefined}
        @check-all=${() => void this.checkAll()}
        .beforeExport=${() => this.autosaver?.flush() ?? Promise.resolve()}
        @answers-imported=${(event: CustomEvent<{ text: string }>) => void this.importAnswers(event.detail.text)}
      ></exercise06-toolbar>
      ${this.checkingAll !== undefined || this.summary !== undefined
        ? html`<exercise06-summary
            .progress=${this.checkingAll}
            .results=${this.summary ?? []}
            .stale=${this.staleInSummary}
            @close-summary=${() => {
              this.summary = undefined;
            }}
          ></exercise06-summary>`
        : nothing}
      ${this.renderStepList(current)}
      <div class="panel">${current === undefined ? this.renderOverview() : this.renderStep(current)}</div>
    `;
  }

  private renderStepList(current: RequirementNumber | undefined): TemplateResult {
    const marks = { pass: '✓', fail: '✗', unchecked: '•' } as const;
    const words = { pass: 'passed', fail: 'not passed yet', unchecked: 'not checked yet' } as const;
    return html`
      <nav class="panel steps" aria-labelledby="steps-title">
        <h2 id="steps-title">Requirements</h2>
        <ol>
          <li><a href=${routeHref('exercise-06')} aria-current=${current === undefined ? 'page' : nothing}><span></span>Overview</a></li>
          ${exercise06Steps.map((step) => {
            const status = this.progressOf(step.number).status;
            return html`<li>
              <a href=${routeHref('exercise-06', String(step.number))} aria-current=${current === step.number ? 'page' : nothing}>
                <span class="mark ${status}" aria-hidden="true">${marks[status]}</span>
                <span>${step.number}. ${step.title}<span class="visually-hidden">, ${words[status]}</span></span>
              </a>
            </li>`;
          })}
        </ol>
      </nav>
    `;
  }

  private renderOverview(): TemplateResult {
    // Seed 003's own words, quoted: what the hand-in looks like, and the four hints the steps draw on.
    const seedWords = [
      '### Expected Output',
      'Seed 003 describes what you hand in:',
      `> ${exercise06ExpectedOutput.intro}`,
      `\`\`\`text\n${exercise06ExpectedOutput.outline}\n\`\`\``,
      '### Hints from the seed',
      exercise06SeedHints.map((hint) => `> - ${hint}`).join('\n'),
    ].join('\n\n');
    return html`
      <h2 class="overview-title">Exercise 06: CQRS and Event Sourcing</h2>
      <lesson-article .markdown=${`### Objective\n\n${exercise06Objective}\n\n### Background\n\n${exercise06Background}\n\n### How this works\n\nYour answers are one document, **answers.md**, laid out like the starter in \`exercises/06-cqrs-event-sourcing/\`. Each requirement has its own step here, with hints and a **Check** button that runs the same grader as \`npm run grade -- --exercise 06\`. Everything you type is saved in this browser as you go; **Check all** grades all six at once, and **Export answers.md** gives you the file to hand in or to grade on the command line.\n\n${seedWords}`} heading-offset="0"></lesson-article>
      <p><a class="start" href=${routeHref('exercise-06', '1')}>Start with requirement 1: CQRS concepts →</a></p>
    `;
  }

  private renderStep(n: RequirementNumber): TemplateResult {
    const step = stepFor(n)!;
    const text = this.text ?? '';
    const body = requirementBody(text, n) ?? '';
    const previous = stepFor(n - 1);
    const next = stepFor(n + 1);
    return html`
      ${requirementHeadingOf(text, n) === undefined
        ? html`<p class="error" role="alert">Your answers.md has no "## Requirement ${n}" heading; typing here adds one.</p>`
        : nothing}
      <exercise06-step
        .step=${step}
        .body=${body}
        .progress=${this.progressOf(n)}
        ?stale=${this.stale.has(n)}
        @body-change=${(event: BodyChangeEvent) => this.onBodyChange(n, event)}
        @check-requirement=${() => void this.check(n)}
        @reveal-hint=${() => void this.revealHint(n)}
      ></exercise06-step>
      <nav class="pager" aria-label="Previous and next requirement">
        ${previous ? html`<a href=${routeHref('exercise-06', String(previous.number))}>← Requirement ${previous.number}</a>` : html`<a href=${routeHref('exercise-06')}>← Overview</a>`}
        ${next ? html`<a href=${routeHref('exercise-06', String(next.number))}>Requirement ${next.number} →</a>` : html`<span></span>`}
      </nav>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-page': Exercise06Page;
  }
}
