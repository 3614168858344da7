import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** PLACEHOLDER: replaced by its owner this session. */
@customElement('saga-page')
export class SagaPage extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  override render() {
    return html`<h1>SagaPage</h1><p>Coming in this session.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'saga-page': SagaPage;
  }
}
