import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import './place-order-form';
import './event-log';

/** The simulator screen: commands on the left, the event log they produce on the right. */
@customElement('simulator-page')
export class SimulatorPage extends LitElement {
  /** The hash's segments after `#/simulator`. */
  @property({ attribute: false }) params: readonly string[] = [];

  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: 20rem minmax(0, 1fr);
      gap: var(--wb-space-4);
      align-items: start;
    }
    @media (max-width: 52rem) {
      :host {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    h2 {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 1.4rem;
    }
  `;

  override render(): TemplateResult {
    return html`
      <h2>Simulator</h2>
      <place-order-form></place-order-form>
      <event-log></event-log>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'simulator-page': SimulatorPage;
  }
}
