import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clockTime, formatOffset } from '../../simulator/trace/formatTime';
import type { Trace, TraceEventNode, TraceNode } from '../../simulator/trace/types';
import { routeHref } from '../controllers/hashRouteController';
import { breakable } from '../widgets/breakableText';
import { serviceColourStyles } from './trace-styles';

/** The causal tree, indented: the command, the events it recorded, and under each event what it caused. */
@customElement('trace-tree')
export class TraceTree extends LitElement {
  static override styles = [
    serviceColourStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      /* A saga is a long chain of causes: a small step per level keeps its last events readable. */
      ul ul {
        margin-left: 0.45rem;
        padding-left: 0.55rem;
        border-left: 2px solid var(--wb-color-border);
      }
      li {
        margin: var(--wb-space-1) 0;
      }
      .node {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-1) var(--wb-space-2);
        align-items: baseline;
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
        background: var(--wb-color-surface-2);
        border-left: 0.3rem solid var(--lane, var(--wb-color-border));
      }
      .command {
        background: var(--wb-color-accent-bg);
        border-left-color: var(--wb-color-accent);
      }
      .kind {
        font-size: 0.75rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--wb-color-muted);
      }
      .type {
        font-weight: 700;
        overflow-wrap: break-word;
      }
      code,
      .mono {
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        overflow-wrap: break-word;
      }
      .meta {
        color: var(--wb-color-muted);
        font-size: 0.85rem;
      }
      .by {
        flex-basis: 100%;
        font-size: 0.8rem;
        color: var(--wb-color-muted);
      }
      .note {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.85rem;
        color: var(--wb-color-warning);
        background: var(--wb-color-warning-bg);
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
      }
      /* Another trace is linked, not a fault: calm, not a warning. */
      .elsewhere {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.85rem;
      }
      .elsewhere a {
        color: var(--wb-color-accent);
        overflow-wrap: anywhere;
      }
      .elsewhere a:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
    `,
  ];

  @property({ attribute: false }) trace: Trace | undefined;

  override render(): TemplateResult | typeof nothing {
    const trace = this.trace;
    if (trace === undefined) return nothing;
    const origin = Date.parse(trace.events[0]!.metadata.recordedAt);
    return html`<ul aria-label="Causal tree">
      ${this.renderNode(trace.root, origin, true)}
    </ul>`;
  }

  private renderNode(node: TraceNode, origin: number, isRoot = false): TemplateResult {
    const children =
      node.children.length === 0 ? nothing : html`<ul>${node.children.map((child) => this.renderNode(child, origin))}</ul>`;
    const note = node.note === null ? nothing : html`<p class="note">${node.note}</p>`;
    if (node.kind === 'command') {
      return html`<li>
        <div class="node command">
          <span class="kind">${isRoot ? 'Command (root)' : 'Command'}</span>
          <code>${breakable(node.commandId)}</code>
          ${note}
        </div>
        ${children}
      </li>`;
    }
    const { event } = node;
    return html`<li>
      <div class="node lane-${laneClass(node.service)}">
        <span class="kind">${node.service}</span>
        <span class="type">${wrappableType(event.type)}</span>
        <span class="mono">${breakable(event.streamId)} #${event.streamPosition}</span>
        <span class="meta">position ${event.globalPosition} · ${clockTime(event.metadata.recordedAt)} ·
          ${formatOffset(Date.parse(event.metadata.recordedAt) - origin)}</span>
        ${node.byAnotherCommand ? html`<span class="by">by command <code>${breakable(event.metadata.commandId)}</code></span>` : nothing}
        ${note} ${renderElsewhere(node)}
      </div>
      ${children}
    </li>`;
  }
}

/** Links to other traces: where this event's cause was recorded, and where the follow-ups it caused were. */
function renderElsewhere(node: TraceEventNode): TemplateResult | typeof nothing {
  const traceLink = (correlationId: string) => html`<a href=${routeHref('trace', correlationId)}>trace ${correlationId}</a>`;
  return html`${node.causeTrace === null
    ? nothing
    : html`<p class="elsewhere">
        Its cause <code>${breakable(node.event.metadata.causationId)}</code> was recorded under another correlation:
        ${traceLink(node.causeTrace)}
      </p>`}${node.followUpTraces.length === 0
    ? nothing
    : html`<p class="elsewhere">
        Caused follow-ups in ${node.followUpTraces.map((id, index) => html`${index > 0 ? ', ' : ''}${traceLink(id)}`)}
      </p>`}`;
}

/** The class that picks a lane's colour; an unknown service gets the neutral one. */
export const laneClass = (service: string): string =>
  ['order', 'payment', 'inventory', 'saga', 'user'].includes(service) ? service : 'other';

/**
 * "CompensationStepDone" as Compensation<wbr>Step<wbr>Done: deep in a saga's tree, with large text, a long event type
 * wraps between its words instead of running out of its box.
 */
export const wrappableType = (type: string): TemplateResult[] =>
  type.split(/(?=[A-Z][a-z])/).map((word, index) => (index === 0 ? html`${word}` : html`<wbr>${word}`));

declare global {
  interface HTMLElementTagNameMap {
    'trace-tree': TraceTree;
  }
}
