import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { stateFields } from '../../simulator/replay/replaySteps';

/**
 * One state of a replay as a field/value table. Fields listed in `changed` are highlighted and tagged "changed"
 * (a word, not only a colour). Values are Lit text: whatever a person typed into an order stays text.
 */
@customElement('replay-state-table')
export class ReplayStateTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 1rem;
    }
    caption {
      text-align: left;
      font-weight: 700;
      font-size: 1.05rem;
      padding-bottom: var(--wb-space-2);
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: var(--wb-space-1) var(--wb-space-2);
      border-bottom: 1px solid var(--wb-color-border);
      overflow-wrap: break-word;
    }
    th {
      font-weight: 600;
      color: var(--wb-color-muted);
      white-space: nowrap;
      overflow-wrap: normal;
      width: 1%;
    }
    td {
      font-family: var(--wb-font-mono);
      font-size: 0.95rem;
    }
    tr.changed th,
    tr.changed td {
      background: var(--wb-color-warning-bg);
      color: var(--wb-color-warning);
    }
    .tag {
      font-family: var(--wb-font);
      font-size: 0.75rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      display: inline-block;
    }
    .empty {
      color: var(--wb-color-muted);
      margin: 0;
    }
  `;

  @property() caption = 'State';
  @property({ attribute: false }) state: unknown;
  @property({ attribute: false }) changed: readonly string[] = [];
  /** Shown instead of a table when there is no state to show (before the first event). */
  @property() placeholder = '';

  override render(): TemplateResult {
    if (this.state === undefined) {
      return html`<p class="empty"><strong>${this.caption}</strong><br />${this.placeholder}</p>`;
    }
    const changed = new Set(this.changed);
    return html`<table>
      <caption>${this.caption}</caption>
      <tbody>
        ${stateFields(this.state).map(
          ({ name, value }) => html`<tr class=${changed.has(name) ? 'changed' : ''}>
            <th scope="row">${name}</th>
            <td>${value} ${changed.has(name) ? html`<span class="tag">changed</span>` : nothing}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'replay-state-table': ReplayStateTable;
  }
}
