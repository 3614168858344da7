import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** PLACEHOLDER: replaced by its owner this session. */
@customElement('versioning-page')
export class VersioningPage extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  override render() {
    return html`<h1>VersioningPage</h1><p>Coming in this session.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'versioning-page': VersioningPage;
  }
}
