import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { nodeMarks, trailLines, type PipelineTrace } from '../../simulator/pipeline/pipelineStages';
import { simulatorContext } from '../simulatorContext';
import { diagrams, flowchartNodeId, type DiagramName } from '../diagrams/diagrams';
import { renderMermaidSvg } from '../diagrams/renderMermaid';
import { PipelineTraceController } from '../diagrams/pipelineTraceController';

const markClasses = ['stage-current', 'stage-passed', 'stage-rejected'] as const;

/**
 * A teaching diagram (Mermaid, loaded on first use) that lights each stage as a command passes through it, with a
 * timed trail beside it. It follows the simulator from context by itself, so any screen can embed it:
 *
 *   <pipeline-diagram diagram="pipeline"></pipeline-diagram>
 *
 * `diagram`: 'cqrs' (Exercise 06) or 'pipeline' (seed 002). `hide-trail`: the diagram alone.
 * `trail-position`: 'side' (default, the timeline beside the diagram) or 'below' (the diagram gets the full width).
 * `showTrace(trace)`: shows a trace made elsewhere (e.g. `traceQuery(...)` for a query the page ran).
 */
@customElement('pipeline-diagram')
export class PipelineDiagram extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(14rem, 1fr);
      gap: var(--wb-space-3);
      align-items: start;
    }
    :host([hide-trail]),
    :host([trail-position='below']) {
      grid-template-columns: minmax(0, 1fr);
    }
    :host([trail-position='below']) ol {
      columns: 2 22rem;
      column-gap: var(--wb-space-4);
    }
    @media (max-width: 70rem) {
      :host {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .drawing {
      min-width: 0;
      background: var(--wb-color-surface);
      border: 1px solid var(--wb-color-border);
      border-radius: var(--wb-radius);
      padding: var(--wb-space-2);
    }
    .drawing svg {
      display: block;
      width: 100%;
      height: auto;
      max-height: 26rem;
      font-family: var(--wb-font);
      margin: 0 auto;
    }
    /* Mermaid's own stylesheet is dropped (see renderMermaid): every colour comes from the theme tokens. */
    .drawing .node :is(rect, circle, ellipse, polygon, path) {
      fill: var(--wb-color-surface-2);
      stroke: var(--wb-color-border);
      stroke-width: 1.5px;
      transition: fill 0.25s, stroke 0.25s;
    }
    /* The font Mermaid measured the labels with (see renderMermaid), so each label fits its box. */
    .drawing svg {
      font-size: 16px;
    }
    .drawing text {
      fill: var(--wb-color-text);
    }
    .drawing .node .label text {
      text-anchor: middle;
    }
    .drawing .cluster rect {
      fill: transparent;
      stroke: var(--wb-color-border);
      stroke-dasharray: 6 4;
    }
    .drawing .cluster-label text,
    .drawing .cluster text {
      fill: var(--wb-color-muted);
    }
    .drawing .edgePaths path,
    .drawing path.flowchart-link {
      fill: none;
      stroke: var(--wb-color-muted);
      stroke-width: 1.5px;
    }
    .drawing marker path,
    .drawing .marker {
      fill: var(--wb-color-muted);
      stroke: var(--wb-color-muted);
    }
    .drawing .edgeLabel rect,
    .drawing .labelBkg {
      fill: var(--wb-color-surface);
      opacity: 0.9;
    }
    .drawing .edgeLabel text {
      fill: var(--wb-color-muted);
    }
    .drawing .node.stage-passed :is(rect, circle, ellipse, polygon, path) {
      fill: var(--wb-color-accent-bg);
      stroke: var(--wb-color-accent);
    }
    .drawing .node.stage-current :is(rect, circle, ellipse, polygon, path) {
      fill: var(--wb-color-accent);
      stroke: var(--wb-color-accent);
      stroke-width: 3px;
    }
    .drawing .node.stage-current text {
      fill: var(--wb-color-accent-text);
      font-weight: 700;
    }
    .drawing .node.stage-rejected :is(rect, circle, ellipse, polygon, path) {
      fill: var(--wb-color-danger-bg);
      stroke: var(--wb-color-danger);
      stroke-width: 3px;
    }
    .drawing .node.stage-rejected text {
      fill: var(--wb-color-danger);
      font-weight: 700;
    }
    .trail {
      background: var(--wb-color-surface);
      border: 1px solid var(--wb-color-border);
      border-radius: var(--wb-radius);
      padding: var(--wb-space-2) var(--wb-space-3);
      font-size: 0.95rem;
    }
    .trail h4 {
      margin: 0 0 var(--wb-space-2);
      font-size: 1rem;
    }
    ol {
      margin: 0;
      padding-left: 1.25rem;
    }
    li {
      margin-bottom: var(--wb-space-1);
    }
    li.rejected {
      color: var(--wb-color-danger);
    }
    .ms {
      color: var(--wb-color-muted);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .muted {
      color: var(--wb-color-muted);
      margin: 0;
    }
    .error {
      color: var(--wb-color-danger);
      background: var(--wb-color-danger-bg);
      padding: var(--wb-space-2);
      border-radius: var(--wb-radius);
    }
  `;

  @property({ reflect: true }) diagram: DiagramName = 'cqrs';
  @property({ type: Boolean, reflect: true, attribute: 'hide-trail' }) hideTrail = false;
  @property({ reflect: true, attribute: 'trail-position' }) trailPosition: 'side' | 'below' = 'side';

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  private readonly tracer = new PipelineTraceController(this, () => this.simulator);

  private readonly drawing = new Task(this, {
    task: ([name]: readonly [DiagramName]) => renderMermaidSvg(diagrams[name].source),
    args: () => [this.diagram] as const,
  });

  /** The trace on show: the latest command's, or one the embedding page handed over. */
  get trace(): PipelineTrace {
    return this.tracer.trace;
  }

  showTrace(trace: PipelineTrace): void {
    this.tracer.show(trace);
  }

  override render(): TemplateResult {
    const definition = diagrams[this.diagram];
    return html`
      <figure class="drawing" aria-label=${definition.title} style="margin:0">
        ${this.drawing.render({
          pending: () => html`<p class="muted" role="status">Drawing the diagram…</p>`,
          complete: (svg) => unsafeHTML(svg), // DOMPurify (SVG profile) sanitized it in renderMermaidSvg
          error: (error) =>
            html`<p class="error" role="alert">The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}</p>`,
        })}
      </figure>
      ${this.hideTrail ? nothing : this.renderTrail()}
    `;
  }

  private renderTrail(): TemplateResult {
    const definition = diagrams[this.diagram];
    const lines = trailLines(definition.nodes, this.trace);
    const heading = `${definition.name === 'cqrs' ? 'CQRS' : 'Pipeline'} timeline`;
    return html`<section class="trail" aria-label=${heading}>
      <h4>${heading}</h4>
      ${lines.length === 0
        ? html`<p class="muted">Run a command: each stage it reaches lights up, and is listed here with its time.</p>`
        : html`<ol aria-label=${heading}>
            ${lines.map(
              (line) => html`<li class=${line.mark}>${line.text} <span class="ms">${line.elapsedMs.toFixed(1)} ms</span></li>`,
            )}
          </ol>`}
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.paintStages();
  }

  /** Puts the trace on the SVG: one class per node (current, passed, rejected), names and roles for screen readers. */
  private paintStages(): void {
    const svg = this.renderRoot.querySelector('.drawing svg');
    if (svg === null) return;
    const definition = diagrams[this.diagram];
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', definition.title);
    const marks = nodeMarks(definition.nodes, this.trace);
    for (const group of svg.querySelectorAll<SVGGElement>('g.node')) {
      const nodeId = group.dataset['id'] ?? flowchartNodeId(group.id);
      group.classList.remove(...markClasses);
      const mark = nodeId === null ? undefined : marks.get(nodeId);
      if (mark !== undefined) group.classList.add(`stage-${mark}`);
      if (nodeId !== null) group.setAttribute('data-stage', mark ?? 'idle');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pipeline-diagram': PipelineDiagram;
  }
}
