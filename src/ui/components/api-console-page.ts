import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** PLACEHOLDER during this session: the helper that owns this screen replaces this file. */
@customElement('api-console-page')
export class ApiConsolePage extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  override render(): TemplateResult {
    return html`<h2>API console</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'api-console-page': ApiConsolePage;
  }
}
