import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HttpExchange } from '../../simulator/conflictDemo';

/**
 * A client's last send as the HTTP exchange it was: the conditional request (If-Match with the version it held) and
 * the API console's answer, status line, ETag and message. Text only: nothing from the answer is rendered as markup.
 */
@customElement('conflict-http-exchange')
export class ConflictHttpExchange extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-top: var(--wb-space-3);
    }
    h4 {
      margin: 0 0 var(--wb-space-1);
      font-size: 0.95rem;
    }
    pre {
      margin: 0 0 var(--wb-space-2);
      padding: var(--wb-space-2);
      border-radius: 4px;
      background: var(--wb-color-bg);
      color: var(--wb-color-text);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font-size: 0.85rem;
    }
    .refused {
      border-left: 4px solid var(--wb-color-danger);
    }
    .accepted {
      border-left: 4px solid var(--wb-color-success);
    }
  `;

  @property() heading = 'Over HTTP';
  @property({ attribute: false }) exchange: HttpExchange | undefined;

  override render(): TemplateResult {
    const exchange = this.exchange;
    if (exchange === undefined) return html``;
    const { response } = exchange;
    const message = (response.body as { message?: unknown } | undefined)?.message;
    const answer = [
      `HTTP/1.1 ${response.status} ${response.statusText}`,
      ...(response.headers['ETag'] === undefined ? [] : [`ETag: ${response.headers['ETag']}`]),
      '',
      typeof message === 'string' ? message : JSON.stringify(response.body),
    ].join('\n');
    return html`<section aria-label=${this.heading}>
      <h4>${this.heading}</h4>
      <pre aria-label="Request">${exchange.request}</pre>
      <pre aria-label="Response" class=${response.status < 300 ? 'accepted' : 'refused'}>${answer}</pre>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conflict-http-exchange': ConflictHttpExchange;
  }
}
