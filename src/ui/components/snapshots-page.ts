import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** PLACEHOLDER during this session: the helper that owns this screen replaces this file. */
@customElement('snapshots-page')
export class SnapshotsPage extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  override render(): TemplateResult {
    return html`<h2>Snapshots</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'snapshots-page': SnapshotsPage;
  }
}
