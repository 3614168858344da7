import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { handleApiRequest } from '../../simulator/apiConsole/handleApiRequest';
import { fillIds, idsCreatedBy, type KnownIds } from '../../simulator/apiConsole/examples';
import { addToHistory, firstLineOf, historyFromStorage, type HistoryEntry } from '../../simulator/apiConsole/history';
import type { ApiResponse } from '../../simulator/apiConsole/types';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { codeTextareaStyles, focusRingStyles, sendButtonStyles } from '../styles/controlStyles';
import { pageHeadingStyles } from '../styles/pageStyles';
import type { ExampleChosenEvent } from './api-console-examples';
import type { HistoryChosenEvent } from './api-console-history';
import './api-console-examples';
import './api-console-history';
import './api-console-response';

const historyKey = 'event-workbook.api-console.history';
const firstRequest = 'POST /orders/ {"customer_id": "123", "product": "Laptop", "quantity": 2}';

/**
 * The API console: a person types one of the seeds' HTTP requests and reads the response that the real command and
 * query handlers give. The page holds only what was typed, sent and answered; `handleApiRequest` does the rest.
 */
@customElement('api-console-page')
export class ApiConsolePage extends LitElement {
  static override styles = [
    panelStyles,
    pageHeadingStyles,
    sendButtonStyles,
    focusRingStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-4);
        container-type: inline-size;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 24rem;
        gap: var(--wb-space-4);
        align-items: start;
      }
      /* A container query in rem, not a media query: in large-text mode (a larger root font) the examples move
         under the request before they squeeze it, whatever the window's width. */
      @container (max-width: 46rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .main,
      .side {
        display: grid;
        gap: var(--wb-space-3);
        min-width: 0;
      }
      .note {
        margin: 0 0 var(--wb-space-3);
        color: var(--wb-color-muted);
        max-width: 60rem;
      }
      label.editor-label {
        display: block;
        font-weight: 600;
        margin-bottom: var(--wb-space-1);
      }
      ${codeTextareaStyles}
      textarea {
        min-height: 11rem;
        padding: var(--wb-space-2);
      }
      textarea:focus-visible {
        border-color: var(--wb-color-accent);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-2) var(--wb-space-3);
        align-items: center;
        margin-top: var(--wb-space-2);
      }
      .shortcut {
        color: var(--wb-color-muted);
        font-size: 0.85rem;
      }
      .toggle {
        display: inline-flex;
        gap: var(--wb-space-1);
        align-items: center;
      }
      progress {
        width: 6rem;
      }
      .failure {
        margin: var(--wb-space-2) 0 0;
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
      }
    `,
  ];

  /** The hash's segments after `#/console`. */
  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private requestText = firstRequest;
  @state() private response: ApiResponse | undefined;
  @state() private answeredLine = '';
  @state() private sending = false;
  /** Off by default: the seeds' services answer a command before their read side has caught up. */
  @state() private readYourWrites = false;
  @state() private history: readonly HistoryEntry[] = historyFromStorage(readSession(historyKey));
  /** A bug or a dead store, not an HTTP answer: shown as an alert. */
  @state() private failure: string | undefined;
  /** The last order and user the console created: the examples' `{order_id}` and `{user_id}`. */
  private knownIds: KnownIds = {};

  @query('textarea') private editor!: HTMLTextAreaElement;

  override render(): TemplateResult {
    return html`
      <h2>API console</h2>
      <div class="layout">
        <div class="main">
          <section class="panel" aria-labelledby="request-title">
            <h3 id="request-title">HTTP request</h3>
            <p class="note">
              Type a request from seed 000, 001, 002 or 004, or pick an example. The real command and query handlers
              answer: a command (POST, PUT, DELETE) is answered once its events are in the log; a query (GET) reads the
              read models, which the projector updates a moment later. So, as in the seeds' services, a GET sent right
              after a POST may not find the order yet. Tick “Read your writes” to make commands wait for the projector.
            </p>
            <label class="editor-label" for="request-editor">Request</label>
            <textarea
              id="request-editor"
              spellcheck="false"
              aria-describedby="send-shortcut"
              .value=${this.requestText}
              @input=${(event: Event) => (this.requestText = (event.target as HTMLTextAreaElement).value)}
              @keydown=${this.onKeydown}
            ></textarea>
            <div class="actions">
              <button class="send" type="button" ?disabled=${this.sending || this.simulator === undefined} @click=${this.send}>
                Send
              </button>
              <span class="shortcut" id="send-shortcut">Ctrl+Enter sends</span>
              <label class="toggle">
                <input
                  type="checkbox"
                  .checked=${this.readYourWrites}
                  @change=${(event: Event) => (this.readYourWrites = (event.target as HTMLInputElement).checked)}
                />
                Read your writes
              </label>
              ${this.sending ? html`<progress aria-label="Waiting for the response"></progress>` : nothing}
            </div>
            ${this.failure === undefined ? nothing : html`<p class="failure" role="alert">${this.failure}</p>`}
          </section>
          <api-console-response .response=${this.response} .requestLine=${this.answeredLine}></api-console-response>
        </div>
        <div class="side">
          <api-console-examples @example-chosen=${this.onExample}></api-console-examples>
          <api-console-history .entries=${this.history} @history-chosen=${this.onHistory}></api-console-history>
        </div>
      </div>
    `;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    }
  }

  private async onExample(event: ExampleChosenEvent): Promise<void> {
    const { request } = event.detail.example;
    const loaded = fillIds(request, this.knownIds);
    this.loadRequest(loaded);
    // Nothing created from this page yet (a reload, or orders placed on the simulator screen): the newest order and
    // user in the log stand in, so `GET /orders/{order_id}/` works straight away.
    const missing = (['order_id', 'user_id'] as const).filter(
      (name) => request.includes(`{${name}}`) && this.knownIds[name] === undefined,
    );
    if (missing.length === 0 || this.simulator === undefined) return;
    const store = this.simulator.store;
    const newest = async (prefix: string) => (await store.streamIds(prefix)).at(-1)?.slice(prefix.length);
    const [orderId, userId] = await Promise.all([newest('order-'), newest('user-')]);
    const found: KnownIds = { ...(orderId === undefined ? {} : { order_id: orderId }), ...(userId === undefined ? {} : { user_id: userId }) };
    this.knownIds = { ...found, ...this.knownIds };
    // Only if the person has not started editing the example meanwhile.
    if (this.requestText === loaded) this.requestText = fillIds(request, this.knownIds);
  }

  private onHistory(event: HistoryChosenEvent): void {
    this.loadRequest(event.detail.entry.request);
  }

  private loadRequest(text: string): void {
    this.requestText = text;
    this.editor.focus();
  }

  private async send(): Promise<void> {
    const simulator = this.simulator;
    if (simulator === undefined || this.sending) return;
    const request = this.requestText;
    this.sending = true;
    this.failure = undefined;
    try {
      const response = await handleApiRequest(simulator, request, { readYourWrites: this.readYourWrites });
      this.response = response;
      this.answeredLine = firstLineOf(request);
      this.knownIds = { ...this.knownIds, ...idsCreatedBy(response) };
      this.history = addToHistory(this.history, {
        request,
        requestLine: this.answeredLine,
        status: response.status,
        statusText: response.statusText,
      });
      writeSession(historyKey, JSON.stringify(this.history));
    } catch (error) {
      this.failure = `The console could not answer: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.sending = false;
    }
  }
}

/** Session storage can be off (privacy settings); the history then lives only as long as the page. */
function readSession(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeSession(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Full or disabled storage: the history still works for this page.
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'api-console-page': ApiConsolePage;
  }
}
