import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cutText, drawnCharacters } from './cutText';

/**
 * A value drawn cut when it is long, with a "Show all" button that opens it whole in a read-only text box (which
 * scrolls and lets a person select and copy it; a text box draws a megabyte without laying out every line of it).
 * `text` is what is drawn cut; `whole` (defaults to `text`) is what "Show all" shows, e.g. a JSON without cuts.
 */
@customElement('cut-text')
export class CutText extends LitElement {
  static override styles = css`
    :host {
      display: inline;
      overflow-wrap: anywhere;
    }
    button {
      /* Inside a <pre> (the event log's JSON) the button must not keep the template's line breaks. */
      white-space: nowrap;
      font: inherit;
      font-size: 0.85em;
      margin-inline-start: 0.4em;
      padding: 0 0.4em;
      border: 1px solid var(--wb-color-control-border, #7a8396);
      border-radius: 4px;
      background: var(--wb-color-surface, #fff);
      color: var(--wb-color-accent, #2f5bd3);
      cursor: pointer;
    }
    button:focus-visible {
      outline: 2px solid var(--wb-color-accent, #2f5bd3);
      outline-offset: 2px;
    }
    textarea {
      display: block;
      box-sizing: border-box;
      inline-size: 100%;
      block-size: 12em;
      margin-block: 0.3em;
      font-family: var(--wb-font-mono, monospace);
      font-size: 0.85em;
      color: var(--wb-color-text, #1d2330);
      background: var(--wb-color-surface-2, #eef1f6);
      border: 1px solid var(--wb-color-border, #d5d9e2);
    }
    .pre {
      white-space: pre-wrap;
    }
  `;

  /** The value as text. */
  @property({ attribute: false }) text = '';
  /** What "Show all" shows; defaults to `text`. */
  @property({ attribute: false }) whole: string | undefined = undefined;
  /** Characters drawn before the cut; 0 draws only the button (the cut start is drawn elsewhere, e.g. in a button). */
  @property({ type: Number }) limit = drawnCharacters;
  /** Keeps line breaks (JSON). */
  @property({ type: Boolean }) pre = false;
  /** What the value is, for the button's and the text box's names ("product", "event 42"). */
  @property() label = 'value';

  @state() private open = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('text') || changed.has('whole')) this.open = false;
  }

  override render() {
    const whole = this.whole ?? this.text;
    const isCut = this.text.length > this.limit || whole !== this.text;
    const drawn =
      this.limit === 0 ? nothing : html`<span class=${this.pre ? 'pre' : ''}>${isCut ? cutText(this.text, this.limit) : this.text}</span>`;
    if (!isCut) return drawn;
    return html`${this.open ? nothing : drawn}<button
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-label=${this.open ? `Show less of the ${this.label}` : `Show all of the ${this.label} (${whole.length.toLocaleString('en-US')} characters)`}
        @click=${() => (this.open = !this.open)}
      >${this.open ? 'Show less' : `Show all (${whole.length.toLocaleString('en-US')} characters)`}</button
      >${this.open ? html`<textarea readonly aria-label=${`The whole ${this.label}`} .value=${whole}></textarea>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cut-text': CutText;
  }
}
