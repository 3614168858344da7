import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isStreamMigrated } from '../../eventStore/streamMigration';
import type { RecordedEvent } from '../../eventStore/types';
import { markedJsonLines, storedMarks, upcastMarks } from '../../simulator/versioning/markedJson';
import type { ShapeChange } from '../../simulator/versioning/shapeDiff';
import { visuallyHiddenStyles } from '../styles/visuallyHiddenStyles';
import { diffMarkStyles } from '../styles/diffMarkStyles';
import { renderMarkedLine } from './markedLine';

/** One event of a stream, with what copy-and-transform changed in it (empty: nothing but its stream and id). */
export type MigrationStreamEvent = { readonly event: RecordedEvent; readonly changes: readonly ShapeChange[] };

/** What changed in one event, in a line: "schemaVersion 1 → 2; data.items added; data.product dropped". */
export function changeSummary(changes: readonly ShapeChange[]): string {
  if (changes.length === 0) return 'Same type, schema version and data; only the stream, position in the log and event id are new.';
  return changes
    .map((change) =>
      change.kind === 'changed' ? `${change.path} ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}` : `${change.path} ${change.kind === 'added' ? 'added' : 'dropped'}`,
    )
    .join('; ');
}

/**
 * One side of copy-and-transform: a stream's events, each as JSON with the fields the transformation touched marked
 * (the old side marks what was dropped or rewritten, the new side what was added or rewritten).
 */
@customElement('migration-stream')
export class MigrationStream extends LitElement {
  static override styles = [
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      h4 {
        margin: 0 0 var(--wb-space-1);
        overflow-wrap: anywhere;
      }
      .note {
        margin: 0 0 var(--wb-space-2);
        color: var(--wb-color-muted);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--wb-space-2);
      }
      li {
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-2);
        min-width: 0;
      }
      li.marker {
        border-color: var(--wb-color-warning);
        background: var(--wb-color-warning-bg);
      }
      .title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .what {
        margin: var(--wb-space-1) 0;
        font-size: 0.9rem;
        overflow-wrap: anywhere;
      }
      .json {
        font-family: var(--wb-font-mono);
        font-size: 0.8rem;
        background: var(--wb-color-surface-2);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-1) 0;
      }
      .line {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        border-left: 0.25rem solid transparent;
        padding-left: calc(var(--depth) * 1rem + 1.2rem);
        text-indent: -1.2rem;
      }
    `,
    // After the element's own rules: the marks colour the left edge those rules draw transparent.
    diffMarkStyles,
  ];

  @property() heading = '';
  @property() note = '';
  /** 'old' marks what the transformation dropped or rewrote; 'new' what it added or rewrote. */
  @property() side: 'old' | 'new' = 'old';
  @property({ attribute: false }) events: readonly MigrationStreamEvent[] = [];
  /** The old stream has been copied (its marker is there): its events say what their copy became, not will become. */
  @property({ type: Boolean }) copied = false;

  override render(): TemplateResult {
    return html`
      <section aria-label=${this.heading}>
        <h4>${this.heading}</h4>
        <p class="note">${this.note}</p>
        ${this.events.length === 0 ? html`<p>No events yet.</p>` : html`<ol>${this.events.map((entry) => this.renderEvent(entry))}</ol>`}
      </section>
    `;
  }

  private renderEvent({ event, changes }: MigrationStreamEvent): TemplateResult {
    const marker = isStreamMigrated(event);
    const marks = this.side === 'old' ? storedMarks(changes) : upcastMarks(changes);
    const { streamPosition, type, schemaVersion, data } = event;
    const lines = markedJsonLines({ schemaVersion, data }, marks);
    return html`<li class=${marker ? 'marker' : ''}>
      <div class="title">${streamPosition}. ${type} v${schemaVersion}</div>
      <p class="what">
        ${marker
          ? html`The marker: this stream ends here, writers go to <code>${(event.data as { migratedTo: string }).migratedTo}</code>.`
          : this.side === 'new'
            ? html`Copied from event <code>${event.metadata.causationId}</code>. ${changeSummary(changes)}`
            : changes.length === 0
              ? this.copied
                ? 'Copied as it is.'
                : 'Its copy will be the same.'
              : html`${this.copied ? 'The copy differs' : 'Its copy will differ'}: ${changeSummary(changes)}`}
      </p>
      <div class="json" role="group" aria-label="${this.heading}: event ${streamPosition} JSON">${lines.map((line) => renderMarkedLine(line, 'transformation'))}</div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'migration-stream': MigrationStream;
  }
}
