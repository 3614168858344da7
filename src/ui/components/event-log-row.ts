import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { RecordedEvent } from '../../eventStore/types';
import '../widgets/cut-text';
import { cutJson, cutText } from '../widgets/cutText';

/**
 * One row of the virtualized event log, as a template (not an element): rows are recycled as the list scrolls, so
 * whether a row is open lives in the log, keyed by position, never in the row's DOM.
 *
 * Everything an event carries is put in through text bindings, so a product named `<img onerror=…>` stays text.
 * Long strings are drawn cut, with a "Show all" for the whole JSON: a log imported before the limits may hold a
 * megabyte in one field, and laying it out would freeze the page.
 */

export type EventRowActions = {
  readonly toggle: (position: number) => void;
  readonly showStream: (streamId: string) => void;
};

/** The envelope as DESIGN.md defines it, in a stable key order (the event id is part of it too). */
export function envelopeOf(event: RecordedEvent): object {
  const { globalPosition, streamId, streamPosition, type, schemaVersion, data, metadata, eventId } = event;
  return { globalPosition, streamId, streamPosition, type, schemaVersion, data, metadata, eventId };
}

export function renderEventRow(
  position: number,
  event: RecordedEvent | undefined,
  expanded: boolean,
  actions: EventRowActions,
): TemplateResult {
  if (event === undefined) {
    return html`<div class="row loading" role="row">
      <span class="cell position" role="cell">${position}</span>
      <span class="cell muted" role="cell">Loading…</span>
      <span class="cell" role="cell"></span>
      <span class="cell" role="cell"></span>
    </div>`;
  }
  const envelopeId = `envelope-${position}`;
  return html`<div class=${expanded ? 'row open' : 'row'} role="row">
    <span class="cell position" role="cell">${event.globalPosition}</span>
    <span class="cell stream" role="cell"
      ><button
        type="button"
        class="link"
        aria-label=${`Show only stream ${cutText(event.streamId)}`}
        title="Show only this stream"
        @click=${() => actions.showStream(event.streamId)}
      >
        ${cutText(event.streamId)}
      </button></span
    >
    <span class="cell type" role="cell">${cutText(event.type)}</span>
    <span class="cell toggle" role="cell"
      ><button
        type="button"
        class="link"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${expanded ? envelopeId : nothing}
        aria-label=${`JSON of event ${event.globalPosition}`}
        @click=${() => actions.toggle(event.globalPosition)}
      >
        ${expanded ? '▾' : '▸'} JSON
      </button></span
    >
    ${expanded
      ? html`<span class="cell envelope" role="cell" aria-colspan="4" id=${envelopeId}
          ><pre>${envelopeJson(event)}</pre></span
        >`
      : nothing}
  </div>`;
}

/** The envelope's JSON, its long strings cut, with the whole JSON one "Show all" away. */
function envelopeJson(event: RecordedEvent): TemplateResult | string {
  const envelope = envelopeOf(event);
  const { text, cut } = cutJson(envelope);
  if (!cut) return text;
  return html`<cut-text
    pre
    .limit=${Number.POSITIVE_INFINITY}
    .text=${text}
    .whole=${JSON.stringify(envelope, null, 2)}
    label=${`JSON of event ${event.globalPosition}`}
  ></cut-text>`;
}
