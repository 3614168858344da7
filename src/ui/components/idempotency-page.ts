import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageHeadingStyles } from '../styles/pageStyles';
import './idempotency-commands';
import './idempotency-redelivery';

/**
 * Seed 004's "handle duplicate message processing", run for real in sandboxes (the app's own store is never
 * touched): a command retried under the same id, and an event redelivered to a projection and to an inbox consumer.
 */
@customElement('idempotency-page')
export class IdempotencyPage extends LitElement {
  static override styles = [
    pageHeadingStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-3);
      }
      p {
        margin: 0;
        max-width: 60rem;
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  override render(): TemplateResult {
    return html`<h2>Idempotency</h2>
      <p>
        An operation is idempotent when doing it twice has the same effect as doing it once. Retries and redeliveries
        are normal in a distributed system, so both sides need it: the command side for requests sent twice, the
        consumers for events delivered twice. Both demos below run the app's real code in a private sandbox; your
        own event log is not touched.
      </p>
      <idempotency-commands></idempotency-commands>
      <idempotency-redelivery></idempotency-redelivery>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'idempotency-page': IdempotencyPage;
  }
}
