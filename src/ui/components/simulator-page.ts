import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import './command-panel';
import './event-log';
import './read-model-tables';
import './projection-panel';
import { routeHref } from '../controllers/hashRouteController';
import { linkStyles } from '../styles/controlStyles';

/**
 * The simulator screen: every moving part of CQRS/ES side by side. Commands (write side) next to the event log
 * they append to; below, the projector that carries events to the read models, and the read models the queries
 * answer from. With a projection delay set, a person sees an event in the log while the table still lacks it.
 */
@customElement('simulator-page')
export class SimulatorPage extends LitElement {
  /** The hash's segments after `#/simulator`. */
  @property({ attribute: false }) params: readonly string[] = [];

  /** The pipeline diagram draws with Mermaid, which is large: it is loaded when a person first opens it. */
  @state() private pipelineOpen = false;
  @state() private pipelineReady = false;

  private async togglePipeline(event: Event): Promise<void> {
    this.pipelineOpen = (event.target as HTMLDetailsElement).open;
    if (this.pipelineOpen && !this.pipelineReady) {
      await import('./pipeline-diagram');
      this.pipelineReady = true;
    }
  }

  static override styles = [
    linkStyles,
    css`
    :host {
      display: grid;
      gap: var(--wb-space-4);
      container-type: inline-size;
    }
    h2 {
      margin: 0;
      font-size: 1.4rem;
    }
    .lead {
      margin: var(--wb-space-1) 0 0;
      color: var(--wb-color-muted);
      max-width: 60rem;
    }
    details.pipeline {
      background: var(--wb-color-surface);
      border: 1px solid var(--wb-color-border);
      border-radius: var(--wb-radius);
      padding: var(--wb-space-2) var(--wb-space-3);
    }
    details.pipeline summary {
      cursor: pointer;
      font-weight: 600;
    }
    details.pipeline summary:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
    }
    .write {
      display: grid;
      grid-template-columns: minmax(18rem, 24rem) minmax(0, 1fr);
      gap: var(--wb-space-4);
      align-items: start;
    }
    .read {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: var(--wb-space-4);
      align-items: start;
    }
    /* Container queries in rem: in large-text mode (a larger root font) the columns stack sooner, so nothing is squeezed. */
    @container (max-width: 70rem) {
      .read {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @container (max-width: 52rem) {
      .write {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
  ];

  override render(): TemplateResult {
    return html`
      <div>
        <h2>Simulator</h2>
        <p class="lead">
          Commands → aggregate → events in the log → projector → read models → queries. Issue a command, watch its
          event land in the log, then watch the projections carry it to the read models (slow them down with the delay).
        </p>
        <p class="lead">
          New to event sourcing? Start with the first lesson,
          <a href=${routeHref('lessons', 'crud-loses-history')}>CRUD loses history</a>: each lesson ends with links
          to the screen that shows its idea.
        </p>
      </div>
      <details class="pipeline" @toggle=${(event: Event) => void this.togglePipeline(event)}>
        <summary>Show each command passing through the pipeline</summary>
        ${this.pipelineOpen && this.pipelineReady
          ? html`<pipeline-diagram diagram="pipeline" trail-position="side"></pipeline-diagram>`
          : this.pipelineOpen
            ? html`<p role="status">Loading the diagram…</p>`
            : nothing}
      </details>
      <div class="write">
        <command-panel></command-panel>
        <event-log></event-log>
      </div>
      <div class="read">
        <projection-panel></projection-panel>
        <read-model-tables></read-model-tables>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'simulator-page': SimulatorPage;
  }
}
