import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { parseDiagram } from '../../grading/index';
import { editableText, fencedBlocksOf, withBlockCode } from '../../workbook/exercise06Document';
import { diagramToMermaid, missingArrows } from '../../workbook/exercise06Diagram';
import { diagramColoursOf, renderMermaidSvg } from '../../workbook/renderMarkdown';
import { Drafts, bodyChange, editorStyles } from './exercise06-editor-styles';
import { ThemeChangeController } from './lesson-theme';
import { plural } from '../text/plural';

/**
 * Requirement 2: the ASCII diagram in a monospace editor (the section's first fenced block), drawn live as a graph
 * from what the grader's parser reads, with the seed's arrows that are still missing.
 */
@customElement('exercise06-diagram')
export class Exercise06Diagram extends LitElement {
  static override styles = [
    editorStyles,
    css`
      textarea.code {
        min-height: 14rem;
      }
      figure {
        margin: var(--wb-space-2) 0;
        padding: var(--wb-space-2);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        background: var(--wb-color-bg);
        overflow-x: auto;
      }
      figure svg {
        display: block;
        max-width: 100%;
        height: auto;
        margin: 0 auto;
      }
      ul {
        margin: var(--wb-space-1) 0;
      }
    `,
  ];

  @property() body = '';

  /** The drawn graph (sanitized SVG) for `drawnFor`; undefined before the first drawing. */
  @state() private svg: string | undefined;
  @state() private drawError: string | undefined;
  private drawnFor: string | undefined;
  /** The source `svg` was drawn from: while it differs from the diagram's, a newer drawing is on its way. */
  private shownFor: string | undefined;
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly drafts = new Drafts();

  constructor() {
    super();
    // Switching light/dark draws the graph again in the new colours.
    new ThemeChangeController(this, () => {
      this.drawnFor = undefined;
      this.requestUpdate();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('body')) this.drafts.sync(this.body);
  }

  private get code(): string {
    return this.drafts.value('diagram', editableText(fencedBlocksOf(this.body)[0]?.code ?? '').value);
  }

  protected override updated(): void {
    // Drawing waits for a pause in typing: Mermaid lays out the whole graph each time.
    const source = diagramToMermaid(parseDiagram(this.code));
    if (source === this.drawnFor) return;
    clearTimeout(this.drawTimer);
    this.drawTimer = setTimeout(() => void this.draw(source), this.drawnFor === undefined ? 0 : 350);
  }

  override disconnectedCallback(): void {
    clearTimeout(this.drawTimer);
    super.disconnectedCallback();
  }

  private async draw(source: string): Promise<void> {
    this.drawnFor = source;
    try {
      const svg = await renderMermaidSvg(source, diagramColoursOf(this));
      if (source !== this.drawnFor) return;
      this.shownFor = source;
      this.svg = svg;
      this.drawError = undefined;
    } catch (error) {
      this.drawError = error instanceof Error ? error.message : String(error);
    }
  }

  private onInput(event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    const body = withBlockCode(this.body, fencedBlocksOf(this.body)[0], value, 'text');
    this.drafts.set('diagram', value, body);
    this.dispatchEvent(bodyChange(body));
  }

  override render(): TemplateResult {
    const diagram = parseDiagram(this.code);
    const missing = missingArrows(diagram);
    // The grader's own "no arrows found: draw them as …" repeats this paragraph's lead and the arrow help above it.
    const lineProblems = diagram.problems.filter((problem) => !problem.startsWith('no arrows found'));
    return html`
      <label for="diagram">Diagram (ASCII)</label>
      <p class="help" id="diagram-help">One arrow per line works: <code>Client --POST /orders--> Command Handler</code>. Arrows: -> --> ──▶ → => or | and v going down.</p>
      <textarea
        id="diagram"
        class="code"
        spellcheck="false"
        aria-describedby="diagram-help"
        .value=${this.code}
        @input=${this.onInput}
      ></textarea>
      <h4 id="graph-title">How the grader reads your diagram</h4>
      ${diagram.edges.length === 0
        ? html`<p class="help">No arrows found yet${lineProblems.length > 0 ? `: ${lineProblems.join('; ')}` : ''}.</p>`
        : this.svg === undefined
          ? html`<p class="help" role="status">Drawing…</p>`
          : html`<figure
              role="img"
              aria-labelledby="graph-title"
              aria-describedby="graph-edges"
              aria-busy=${diagramToMermaid(diagram) === this.shownFor ? 'false' : 'true'}
            >
              ${unsafeHTML(this.svg)}
            </figure>`}
      ${this.drawError === undefined ? nothing : html`<p class="error">The graph could not be drawn: ${this.drawError}</p>`}
      <p class="help" id="graph-edges">${plural(diagram.edges.length, 'arrow')} read: ${diagram.edges.map((e) => `${e.from} → ${e.to}`).join(', ') || 'none'}.</p>
      <h4>Arrows the seed asks for that are not drawn yet</h4>
      ${missing.length === 0
        ? html`<p class="ok">None: every arrow of the seed is there.</p>`
        : html`<ul aria-label="Missing arrows">
            ${missing.map(([from, to]) => html`<li>${from} → ${to}</li>`)}
          </ul>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-diagram': Exercise06Diagram;
  }
}
