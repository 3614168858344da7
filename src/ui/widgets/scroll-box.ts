import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

/**
 * A table (or anything) that may be wider than its panel, large text on a narrow screen: it scrolls sideways inside
 * the panel instead of being cut, and says so. A shadow on the side where columns are hidden, and a line under it
 * while it is wider than the box, tell a person there is more (a browser may hide its scrollbar until it is used);
 * the box is focusable, so a keyboard scrolls it too.
 */
@customElement('scroll-box')
export class ScrollBox extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    .scroll {
      overflow-x: auto;
      /* Scroll shadows: the surface-coloured covers move with the content, the shadows stay at the edges. */
      background:
        linear-gradient(to right, var(--wb-color-surface), var(--wb-color-surface) 30%, transparent) left / 2.5rem 100% no-repeat local,
        linear-gradient(to left, var(--wb-color-surface), var(--wb-color-surface) 30%, transparent) right / 2.5rem 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.3), transparent) left / 0.9rem 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.3), transparent) right / 0.9rem 100% no-repeat scroll;
      scrollbar-color: var(--wb-color-control-border) transparent;
    }
    .scroll:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
    }
    .hint {
      margin: var(--wb-space-1) 0 0;
      font-size: 0.85rem;
      color: var(--wb-color-muted);
    }
  `;

  /** The region's accessible name ("Orders table"). */
  @property() label = '';

  @state() private wider = false;
  @query('.scroll') private box!: HTMLDivElement;

  private readonly observer = new ResizeObserver(() => this.measure());

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observeAll();
  }

  override disconnectedCallback(): void {
    this.observer.disconnect();
    super.disconnectedCallback();
  }

  protected override firstUpdated(): void {
    this.observeAll();
  }

  /** The box and what it holds: either changing width can make it overflow or fit. */
  private observeAll(): void {
    this.observer.disconnect();
    this.observer.observe(this.box);
    for (const child of this.children) this.observer.observe(child);
  }

  private measure(): void {
    const box = this.box;
    this.wider = box.scrollWidth > box.clientWidth + 1;
  }

  override render(): TemplateResult {
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${this.label}><slot @slotchange=${() => this.observeAll()}></slot></div>
      ${this.wider ? html`<p class="hint">Wider than the panel: scroll sideways for the other columns →</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scroll-box': ScrollBox;
  }
}
