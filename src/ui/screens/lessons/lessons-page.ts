import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { panelStyles } from '../../styles/theme';
import { routeHref } from '../../controllers/hashRouteController';
import { lessonFor, lessonNumber, lessons, neighboursOf } from '../../../workbook/lessons';
import { selfChecks } from '../../../../content/self-checks/index';
import { sharedProgressDb } from '../../../workbook/progressStore';
import { lessonCheckState, type LessonCheckState } from '../../../workbook/selfCheck/lessonProgress';
import { loadSelfCheckAnswers } from '../../../workbook/selfCheck/selfCheckStore';
import '../../components/lesson-article';
import './self-check-section';

/** `#/lessons/<lessonId>`: the lesson list beside the open lesson, with previous/next at its foot. */
@customElement('lessons-page')
export class LessonsPage extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 16rem minmax(0, 1fr);
        gap: var(--wb-space-4);
        align-items: start;
      }
      @media (max-width: 70rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .lesson-list ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .lesson-list a {
        display: grid;
        grid-template-columns: 1.6rem 1fr;
        gap: var(--wb-space-1);
        padding: var(--wb-space-2);
        border-radius: var(--wb-radius);
        color: var(--wb-color-text);
        text-decoration: none;
      }
      .lesson-list a:hover {
        background: var(--wb-color-surface-2);
      }
      .lesson-list a[aria-current='page'] {
        background: var(--wb-color-accent-bg);
        color: var(--wb-color-accent);
        font-weight: 600;
      }
      .lesson-list .number {
        color: var(--wb-color-muted);
      }
      .lesson-list .self-check {
        grid-column: 2;
        font-size: 0.8rem;
        font-weight: normal;
        color: var(--wb-color-muted);
      }
      .lesson-list .self-check.understood {
        color: var(--wb-color-success);
        font-weight: 600;
      }
      .lesson-list .summary {
        grid-column: 2;
        font-size: 0.85rem;
        font-weight: normal;
        color: var(--wb-color-muted);
      }
      h2.list-title {
        font-size: 1rem;
        margin: 0 0 var(--wb-space-2);
      }
      .pager {
        display: flex;
        justify-content: space-between;
        gap: var(--wb-space-3);
        margin-top: var(--wb-space-4);
        padding-top: var(--wb-space-3);
        border-top: 1px solid var(--wb-color-border);
      }
      .pager a {
        color: var(--wb-color-accent);
        font-weight: 600;
      }
      a:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .notice {
        color: var(--wb-color-warning);
        background: var(--wb-color-warning-bg);
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
      }
      .error {
        color: var(--wb-color-danger);
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  /** Bumped when the lesson's self-check saves an answer, so the list reads the answers again. */
  @state() private selfCheckRevision = 0;

  /** Every saved self-check answer, for "not tried / 2 of 5 right / understood" beside each lesson. */
  private readonly selfCheckRows = new Task(this, {
    task: async ([_revision]: readonly [number]) => loadSelfCheckAnswers(sharedProgressDb()),
    args: () => [this.selfCheckRevision] as const,
  });

  private checkStateOf(lessonId: string): LessonCheckState | undefined {
    const selfCheck = selfChecks.find((check) => check.lessonId === lessonId);
    // While the answers are read (or if they cannot be), the list says nothing rather than "not tried".
    const rows = this.selfCheckRows.value;
    return selfCheck && rows && lessonCheckState(selfCheck, rows);
  }

  private readonly lessonText = new Task(this, {
    task: async ([id]: readonly [string]) => {
      const { lesson } = lessonFor(id);
      return lesson.load();
    },
    args: () => [lessonFor(this.params[0]).lesson.id] as const,
  });

  protected override updated(changed: PropertyValues<this>): void {
    // A new lesson starts at its top, as a new page would.
    if (changed.has('params') && changed.get('params') !== undefined) window.scrollTo({ top: 0 });
  }

  override render(): TemplateResult {
    const { lesson, known } = lessonFor(this.params[0]);
    const { previous, next } = neighboursOf(lesson.id);
    return html`
      <nav class="panel lesson-list" aria-labelledby="lesson-list-title">
        <h2 class="list-title" id="lesson-list-title">Lessons</h2>
        <ol>
          ${lessons.map(
            (entry) => html`<li>
              <a href=${routeHref('lessons', entry.id)} aria-current=${entry.id === lesson.id ? 'page' : nothing}>
                <span class="number" aria-hidden="true">${lessonNumber(entry.id)}.</span>
                <span class="title">${entry.title}</span>
                <span class="summary">${entry.summary}</span>
                ${this.renderCheckState(this.checkStateOf(entry.id))}
              </a>
            </li>`,
          )}
        </ol>
      </nav>
      <article class="panel" aria-label=${`Lesson ${lessonNumber(lesson.id)}: ${lesson.title}`}>
        ${known ? nothing : html`<p class="notice" role="status">There is no lesson "${this.params[0]}"; here is the first one.</p>`}
        ${this.lessonText.render({
          pending: () => html`<p role="status">Loading the lesson…</p>`,
          complete: (markdown) => html`<lesson-article .markdown=${markdown}></lesson-article>
            <self-check-section lesson-id=${lesson.id} @self-check-change=${() => (this.selfCheckRevision += 1)}></self-check-section>`,
          error: (error) =>
            html`<p class="error" role="alert">The lesson could not be loaded: ${error instanceof Error ? error.message : String(error)}</p>`,
        })}
        <nav class="pager" aria-label="Previous and next lesson">
          ${previous
            ? html`<a href=${routeHref('lessons', previous.id)} rel="prev">← Previous: ${previous.title}</a>`
            : html`<span></span>`}
          ${next ? html`<a href=${routeHref('lessons', next.id)} rel="next">Next: ${next.title} →</a>` : html`<a href=${routeHref('exercise-06')}>Next: Exercise 06 →</a>`}
        </nav>
      </article>
    `;
  }

  private renderCheckState(checkState: LessonCheckState | undefined): TemplateResult | typeof nothing {
    if (checkState === undefined) return nothing;
    return html`<span class="self-check ${checkState.state}">Self-check: ${checkState.state === 'understood' ? '✓ understood' : checkState.text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lessons-page': LessonsPage;
  }
}
