import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiResponse } from '../../simulator/apiConsole/types';
import { panelStyles } from '../styles/theme';
import { focusRingStyles, plainButtonStyles } from '../styles/controlStyles';
import { bodyPreview, sizeInWords } from '../text/bodyPreview';

/**
 * One response as a client would print it: the status line, the headers, the JSON body pretty-printed. Everything
 * is a text binding: whatever a request echoed back stays text. A body of more than 100,000 characters (some 4,000
 * lines of pretty-printed orders) is drawn up to there, with a button that draws the rest (see text/bodyPreview.ts).
 */
@customElement('api-console-response')
export class ApiConsoleResponse extends LitElement {
  static override styles = [
    panelStyles,
    plainButtonStyles,
    focusRingStyles,
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
      .cut {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--wb-space-2);
        margin: 0 0 var(--wb-space-2);
        color: var(--wb-color-muted);
      }
      .cut button {
        background: var(--wb-color-surface);
      }
    `,
  ];

  @property({ attribute: false }) response: ApiResponse | undefined;
  /** The request line it answers, e.g. `POST /orders/`. */
  @property() requestLine = '';
  /** The response whose whole body the person asked to see; a new response is cut again. */
  @state() private wholeBodyOf: ApiResponse | undefined;
  /** The body's text, made once per response (a list of 25,000 orders is megabytes of JSON). */
  private bodyText: { readonly response: ApiResponse; readonly text: string } | undefined;

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
            ${response.body === undefined ? nothing : this.renderBody(response)}`}
    </section>`;
  }

  private renderBody(response: ApiResponse): TemplateResult {
    if (this.bodyText?.response !== response) {
      // A text body (GET /metrics answers Prometheus text) is shown as sent, not as a quoted JSON string.
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body, null, 2);
      this.bodyText = { response, text };
    }
    const { text } = this.bodyText;
    const preview = this.wholeBodyOf === response ? undefined : bodyPreview(text);
    const cut = preview?.cut === true ? preview : undefined;
    return html`${cut === undefined
        ? nothing
        : html`<p class="cut">
            <span id="body-cut">${`Showing the first ${cut.shownLines.toLocaleString('en-US')} of ${cut.totalLines.toLocaleString('en-US')} lines of the body (${sizeInWords(text.length)}).`}</span>
            <button type="button" aria-describedby="body-cut" @click=${() => (this.wholeBodyOf = response)}>
              Show the whole body
            </button>
          </p>`}
      <pre tabindex="0" role="region" aria-label="Response body">${cut === undefined ? text : cut.shown}</pre>`;
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
