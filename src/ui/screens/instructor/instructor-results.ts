import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { REQUIREMENT_NUMBERS, REQUIREMENT_TITLES } from '../../../grading/index';
import type { GradedSubmission } from '../../../grading/index';

/**
 * The class table: a row per student, a column per requirement of Exercise 06. A failed cell opens to the
 * grader's message. Everything a student wrote (names, messages quoting them) is bound as text, never as HTML.
 */
@customElement('instructor-results')
export class InstructorResults extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    /* A class table wider than the screen (large text, a narrow window) scrolls here; focusable so the keyboard
       can scroll it too. */
    .scroll {
      overflow-x: auto;
    }
    .scroll:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.85rem;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding-bottom: var(--wb-space-2);
    }
    th,
    td {
      border: 1px solid var(--wb-color-border);
      padding: var(--wb-space-2);
      text-align: left;
      vertical-align: top;
    }
    thead th {
      background: var(--wb-color-surface-2);
      font-weight: 600;
    }
    .requirement {
      white-space: nowrap;
    }
    thead th small {
      display: block;
      font-weight: 400;
      color: var(--wb-color-muted);
    }
    tbody th {
      font-weight: 600;
    }
    /* A long file name wraps instead of pushing the results off the screen. */
    .name {
      display: inline-block;
      max-width: 7rem;
      overflow-wrap: anywhere;
    }
    td.pass {
      background: var(--wb-color-success-bg);
      color: var(--wb-color-success);
    }
    td.fail {
      background: var(--wb-color-danger-bg);
      color: var(--wb-color-danger);
      /* Narrow while closed, so six requirements and the total fit a 1280-pixel screen; an opened message widens
         its column up to max-width. */
      min-width: 6.5rem;
      max-width: 22rem;
    }
    details summary {
      cursor: pointer;
      font-weight: 600;
    }
    details summary:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
      border-radius: 2px;
    }
    details p {
      margin: var(--wb-space-1) 0 0;
      color: var(--wb-color-text);
      font-size: 0.85rem;
      white-space: pre-wrap;
    }
    .status {
      font-weight: 600;
    }
    tfoot td,
    tfoot th {
      background: var(--wb-color-surface-2);
      font-weight: 600;
    }
    td.total {
      white-space: nowrap;
    }
  `;

  @property({ attribute: false }) graded: readonly GradedSubmission[] = [];

  override render(): TemplateResult | typeof nothing {
    if (this.graded.length === 0) return nothing;
    return html`
      <div class="scroll" tabindex="0" role="region" aria-label="Exercise 06 results table">
        <table>
          <caption>
            Exercise 06 results: ${this.graded.length} student${this.graded.length === 1 ? '' : 's'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              ${REQUIREMENT_NUMBERS.map((n) => html`<th scope="col"><span class="requirement">Requirement ${n}</span><small>${REQUIREMENT_TITLES[n]}</small></th>`)}
              <th scope="col">Passed</th>
            </tr>
          </thead>
          <tbody>
            ${this.graded.map((submission) => this.renderRow(submission))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Students passing</th>
              ${REQUIREMENT_NUMBERS.map((n) => html`<td>${this.passing(String(n))}/${this.graded.length}</td>`)}
              <td class="total">${this.graded.filter((g) => g.results.every((r) => r.status === 'pass')).length}/${this.graded.length}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    `;
  }

  private renderRow(submission: GradedSubmission): TemplateResult {
    const passed = submission.results.filter((r) => r.status === 'pass').length;
    return html`
      <tr>
        <th scope="row" title=${submission.path}><span class="name">${submission.student}</span></th>
        ${submission.results.map((result) =>
          result.status === 'pass'
            ? html`<td class="pass"><span class="status">✓ Pass</span></td>`
            : html`<td class="fail">
                <details>
                  <summary aria-label=${`Requirement ${result.id} of ${submission.student}: fail, show why`}>✗ Fail</summary>
                  <p>${result.message}</p>
                </details>
              </td>`,
        )}
        <td class="total">${passed}/${submission.results.length}</td>
      </tr>
    `;
  }

  private passing(id: string): number {
    return this.graded.filter((g) => g.results.some((r) => r.id === id && r.status === 'pass')).length;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'instructor-results': InstructorResults;
  }
}
