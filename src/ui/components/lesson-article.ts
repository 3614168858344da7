import { LitElement, css, html, nothing } from 'lit';
import { errorBoxStyles } from '../styles/controlStyles';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { diagramColoursOf, renderMarkdown, renderMermaidDiagrams } from '../../workbook/renderMarkdown';
import { markdownStyles } from './lesson-styles';
import { ThemeChangeController } from './lesson-theme';

/**
 * Markdown shown as a page: sanitized HTML (renderMarkdown), then its ```mermaid blocks drawn in the theme's
 * colours. When the person switches light/dark, the diagrams are drawn again in the new colours.
 */
@customElement('lesson-article')
export class LessonArticle extends LitElement {
  static override styles = [
    markdownStyles,
    css`
      :host {
        display: block;
      }
      .status {
        color: var(--wb-color-muted);
      }
      ${errorBoxStyles}
    `,
  ];

  @property() markdown = '';
  /** 1 renders `#` as `<h2>`, so the page keeps one `<h1>`. */
  @property({ type: Number, attribute: 'heading-offset' }) headingOffset = 1;

  /** The sanitized HTML of `markdown`; undefined while it renders. */
  @state() private html: string | undefined;
  @state() private renderError: string | undefined;
  /** Bumped when the theme changes: a new key re-creates the HTML, so the diagrams are drawn again. */
  @state() private themeRevision = 0;
  @state() private diagramsDrawn = false;

  private renderedFor: string | undefined;
  constructor() {
    super();
    new ThemeChangeController(this, () => {
      this.themeRevision += 1;
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('markdown') || changed.has('headingOffset')) && this.renderedFor !== this.markdown) {
      this.renderedFor = this.markdown;
      this.html = undefined;
      this.renderError = undefined;
      const markdown = this.markdown;
      renderMarkdown(markdown, { headingOffset: this.headingOffset }).then(
        (html) => {
          if (markdown === this.markdown) this.html = html;
        },
        (error: unknown) => {
          this.renderError = error instanceof Error ? error.message : String(error);
        },
      );
    }
  }

  protected override updated(changed: PropertyValues): void {
    if ((changed.has('html') || changed.has('themeRevision')) && this.html !== undefined) void this.drawDiagrams();
  }

  private async drawDiagrams(): Promise<void> {
    const body = this.renderRoot.querySelector('.body');
    if (body === null) return;
    this.diagramsDrawn = false;
    await renderMermaidDiagrams(body, diagramColoursOf(this));
    this.diagramsDrawn = true;
    this.dispatchEvent(new CustomEvent('diagrams-drawn', { bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    if (this.renderError !== undefined) return html`<p class="error" role="alert">This page could not be shown: ${this.renderError}</p>`;
    if (this.html === undefined) return html`<p class="status" role="status">Loading…</p>`;
    return html`
      ${keyed(this.themeRevision, html`<div class="body markdown" aria-busy=${this.diagramsDrawn ? nothing : 'true'}>${unsafeHTML(this.html)}</div>`)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-article': LessonArticle;
  }
}
