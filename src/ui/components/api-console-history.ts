import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HistoryEntry } from '../../simulator/apiConsole/history';
import { panelStyles } from '../styles/theme';

export type HistoryChosenEvent = CustomEvent<{ readonly entry: HistoryEntry }>;

/** Requests sent in this tab, newest first; choosing one loads it back into the editor. */
@customElement('api-console-history')
export class ApiConsoleHistory extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--wb-space-1);
        max-height: 20rem;
        overflow: auto;
      }
      button {
        width: 100%;
        display: flex;
        justify-content: space-between;
        gap: var(--wb-space-2);
        font: inherit;
        font-size: 0.85rem;
        text-align: left;
        padding: var(--wb-space-1) var(--wb-space-2);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        background: var(--wb-color-surface);
        color: var(--wb-color-text);
        cursor: pointer;
      }
      button:hover {
        border-color: var(--wb-color-accent);
      }
      button:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .line {
        font-family: var(--wb-font-mono);
        overflow-wrap: anywhere;
      }
      .code {
        font-weight: 700;
        white-space: nowrap;
      }
      .ok {
        color: var(--wb-color-success);
      }
      .refused {
        color: var(--wb-color-danger);
      }
      .empty {
        margin: 0;
        color: var(--wb-color-muted);
      }
    `,
  ];

  @property({ attribute: false }) entries: readonly HistoryEntry[] = [];

  override render(): TemplateResult {
    return html`<section class="panel" aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      ${this.entries.length === 0
        ? html`<p class="empty">Requests you send appear here; choose one to load it again.</p>`
        : html`<ol aria-labelledby="history-title">
            ${this.entries.map(
              (entry) => html`<li>
                <button type="button" @click=${() => this.choose(entry)}>
                  <span class="line">${entry.requestLine}</span>
                  <span class="code ${entry.status < 400 ? 'ok' : 'refused'}">${entry.status} ${entry.statusText}</span>
                </button>
              </li>`,
            )}
          </ol>`}
    </section>`;
  }

  private choose(entry: HistoryEntry): void {
    this.dispatchEvent(new CustomEvent('history-chosen', { detail: { entry }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'api-console-history': ApiConsoleHistory;
  }
  interface HTMLElementEventMap {
    'history-chosen': HistoryChosenEvent;
  }
}
