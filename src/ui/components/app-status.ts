import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ConnectivityController } from '../../pwa/connectivityController';

export const onlineText = 'Online';
export const offlineText = 'Offline — everything still works; your data is stored in this browser';

/**
 * The header's connection indicator. Offline is not an error here: the app is precached and its data lives in
 * IndexedDB, so the indicator reassures rather than warns.
 */
@customElement('app-status')
export class AppStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    p {
      display: flex;
      align-items: center;
      gap: var(--wb-space-2);
      margin: 0;
      font-size: 0.85rem;
      padding: var(--wb-space-1) var(--wb-space-2);
      border-radius: var(--wb-radius);
      border: 1px solid rgb(255 255 255 / 0.4);
    }
    p.offline {
      color: var(--wb-color-warning);
      background: var(--wb-color-warning-bg);
      border-color: transparent;
    }
    .dot {
      flex: none;
      width: 0.6rem;
      height: 0.6rem;
      border-radius: 50%;
      background: currentColor;
    }
    p.online .dot {
      background: var(--wb-color-success-bg);
      box-shadow: 0 0 0 2px var(--wb-color-success);
    }
  `;

  private readonly connectivity = new ConnectivityController(this);

  override render(): TemplateResult {
    const online = this.connectivity.online;
    return html`<p role="status" class=${online ? 'online' : 'offline'}>
      <span class="dot" aria-hidden="true"></span><span>${online ? onlineText : offlineText}</span>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-status': AppStatus;
  }
}
