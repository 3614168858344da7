import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** PLACEHOLDER: replaced by its owner this session. */
@customElement('trace-page')
export class TracePage extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  override render() {
    return html`<h1>TracePage</h1><p>Coming in this session.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trace-page': TracePage;
  }
}
