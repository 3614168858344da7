import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ConnectivityController } from '../../pwa/connectivityController';
import { headerBadgeStyles } from '../styles/headerBadgeStyles';

export const onlineText = 'Online';
export const offlineText = 'Offline — everything still works; your data is stored in this browser';

/**
 * The header's connection indicator. Offline is not an error here: the app is precached and its data lives in
 * IndexedDB, so the indicator reassures rather than warns.
 */
@customElement('app-status')
export class AppStatus extends LitElement {
  static override styles = [
    headerBadgeStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
    `,
  ];

  private readonly connectivity = new ConnectivityController(this);

  override render(): TemplateResult {
    const online = this.connectivity.online;
    return html`<p role="status" class=${online ? 'badge good' : 'badge warn'}>
      <span class="dot" aria-hidden="true"></span><span>${online ? onlineText : offlineText}</span>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-status': AppStatus;
  }
}
