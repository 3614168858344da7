import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** PLACEHOLDER during this session: the helper that owns this screen replaces this file. */
@customElement('replay-page')
export class ReplayPage extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  override render(): TemplateResult {
    return html`<h2>Replay</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'replay-page': ReplayPage;
  }
}
