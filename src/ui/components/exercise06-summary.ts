import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { routeHref } from '../controllers/hashRouteController';
import type { CheckAllProgress, CheckedRequirement } from '../../workbook/exercise06CheckAll';
import { checkAllHeadline } from '../../workbook/exercise06CheckAll';
import type { RequirementNumber } from '../../workbook/exercise06Document';
import { stepFor } from '../../workbook/exercise06Steps';
import { focusRingStyles, plainButtonStyles } from '../styles/controlStyles';

/**
 * What "Check all" (or an imported answers.md) found: while grading, which requirement is being read; then one line
 * per requirement, passed or what to fix in the grader's words, each linking to its step. The page grades; this
 * element only shows, and sends `close-summary` up.
 */
@customElement('exercise06-summary')
export class Exercise06Summary extends LitElement {
  static override styles = css`
    :host {
      display: block;
      background: var(--wb-color-surface);
      border: 1px solid var(--wb-color-border);
      border-radius: var(--wb-radius);
      padding: var(--wb-space-3) var(--wb-space-4);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--wb-space-2) var(--wb-space-3);
    }
    h2 {
      font-size: 1.1rem;
      margin: 0;
    }
    .head p {
      margin: 0;
      font-weight: 600;
    }
    .head button {
      margin-left: auto;
    }
    progress {
      width: min(20rem, 100%);
      accent-color: var(--wb-color-accent);
    }
    ol {
      list-style: none;
      margin: var(--wb-space-2) 0 0;
      padding: 0;
      display: grid;
      gap: var(--wb-space-2);
    }
    li {
      display: grid;
      grid-template-columns: 1.5rem minmax(0, 1fr);
      gap: var(--wb-space-1);
      padding: var(--wb-space-2) var(--wb-space-3);
      border-radius: var(--wb-radius);
      overflow-wrap: anywhere;
    }
    li.pass {
      background: var(--wb-color-success-bg);
    }
    li.fail {
      background: var(--wb-color-danger-bg);
    }
    .mark {
      font-weight: 700;
    }
    .pass .mark,
    .pass .verdict {
      color: var(--wb-color-success);
    }
    .fail .mark,
    .fail .verdict {
      color: var(--wb-color-danger);
    }
    a {
      color: var(--wb-color-text);
      font-weight: 600;
    }
    a:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
    }
    .message {
      display: block;
      margin-top: var(--wb-space-1);
    }
    .stale {
      color: var(--wb-color-muted);
    }
    ${plainButtonStyles}
    button {
      background: var(--wb-color-surface-2);
    }
    ${focusRingStyles}
  `;

  /** Set while grading; the results are shown once it is undefined. */
  @property({ attribute: false }) progress: CheckAllProgress | undefined;
  @property({ attribute: false }) results: readonly CheckedRequirement[] = [];
  /** Requirements edited after this check: their line may no longer hold. */
  @property({ attribute: false }) stale: ReadonlySet<RequirementNumber> = new Set();

  override render(): TemplateResult {
    return html`<section aria-labelledby="summary-title">${this.progress === undefined ? this.renderResults() : this.renderProgress(this.progress)}</section>`;
  }

  private renderProgress(progress: CheckAllProgress): TemplateResult {
    const current = progress.current === undefined ? undefined : stepFor(progress.current);
    return html`
      <div class="head">
        <h2 id="summary-title">Checking all six requirements</h2>
        <p role="status">${current === undefined ? 'Finishing…' : `Checking requirement ${current.number} of ${progress.total}: ${current.title}…`}</p>
      </div>
      <progress aria-label="Requirements checked" max=${progress.total} .value=${progress.done}></progress>
    `;
  }

  private renderResults(): TemplateResult {
    return html`
      <div class="head">
        <h2 id="summary-title">All six requirements checked</h2>
        <p role="status">${checkAllHeadline(this.results)}</p>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('close-summary', { bubbles: true, composed: true }))}>Hide summary</button>
      </div>
      <ol aria-label="Each requirement's verdict">
        ${this.results.map(({ number, result }) => {
          const title = stepFor(number)?.title ?? '';
          const passed = result.status === 'pass';
          return html`<li class=${result.status}>
            <span class="mark" aria-hidden="true">${passed ? '✓' : '✗'}</span>
            <span>
              <a href=${routeHref('exercise-06', String(number))}>Requirement ${number}: ${title}</a>
              <span class="verdict">${passed ? ' passes.' : ' does not pass yet:'}</span>
              ${this.stale.has(number) ? html`<span class="stale"> (edited since: check again)</span>` : nothing}
              ${passed ? nothing : html`<span class="message">${result.message}</span>`}
            </span>
          </li>`;
        })}
      </ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-summary': Exercise06Summary;
  }
}
