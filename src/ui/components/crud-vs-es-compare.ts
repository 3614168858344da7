import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StoryFrame, StoryLoss } from '../../simulator/history/storyRunner';
import { clockTime } from '../../simulator/history/storyQuestions';
import { occurredAt } from '../../simulator/history/eventCommands';
import { eventFact } from '../../simulator/history/eventFacts';

/**
 * The two stores side by side after the same commands: the CRUD row (current values only, with a mark where an
 * overwrite destroyed something) and the event store (every fact, newest highlighted).
 * Font sizes are in em so that presenter mode, which enlarges the page's host, enlarges all of this with it.
 */
@customElement('crud-vs-es-compare')
export class CrudVsEsCompare extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 1em;
    }
    @media (max-width: 52rem) {
      :host {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    section {
      background: var(--wb-color-surface);
      border: 1px solid var(--wb-color-border);
      border-radius: var(--wb-radius);
      padding: 0.75em 1em;
      min-width: 0;
    }
    h3 {
      margin: 0 0 0.2em;
      font-size: 1.15em;
    }
    .subtitle {
      margin: 0 0 0.75em;
      color: var(--wb-color-muted);
      font-size: 0.9em;
    }
    dl {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.35em 1em;
      margin: 0;
    }
    dt {
      font-family: var(--wb-font-mono);
      color: var(--wb-color-muted);
    }
    dd {
      margin: 0;
      font-family: var(--wb-font-mono);
      overflow-wrap: anywhere;
    }
    .current {
      font-weight: 700;
    }
    .lost {
      display: block;
      margin-top: 0.25em;
      font-family: var(--wb-font);
      font-size: 0.9em;
      color: var(--wb-color-danger);
      background: var(--wb-color-danger-bg);
      border-radius: var(--wb-radius);
      padding: 0.15em 0.5em;
    }
    .lost del {
      font-family: var(--wb-font-mono);
      font-weight: 700;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.35em;
    }
    li {
      display: grid;
      grid-template-columns: 2.5em minmax(0, 1fr);
      gap: 0 0.5em;
      padding: 0.35em 0.5em;
      border-radius: var(--wb-radius);
      background: var(--wb-color-surface-2);
    }
    li.newest {
      background: var(--wb-color-success-bg);
      outline: 2px solid var(--wb-color-success);
    }
    .position {
      font-variant-numeric: tabular-nums;
      color: var(--wb-color-muted);
    }
    .type {
      font-family: var(--wb-font-mono);
      font-weight: 700;
    }
    .fact {
      grid-column: 2;
      font-size: 0.9em;
    }
    .empty {
      color: var(--wb-color-muted);
      margin: 0;
    }
  `;

  @property({ attribute: false }) frame: StoryFrame | undefined;

  override render(): TemplateResult | typeof nothing {
    const frame = this.frame;
    if (frame === undefined) return nothing;
    return html`${this.renderCrud(frame)}${this.renderEvents(frame)}`;
  }

  private renderCrud(frame: StoryFrame): TemplateResult {
    const row = frame.crudRow;
    const table = frame.story.subject.kind === 'order' ? 'orders' : 'users';
    return html`<section aria-labelledby="crud-title">
      <h3 id="crud-title">CRUD: the ${table} table</h3>
      <p class="subtitle">One row, updated in place. Only the current value is stored.</p>
      ${row === undefined
        ? html`<p class="empty">No row.</p>
            ${frame.losses.map((loss) => this.renderLoss(loss))}`
        : html`<dl aria-label="CRUD row">
            ${Object.entries(row).map(([field, value]) => {
              const losses = frame.losses.filter((loss) => loss.field === field);
              return html`<dt>${field}</dt>
                <dd>
                  <span class="current">${value ?? '—'}</span>
                  ${losses.map((loss) => this.renderLoss(loss))}
                </dd>`;
            })}
          </dl>`}
    </section>`;
  }

  private renderLoss(loss: StoryLoss): TemplateResult {
    return html`<span class="lost" role="note" aria-label="lost ${loss.field}: ${loss.oldValue}">
      lost: <del>${loss.oldValue}</del> — overwritten by “${loss.newValue}” at ${clockTime(loss.at)}
    </span>`;
  }

  private renderEvents(frame: StoryFrame): TemplateResult {
    const newest = frame.events.at(-1)?.globalPosition;
    return html`<section aria-labelledby="events-title">
      <h3 id="events-title">Event sourcing: the event store</h3>
      <p class="subtitle">Append-only. Every change is kept as a fact.</p>
      ${frame.events.length === 0
        ? html`<p class="empty">No events yet.</p>`
        : html`<ol aria-label="Stored events">
            ${frame.events.map(
              (event) => html`<li class=${event.globalPosition === newest ? 'newest' : ''}>
                <span class="position">#${event.globalPosition}</span>
                <span><span class="type">${event.type}</span> · ${clockTime(occurredAt(event))}</span>
                <span class="fact">${eventFact(event)}</span>
              </li>`,
            )}
          </ol>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crud-vs-es-compare': CrudVsEsCompare;
  }
}
