import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiResponse } from '../../simulator/apiConsole/types';
import { panelStyles } from '../styles/theme';

/**
 * One response as a client would print it: the status line, the headers, the JSON body pretty-printed. Everything
 * is a text binding: whatever a request echoed back stays text.
 */
@customElement('api-console-response')
export class ApiConsoleResponse extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .status-line {
        margin: 0 0 var(--wb-space-2);
        font-family: var(--wb-font-mono);
        font-weight: 700;
        padding: var(--wb-space-1) var(--wb-space-2);
        border-radius: var(--wb-radius);
        display: inline-block;
      }
      .success {
        color: var(--wb-color-success);
        background: var(--wb-color-success-bg);
      }
      .client-error {
        color: var(--wb-color-warning);
        background: var(--wb-color-warning-bg);
      }
      .server-error {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
      }
      .answered-by {
        margin: 0 0 var(--wb-space-2);
        color: var(--wb-color-muted);
        font-size: 0.9rem;
        /* A pasted line with no spaces (a long id, a typo) wraps inside the panel instead of running out of it. */
        overflow-wrap: anywhere;
      }
      pre {
        margin: 0 0 var(--wb-space-2);
        padding: var(--wb-space-2) var(--wb-space-3);
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        background: var(--wb-color-surface-2);
        border-radius: var(--wb-radius);
        overflow: auto;
        max-height: 32rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      pre.headers {
        color: var(--wb-color-muted);
      }
      pre:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      .empty {
        color: var(--wb-color-muted);
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) response: ApiResponse | undefined;
  /** The request line it answers, e.g. `POST /orders/`. */
  @property() requestLine = '';

  override render(): TemplateResult {
    const response = this.response;
    return html`<section class="panel" aria-labelledby="response-title">
      <h3 id="response-title">Response</h3>
      <p class="status-line ${response === undefined ? '' : statusClass(response.status)}" role="status">
        ${response === undefined ? '' : `${response.status} ${response.statusText}`}
      </p>
      ${response === undefined
        ? html`<p class="empty">Send a request to see the response here.</p>`
        : html`<p class="answered-by">
              ${this.requestLine}${response.seed === undefined
                ? ' · no endpoint answered'
                : ` · answered by seed ${response.seed}, ${response.route ?? ''}`}
            </p>
            <pre class="headers" tabindex="0" role="region" aria-label="Response headers">${Object.entries(response.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n')}</pre>
            ${response.body === undefined
              ? nothing
              : html`<pre tabindex="0" role="region" aria-label="Response body">${
                  // A text body (GET /metrics answers Prometheus text) is shown as sent, not as a quoted JSON string.
                  typeof response.body === 'string' ? response.body : JSON.stringify(response.body, null, 2)
                }</pre>`}`}
    </section>`;
  }
}

function statusClass(status: number): string {
  if (status < 400) return 'success';
  return status < 500 ? 'client-error' : 'server-error';
}

declare global {
  interface HTMLElementTagNameMap {
    'api-console-response': ApiConsoleResponse;
  }
}
