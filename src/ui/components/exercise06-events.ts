import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { foldOrder1001, parseRequirement5Events, type FoldStep } from '../../grading/index';
import { editableText, eventsBodyOf, withDerivation, withEventsJson } from '../../workbook/exercise06Document';
import { parseJsonWithPosition } from '../../workbook/exercise06Json';
import { Drafts, bodyChange, editorStyles, rowsFor } from './exercise06-editor-styles';

/**
 * Requirement 5: the events as JSON (one editor per ```json block of the section), checked as the student types,
 * folded through the grader's fold to show order #1001's state after each event; then the derivation in prose.
 */
@customElement('exercise06-events')
export class Exercise06Events extends LitElement {
  static override styles = [
    editorStyles,
    css`
      textarea.code {
        min-height: 16rem;
      }
      .fold td:first-child,
      .fold th:first-child {
        width: 2.5rem;
        text-align: right;
      }
      .skipped {
        color: var(--wb-color-muted);
      }
      .status {
        font-family: var(--wb-font-mono);
        font-weight: 700;
      }
      .final {
        margin: var(--wb-space-2) 0;
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
        background: var(--wb-color-accent-bg);
      }
    `,
  ];

  @property() body = '';
  private readonly drafts = new Drafts();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('body')) this.drafts.sync(this.body);
  }

  private emit(key: string, value: string, body: string): void {
    this.drafts.set(key, value, body);
    this.dispatchEvent(bodyChange(body));
  }

  override render(): TemplateResult {
    const { blocks, derivation } = eventsBodyOf(this.body);
    // With no JSON block yet, one empty editor: typing in it adds the block.
    const editors = blocks.length === 0 ? [''] : blocks.map((block) => editableText(block.code).value);
    const derivationShown = editableText(derivation);
    const parsed = parseRequirement5Events(this.body);
    const fold = foldOrder1001(parsed.events);
    return html`
      ${editors.map((code, index) => this.renderJsonEditor(code, index, editors.length))}
      <h4 id="fold-title">Order 1001, event by event</h4>
      ${parsed.problems.length === 0
        ? nothing
        : html`<ul class="help" aria-label="What the grader cannot read yet">
            ${parsed.problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>`}
      ${fold.steps.length === 0 ? html`<p class="help">No events read yet.</p>` : this.renderFold(fold.steps, fold.state.status)}
      <label for="derivation">How is the current state of order #1001 derived from these events?</label>
      ${blocks.length === 0 ? html`<p class="help">Write your events first; the derivation follows them.</p>` : nothing}
      <textarea
        id="derivation"
        rows=${rowsFor(this.drafts.value('derivation', derivationShown.value), 5)}
        ?disabled=${blocks.length === 0}
        placeholder=${derivationShown.placeholder}
        .value=${this.drafts.value('derivation', derivationShown.value)}
        @input=${(event: Event) => {
          const value = (event.target as HTMLTextAreaElement).value;
          this.emit('derivation', value, withDerivation(this.body, value));
        }}
      ></textarea>
    `;
  }

  private renderJsonEditor(code: string, index: number, count: number): TemplateResult {
    const key = `json${index}`;
    const value = this.drafts.value(key, code);
    const check = value.trim() === '' ? undefined : parseJsonWithPosition(value);
    const name = count === 1 ? 'Events (JSON)' : `Events (JSON block ${index + 1} of ${count})`;
    return html`
      <label for=${key}>${name}</label>
      <textarea
        id=${key}
        class="code"
        spellcheck="false"
        aria-invalid=${check !== undefined && !check.ok ? 'true' : 'false'}
        aria-describedby="${key}-check"
        .value=${value}
        @input=${(event: Event) => {
          const text = (event.target as HTMLTextAreaElement).value;
          this.emit(key, text, withEventsJson(this.body, index, text));
        }}
      ></textarea>
      <div id="${key}-check">
        ${check === undefined
          ? html`<p class="help">Write the events as a JSON array, or one object per block.</p>`
          : check.ok
            ? html`<p class="ok">Valid JSON.</p>`
            : html`<p class="error" role="alert">JSON error at ${check.problem.message}</p>`}
      </div>
    `;
  }

  private renderFold(steps: readonly FoldStep[], finalStatus: string): TemplateResult {
    return html`
      <table class="fold" aria-labelledby="fold-title">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Event</th>
            <th scope="col">Order 1001 after it</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          ${steps.map(
            (step, index) => html`<tr class=${step.applied ? '' : 'skipped'}>
              <td>${index + 1}</td>
              <td><code>${step.event.type}</code></td>
              <td><span class="status">${step.state.status}</span>${step.state.paid ? ' (paid)' : ''}</td>
              <td>${step.applied ? 'applied' : `skipped: ${step.note}`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="final" role="status">Current state of order 1001: <span class="status">${finalStatus}</span></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-events': Exercise06Events;
  }
}
