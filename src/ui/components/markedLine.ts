import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { MarkedLine } from '../../simulator/versioning/markedJson';
import type { ShapeChange } from '../../simulator/versioning/shapeDiff';

const marks: Record<ShapeChange['kind'], { readonly sign: string; readonly verb: string }> = {
  added: { sign: '+', verb: 'added' },
  changed: { sign: '~', verb: 'changed' },
  removed: { sign: '−', verb: 'dropped' },
};

/**
 * One line of a marked JSON diff (styled by `diffMarkStyles`): its sign for the eye, and for a screen reader what
 * made the change ("added by the upcaster").
 */
export function renderMarkedLine(line: MarkedLine, changedBy: string): TemplateResult {
  const mark = line.mark === undefined ? undefined : marks[line.mark];
  return html`<div class="line ${line.mark ?? ''}" style="--depth: ${line.depth}"
    ><span class="sign" aria-hidden="true">${mark?.sign ?? ''}</span>${line.text}${mark === undefined
      ? nothing
      : html`<span class="visually-hidden"> (${mark.verb} by the ${changedBy})</span>`}</div
  >`;
}
