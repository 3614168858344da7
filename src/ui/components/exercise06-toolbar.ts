import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { checkImportedAnswers } from '../../workbook/exercise06Document';
import type { SaveStatus } from '../../workbook/exercise06Progress';
import { assertNever } from '../../domain/core/message';
import { focusRingStyles, plainButtonStyles, primaryButtonStyles } from '../styles/controlStyles';

/**
 * The bar above Exercise 06: how many requirements pass, whether the text is saved, and answers.md in and out.
 * An imported file is validated first; a wrong one changes nothing and says why. "Check all" and a good import ask the
 * page to grade every requirement (`check-all`, `answers-imported`).
 */
@customElement('exercise06-toolbar')
export class Exercise06Toolbar extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--wb-space-3) var(--wb-space-4);
      background: var(--wb-color-surface);
      border: 1px solid var(--wb-color-border);
      border-radius: var(--wb-radius);
      padding: var(--wb-space-2) var(--wb-space-4);
    }
    .progress {
      display: flex;
      align-items: center;
      gap: var(--wb-space-2);
      font-weight: 600;
    }
    progress {
      width: 10rem;
      accent-color: var(--wb-color-success);
    }
    .save {
      color: var(--wb-color-muted);
      min-width: 8rem;
    }
    .save.error {
      color: var(--wb-color-danger);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--wb-space-2);
      margin-left: auto;
    }
    /* In large text on a narrow screen the buttons go to a second row, each label whole ("Check all", not "Check" / "all"). */
    .actions button {
      white-space: nowrap;
    }
    ${plainButtonStyles}
    button {
      background: var(--wb-color-surface-2);
    }
    ${primaryButtonStyles}
    button.primary {
      font-weight: 600;
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    ${focusRingStyles}
    input[type='file'] {
      display: none;
    }
    .message {
      flex-basis: 100%;
      margin: 0;
      padding: var(--wb-space-2) var(--wb-space-3);
      border-radius: var(--wb-radius);
    }
    .message.error {
      color: var(--wb-color-danger);
      background: var(--wb-color-danger-bg);
    }
    .message.ok {
      color: var(--wb-color-success);
      background: var(--wb-color-success-bg);
    }
  `;

  @property() text = '';
  @property({ type: Number }) passed = 0;
  @property({ attribute: false }) saveStatus: SaveStatus = { kind: 'idle' };
  /** "Check all" is grading: the button waits for it. */
  @property({ type: Boolean }) checking = false;
  /** Saves pending typing before the file is made, so the export holds the last keystroke. */
  @property({ attribute: false }) beforeExport: () => Promise<void> = () => Promise.resolve();

  @state() private importMessage: { readonly ok: boolean; readonly text: string } | undefined;

  override render(): TemplateResult {
    return html`
      <div class="progress">
        <label for="passed">${this.passed} of 6 passed</label>
        <progress id="passed" max="6" .value=${this.passed}></progress>
      </div>
      ${this.renderSaveStatus()}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.checking} @click=${() => this.dispatchEvent(new CustomEvent('check-all', { bubbles: true, composed: true }))}>
          ${this.checking ? 'Checking all…' : 'Check all'}
        </button>
        <button type="button" @click=${() => void this.exportAnswers()}>Export answers.md</button>
        <button type="button" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>Import answers.md</button>
        <input type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" aria-label="answers.md file to import" @change=${this.onFileChosen} />
      </div>
      ${this.importMessage === undefined
        ? nothing
        : this.importMessage.ok
          ? html`<p class="message ok" role="status">${this.importMessage.text}</p>`
          : html`<p class="message error" role="alert">${this.importMessage.text}</p>`}
    `;
  }

  private renderSaveStatus(): TemplateResult {
    const status = this.saveStatus;
    switch (status.kind) {
      case 'idle':
        return html`<span class="save" role="status">Saved in this browser</span>`;
      case 'pending':
        return html`<span class="save" role="status">Unsaved changes…</span>`;
      case 'saving':
        return html`<span class="save" role="status">Saving…</span>`;
      case 'saved':
        return html`<span class="save" role="status">Saved</span>`;
      case 'error':
        return html`<span class="save error" role="alert">Not saved: ${status.message}. Export your answers to keep them.</span>`;
      default:
        return assertNever(status);
    }
  }

  private async exportAnswers(): Promise<void> {
    await this.beforeExport();
    const url = URL.createObjectURL(new Blob([this.text], { type: 'text/markdown' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'answers.md';
    link.click();
    // The download has its own reference to the blob by the time click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private readonly onFileChosen = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire change again
    if (file === undefined) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.importMessage = { ok: false, text: `"${file.name}" could not be read. Nothing was changed.` };
      return;
    }
    const checked = checkImportedAnswers(text);
    if (!checked.ok) {
      this.importMessage = { ok: false, text: `"${file.name}": ${checked.reason}` };
      return;
    }
    this.importMessage = { ok: true, text: `Imported "${file.name}". All six requirements are checked at once: see the summary below.` };
    this.dispatchEvent(new CustomEvent('answers-imported', { detail: { text: checked.text }, bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-toolbar': Exercise06Toolbar;
  }
}
