import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RecordedEvent } from '../../eventStore/types';
import { markedJsonLines } from '../../simulator/versioning/markedJson';
import type { ShapeChange } from '../../simulator/versioning/shapeDiff';
import { stateFields, type StreamReading } from '../../simulator/versioning/versioningSandbox';
import { cardHostStyles } from '../styles/cardStyles';
import { visuallyHiddenStyles } from '../styles/visuallyHiddenStyles';
import { diffMarkStyles } from '../styles/diffMarkStyles';
import { renderMarkedLine } from './markedLine';

/**
 * One way of reading the versioning sandbox's stream: the events as that reader got them (the first one with the
 * upcaster's changes marked), the state today's decider folds from them, and what today's code then does with it.
 */
@customElement('versioning-side')
export class VersioningSide extends LitElement {
  static override styles = [
    cardHostStyles,
    visuallyHiddenStyles,
    css`
      :host {
        padding: var(--wb-space-3);
        min-width: 0;
      }
      section {
        display: grid;
        gap: var(--wb-space-2);
      }
      h3 {
        font-size: 1.1rem;
        margin: 0;
      }
      h4 {
        font-size: 0.95rem;
        margin: var(--wb-space-2) 0 0;
      }
      p {
        margin: 0;
      }
      .note {
        color: var(--wb-color-muted);
        font-size: 0.95rem;
      }
      .json,
      .later,
      dl {
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        background: var(--wb-color-surface-2);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-2);
        margin: 0;
        overflow-wrap: anywhere;
      }
      .line {
        white-space: pre-wrap;
        border-left: 0.25rem solid transparent;
        padding-left: calc(var(--depth) * 1.2rem + 1.2rem);
        text-indent: -1.2rem;
      }
      .later {
        list-style: none;
        display: grid;
        gap: var(--wb-space-1);
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 0 var(--wb-space-3);
      }
      dt {
        color: var(--wb-color-muted);
      }
      dd {
        margin: 0;
      }
      dd.missing,
      dt.missing {
        color: var(--wb-color-danger);
        font-weight: 700;
      }
      dd.filled,
      dt.filled {
        color: var(--wb-color-success);
        font-weight: 700;
      }
      ul.checks {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: var(--wb-space-1);
      }
      ul.checks li {
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
      }
      .broken {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
      }
      .fine {
        color: var(--wb-color-success);
        background: var(--wb-color-success-bg);
      }
      code {
        font-family: var(--wb-font-mono);
      }
    `,
    // After the element's own rules: the marks colour the left edge those rules draw transparent.
    diffMarkStyles,
  ];

  @property() heading = '';
  @property() note = '';
  @property({ attribute: false }) reading: StreamReading | undefined;
  /** Which fields of the first event to mark, by path (`data.items`). */
  @property({ attribute: false }) marks: ReadonlyMap<string, ShapeChange['kind']> = new Map();
  /** Fields of the folded state that only the upcaster's data provides (missing from the raw fold). */
  @property({ attribute: false }) filled: ReadonlySet<string> = new Set();

  override render(): TemplateResult {
    const reading = this.reading;
    return html`<section aria-labelledby="side-title">
      <h3 id="side-title">${this.heading}</h3>
      <p class="note">${this.note}</p>
      ${reading === undefined ? html`<p>Reading…</p>` : this.renderReading(reading)}
    </section>`;
  }

  private renderReading(reading: StreamReading): TemplateResult {
    const [first, ...later] = reading.events;
    const missing = stateFields(reading.state).filter((field) => field.missing).length;
    return html`
      <h4>Event 1, as this reader gets it</h4>
      ${first === undefined ? nothing : this.renderFirst(first)}
      <h4>Events 2–${reading.events.length}, written by today's code</h4>
      <ol class="later" aria-label="Later events">
        ${later.map(
          (event) => html`<li>#${event.streamPosition} ${event.type} v${event.schemaVersion} ${JSON.stringify(event.data)}</li>`,
        )}
      </ol>
      <h4>Folded with today's <code>orderDecider.evolve</code></h4>
      <dl aria-label="Folded state">
        ${stateFields(reading.state).map((field) => {
          const look = field.missing ? 'missing' : this.filled.has(field.field) ? 'filled' : '';
          const after = field.missing ? ' (missing)' : look === 'filled' ? ' (from the upcaster)' : '';
          return html`<dt class=${look}>${field.field}</dt><dd class=${look}>${field.value}${after}</dd>`;
        })}
      </dl>
      ${missing > 0
        ? html`<p class="broken">${missing} fields today's code relies on are missing from the folded state.</p>`
        : nothing}
      <h4>What today's code does with it</h4>
      <ul class="checks" aria-label="What today's code does with it">
        ${reading.checks.map(
          (check) => html`<li class=${check.broken ? 'broken' : 'fine'}>
            <span aria-hidden="true">${check.broken ? '✗' : '✓'}</span> <code>${check.label}</code>: ${check.outcome}
          </li>`,
        )}
      </ul>
    `;
  }

  private renderFirst(event: RecordedEvent): TemplateResult {
    const { streamPosition, type, schemaVersion, data } = event;
    const lines = markedJsonLines({ streamPosition, type, schemaVersion, data }, this.marks);
    return html`<div class="json" role="group" aria-label="Event 1 JSON">${lines.map((line) => renderMarkedLine(line, 'upcaster'))}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'versioning-side': VersioningSide;
  }
}
