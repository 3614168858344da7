import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { codeTextareaStyles } from '../styles/controlStyles';
import { exerciseStyles } from './exercise-styles';

/** How long typing pauses before the text is saved. */
const saveDelayMs = 400;

/**
 * The code editor: a monospace textarea where Tab inserts two spaces. Escape, then Tab, leaves the editor, so the
 * keyboard is never trapped. Fires `text-change` (detail: the text) after typing pauses, and at once on blur.
 */
@customElement('exercise-editor')
export class ExerciseEditor extends LitElement {
  static override styles = [
    exerciseStyles,
    css`
      ${codeTextareaStyles}
      textarea {
        min-height: 24rem;
        line-height: 1.45;
        tab-size: 2;
        padding: var(--wb-space-2) var(--wb-space-3);
      }
      p {
        margin: var(--wb-space-1) 0 0;
        font-size: 0.85rem;
      }
    `,
  ];

  @property() text = '';
  @property() label = 'Your code';

  private pending: ReturnType<typeof setTimeout> | undefined;
  private tabLeaves = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // A reload or a closed tab does not disconnect the element: hand the last keystrokes over before the page goes.
    window.addEventListener('pagehide', this.flushOnLeave);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.flushOnLeave);
    super.disconnectedCallback();
    this.flush();
  }

  private readonly flushOnLeave = (): void => this.flush();

  override render(): TemplateResult {
    return html`<textarea
        aria-label=${this.label}
        aria-describedby="keys"
        spellcheck="false"
        wrap="off"
        autocapitalize="off"
        autocomplete="off"
        .value=${live(this.text)}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
        @blur=${() => this.flush()}
      ></textarea>
      <p id="keys" class="muted">Tab inserts two spaces; press Esc, then Tab, to move on. Your code is saved in this browser as you type.</p>`;
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.flush(), saveDelayMs);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      this.tabLeaves = true;
      return;
    }
    if (event.key !== 'Tab' || this.tabLeaves || event.shiftKey) {
      this.tabLeaves = false;
      return;
    }
    event.preventDefault();
    const area = event.target as HTMLTextAreaElement;
    const { selectionStart, selectionEnd, value } = area;
    area.value = `${value.slice(0, selectionStart)}  ${value.slice(selectionEnd)}`;
    area.selectionStart = area.selectionEnd = selectionStart + 2;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /** Saves now: before a run, on blur, when the editor goes away. */
  flush(): void {
    if (this.pending === undefined) return;
    clearTimeout(this.pending);
    this.pending = undefined;
    this.dispatchEvent(new CustomEvent<string>('text-change', { detail: this.text }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise-editor': ExerciseEditor;
  }
}
