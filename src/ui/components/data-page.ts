import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import './data-store-status';
import './data-seed-panel';
import './data-transfer-panel';
import './data-reset-panel';

/** The Data screen: seed a large realistic history, export and import the log, reset. */
@customElement('data-page')
export class DataPage extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  static override styles = css`
    :host {
      display: grid;
      gap: var(--wb-space-4);
      max-width: 60rem;
    }
    h2 {
      margin: 0;
      font-size: 1.4rem;
    }
    p {
      margin: 0;
      color: var(--wb-color-muted);
    }
  `;

  override render(): TemplateResult {
    return html`
      <h2>Data</h2>
      <p>
        The simulator's store lives in this browser's IndexedDB, shared by all its tabs. Fill it with a realistic shop
        history to see the read models, replay and snapshots work at scale; save it to a file and load it back.
      </p>
      <data-store-status></data-store-status>
      <data-seed-panel></data-seed-panel>
      <data-transfer-panel></data-transfer-panel>
      <data-reset-panel></data-reset-panel>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-page': DataPage;
  }
}
