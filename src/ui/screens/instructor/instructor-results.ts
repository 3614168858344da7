import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ClassCell, ClassColumn, ClassReport, ClassStudent } from '../../../grading/index';
import { plural } from '../../text/plural';

/**
 * The class table: a row per student, a column per requirement of Exercise 06 (or, for a class report written by
 * `npm run grade -- --class`, per requirement and coding exercise). A failed cell opens to the grader's message; a
 * student who could not be graded (their code looped, their folder could not be read) is one cell saying why. Everything a student wrote (names, messages quoting them) is bound as text, never as HTML.
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
    /* The caption names the table for assistive technology; the same words are shown above the scrolling region,
       so they stay in view when a wide class scrolls sideways (a caption scrolls with its table). */
    caption {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .title {
      margin: 0;
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
    /* The names stay in view while a wide class (twelve requirements and exercises) scrolls sideways. */
    tr > th:first-child {
      position: sticky;
      left: 0;
      z-index: 1;
      background: var(--wb-color-surface);
    }
    thead tr > th:first-child,
    tfoot tr > th:first-child {
      background: var(--wb-color-surface-2);
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
    td.fail,
    td.error {
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
      /* A coding exercise's message lists every failing check: it scrolls in its cell instead of stretching the row. */
      max-height: 16rem;
      overflow: auto;
      overflow-wrap: anywhere;
    }
    details p:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
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

  /** The class: a row per student, a column per requirement or exercise. */
  @property({ attribute: false }) report: ClassReport | undefined;
  /** What the table holds, e.g. "Exercise 06 results" (its caption; the scrolling region is "<caption> table"). */
  @property() caption = 'Exercise 06 results';
  /** The students' paths in the upload, shown on hover over their names. */
  @property({ attribute: false }) paths: ReadonlyMap<string, string> = new Map();
  /** Show each student's points out of the report's maximum (a class report from `npm run grade -- --class`). */
  @property({ type: Boolean }) points = false;

  override render(): TemplateResult | typeof nothing {
    const report = this.report;
    if (report === undefined || report.students.length === 0) return nothing;
    const count = report.students.length;
    return html`
      <p class="title" aria-hidden="true">${this.caption}: ${plural(count, 'student')}</p>
      <div class="scroll" tabindex="0" role="region" aria-label=${`${this.caption} table`}>
        <table>
          <caption>
            ${this.caption}: ${plural(count, 'student')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              ${report.columns.map((column) => {
                const { label, detail } = headerOf(column);
                return html`<th scope="col"><span class="requirement">${label}</span><small>${detail}</small></th>`;
              })}
              <th scope="col">Passed</th>
              ${this.points ? html`<th scope="col">Points <small>of ${report.maxPoints}</small></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${report.students.map((student) => this.renderRow(report, student))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Students passing</th>
              ${report.columns.map((_, index) => html`<td>${report.students.filter((s) => s.cells[index]?.status === 'pass').length}/${count}</td>`)}
              <td class="total">${report.students.filter((s) => s.cells.every((c) => c.status === 'pass')).length}/${count}</td>
              ${this.points ? html`<td class="total">${average(report)}</td>` : nothing}
            </tr>
          </tfoot>
        </table>
      </div>
    `;
  }

  private renderRow(report: ClassReport, student: ClassStudent): TemplateResult {
    const passed = student.cells.filter((c) => c.status === 'pass').length;
    return html`
      <tr>
        <th scope="row" title=${this.paths.get(student.name) ?? student.name}><span class="name">${student.name}</span></th>
        ${student.error !== undefined
          ? html`<td class="error" colspan=${report.columns.length}>
              <details>
                <summary aria-label=${`${student.name}: could not be graded, show why`}>⚠ Could not be graded</summary>
                <p>${student.error}</p>
              </details>
            </td>`
          : student.cells.map((cell, index) => this.renderCell(cell, headerOf(report.columns[index]!).label, student.name))}
        <td class="total">${passed}/${student.cells.length}</td>
        ${this.points ? html`<td class="total">${student.points}/${report.maxPoints}</td>` : nothing}
      </tr>
    `;
  }

  private renderCell(cell: ClassCell, label: string, student: string): TemplateResult {
    if (cell.status === 'pass') return html`<td class="pass"><span class="status">✓ Pass</span></td>`;
    const word = cell.status === 'fail' ? 'Fail' : 'Error';
    return html`<td class=${cell.status}>
      <details>
        <summary aria-label=${`${label} of ${student}: ${word.toLowerCase()}, show why`}>${cell.status === 'fail' ? '✗' : '⚠'} ${word}</summary>
        <p tabindex="0">${cell.message}</p>
      </details>
    </td>`;
  }
}

/** `Requirement 3: Benefits and trade-offs` → "Requirement 3" over "Benefits and trade-offs". */
function headerOf(column: ClassColumn): { label: string; detail: string } {
  const colon = column.title.indexOf(': ');
  return colon < 0 ? { label: column.id, detail: column.title } : { label: column.title.slice(0, colon), detail: column.title.slice(colon + 2) };
}

function average(report: ClassReport): string {
  const graded = report.students.filter((s) => s.error === undefined);
  if (graded.length === 0) return '—';
  return `${(graded.reduce((sum, s) => sum + s.points, 0) / graded.length).toFixed(1)} on average`;
}

declare global {
  interface HTMLElementTagNameMap {
    'instructor-results': InstructorResults;
  }
}
