import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { allPassed, reportSummary, type GoalOutcome, type RunReport } from '../../workbook/exerciseRunner';
import { lineDiff, type DiffLine } from '../../workbook/lineDiff';
import { exerciseStyles } from './exercise-styles';

/**
 * What a run found: each test passed or failed with its message, then the goal view (the expected result beside
 * the student's, line by line, with the comparison rule written out).
 */
@customElement('exercise-results')
export class ExerciseResults extends LitElement {
  static override styles = [
    exerciseStyles,
    css`
      ul.tests {
        list-style: none;
        padding: 0;
        margin: var(--wb-space-2) 0;
        display: grid;
        gap: var(--wb-space-1);
      }
      li {
        border-left: 4px solid var(--wb-color-border);
        padding: var(--wb-space-1) var(--wb-space-2);
        background: var(--wb-color-surface);
      }
      li.pass {
        border-left-color: var(--wb-color-success);
      }
      li.fail {
        border-left-color: var(--wb-color-danger);
      }
      .mark {
        font-weight: 600;
        margin-right: var(--wb-space-1);
      }
      li.pass .mark {
        color: var(--wb-color-success);
      }
      li.fail .mark {
        color: var(--wb-color-danger);
      }
      .message {
        white-space: pre-wrap;
        font-size: 0.9rem;
        margin: var(--wb-space-1) 0 0;
        overflow-wrap: anywhere;
      }
      .goal {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr));
        gap: var(--wb-space-2);
      }
      h4 {
        margin: var(--wb-space-3) 0 var(--wb-space-1);
        font-size: 1rem;
      }
      h5 {
        margin: 0 0 var(--wb-space-1);
        font-size: 0.9rem;
      }
      .missing {
        background: var(--wb-color-danger-bg);
        color: var(--wb-color-danger);
      }
      .extra {
        background: var(--wb-color-warning-bg);
        color: var(--wb-color-warning);
      }
      .goal pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      pre span {
        display: block;
        min-height: 1em;
      }
      .rule {
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) report: RunReport | undefined;

  override render(): TemplateResult | typeof nothing {
    const report = this.report;
    if (report === undefined) return nothing;
    if (report.kind === 'broken') return html`<p class="alert" role="alert">${report.reason}</p>`;
    return html`
      <p class=${allPassed(report) ? 'ok' : 'alert'} role="status">${reportSummary(report)}</p>
      <ul class="tests" aria-label="Test results">
        ${report.outcomes.map(
          (outcome) => html`<li class=${outcome.status}>
            <span class="mark" aria-hidden="true">${outcome.status === 'pass' ? '✓' : '✗'}</span>
            <span>${outcome.status === 'pass' ? 'Pass' : 'Fail'}: ${outcome.name}</span>
            ${outcome.status === 'fail' ? html`<p class="message">${outcome.message}</p>` : nothing}
          </li>`,
        )}
      </ul>
      ${this.renderGoal(report.goal)}
    `;
  }

  private renderGoal(goal: GoalOutcome): TemplateResult {
    const lines = lineDiff(goal.expectedText, goal.actualText);
    const column = (kinds: readonly DiffLine['kind'][]) =>
      lines.filter((line) => kinds.includes(line.kind)).map((line) => html`<span class=${line.kind}>${line.text}</span>`);
    return html`<section aria-labelledby="goal-title">
      <h4 id="goal-title">Goal: ${goal.title} ${goal.matches ? '(yours matches)' : '(yours differs)'}</h4>
      <p class="muted">${goal.given}</p>
      <div class="goal">
        <div>
          <h5>Expected</h5>
          <pre aria-label="Expected result">${column(['same', 'missing'])}</pre>
        </div>
        <div>
          <h5>Yours</h5>
          <pre aria-label="Your result">${column(['same', 'extra'])}</pre>
        </div>
      </div>
      <p class="rule"><strong>How it is compared:</strong> ${goal.rule}
        ${goal.matches ? nothing : html`<span class="muted"> Lines only in Expected are marked red; lines only in yours, amber.</span>`}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise-results': ExerciseResults;
  }
}
