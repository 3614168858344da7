import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { RecordedEvent } from '../../eventStore/types';
import { checkIdempotencyKey, explainAttempt, type AttemptCommand, type CommandAttempt } from '../../simulator/idempotency/attempts';
import { createCommandSandbox, type CommandSandbox } from '../../simulator/idempotency/commandSandbox';
import { idempotencySectionStyles } from './idempotency-styles';
import { plural } from '../text/plural';

const newKey = (): string => `cmd-${crypto.randomUUID().slice(0, 8)}`;

const commandTitles: Record<AttemptCommand, string> = {
  PlaceOrder: 'Place an order (a new order id per request)',
  ConfirmOrder: 'Confirm the latest order',
};

/**
 * Part 1: one command sent twice under one id. Every send goes through a private in-memory simulator's `execute`,
 * so the answers (event ids, positions, `idempotentReplay`, the log's length) are what the real command side said.
 */
@customElement('idempotency-commands')
export class IdempotencyCommands extends LitElement {
  static override styles = [
    idempotencySectionStyles,
    css`
      :host {
        container-type: inline-size;
      }
      .form {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: var(--wb-space-2) var(--wb-space-3);
        align-items: center;
        max-width: 48rem;
      }
      /* Large text on a narrow screen: labels above their controls, so the select shows its whole choice. */
      @container (max-width: 48rem) {
        .form {
          grid-template-columns: minmax(0, 1fr);
          gap: var(--wb-space-1);
        }
      }
      label {
        font-weight: 600;
      }
      pre {
        margin: 0;
        padding: var(--wb-space-2) var(--wb-space-3);
        background: var(--wb-color-surface-2);
        border-radius: var(--wb-radius);
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .nowrap {
        white-space: nowrap;
      }
      ol {
        margin: 0;
        padding-left: 1.5rem;
        font-size: 0.9rem;
      }
    `,
  ];

  @state() private command: AttemptCommand = 'PlaceOrder';
  @state() private key = newKey();
  @state() private attempts: readonly CommandAttempt[] = [];
  @state() private log: readonly RecordedEvent[] = [];
  @state() private keyError: string | null = null;
  @state() private busy = false;
  @state() private generation = 0;

  private readonly sandbox = new Task(this, {
    task: async ([generation], { signal }) => {
      const sandbox = await createCommandSandbox();
      if (signal.aborted) sandbox.close();
      return { generation, sandbox };
    },
    args: () => [this.generation] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sandbox.value?.sandbox.close();
  }

  override render(): TemplateResult {
    const sandbox = this.sandbox.value?.sandbox;
    const last = this.attempts.at(-1);
    return html`<h3 id="commands-heading">1. The same command, sent twice</h3>
      <p class="explain">
        A network can lose the answer to a request that did succeed, so clients send it again. When the retry carries
        the same idempotency key (here the command id), the store finds the events that command already recorded and
        answers with them, instead of running the command a second time. A key is bound to its request (method, path
        and body), as the IETF's Idempotency-Key draft and Stripe's API bind it: the same key on another request is
        refused with 422, and a key whose first request is still running gets 409.
      </p>
      <div class="form">
        <label for="command">Command</label>
        <select id="command" @change=${this.pickCommand}>
          ${(Object.keys(commandTitles) as AttemptCommand[]).map(
            (command) => html`<option value=${command} ?selected=${command === this.command}>${commandTitles[command]}</option>`,
          )}
        </select>
        <label for="key">Idempotency-Key / commandId</label>
        <input
          id="key"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${this.keyError === null ? 'false' : 'true'}
          aria-describedby=${this.keyError === null ? nothing : 'key-error'}
          .value=${this.key}
          @input=${(event: Event) => {
            this.key = (event.target as HTMLInputElement).value;
            this.keyError = null;
          }}
        />
      </div>
      ${this.keyError === null ? nothing : html`<p id="key-error" class="error" role="alert">${this.keyError}</p>`}
      ${sandbox === undefined ? nothing : html`<pre aria-label="Request">${this.requestText(sandbox)}</pre>`}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${sandbox === undefined || this.busy} @click=${() => this.send(this.command, this.key)}>
          Send
        </button>
        <button type="button" ?disabled=${last === undefined || this.busy} @click=${this.sendAgain}>Send again (same id)</button>
        <button type="button" ?disabled=${sandbox === undefined || this.busy} @click=${this.sendWithNewId}>Send with a new id</button>
        <button type="button" ?disabled=${this.busy} @click=${this.startOver}>Start over</button>
      </div>
      ${last === undefined
        ? html`<p class="no">Nothing sent yet: the sandbox's log is empty.</p>`
        : html`<p class="verdict" role="status">Send ${last.number}: ${explainAttempt(last)}</p>`}
      ${this.attempts.length === 0 ? nothing : this.renderAttempts()}
      ${this.log.length === 0 ? nothing : this.renderLog()}`;
  }

  private requestText(sandbox: CommandSandbox): string {
    const request = sandbox.request(this.command);
    return `${request.method} ${request.path}\nIdempotency-Key: ${this.key}\n\n${JSON.stringify(request.body)}`;
  }

  private renderAttempts(): TemplateResult {
    return html`<div class="scroll">
      <table aria-label="Sends">
        <thead>
          <tr>
            <th scope="col">Send</th>
            <th scope="col">Command</th>
            <th scope="col">Command id</th>
            <th scope="col">Answer</th>
            <th scope="col">Events (id at position)</th>
            <th scope="col">idempotentReplay</th>
            <th scope="col">Log length</th>
          </tr>
        </thead>
        <tbody>
          ${this.attempts.map(
            (attempt) => html`<tr>
              <td>${attempt.number}</td>
              <td class="nowrap">${attempt.command} <span class="mono">${attempt.orderId}</span></td>
              <td class="mono nowrap">${attempt.commandId}</td>
              <td class=${attempt.verdict.kind === 'refused' || attempt.verdict.kind === 'keyReused' ? 'refused' : ''}>${answerOf(attempt)}</td>
              <td class="mono nowrap">
                ${attempt.outcome.ok
                  ? attempt.outcome.events.map((event) => html`<div>${event.eventId} at #${event.globalPosition}</div>`)
                  : '—'}
              </td>
              <td>
                ${attempt.outcome.ok
                  ? html`<span class=${attempt.outcome.idempotentReplay ? 'yes' : 'no'}>${String(attempt.outcome.idempotentReplay)}</span>`
                  : '—'}
              </td>
              <td>${attempt.logBefore} → ${attempt.logAfter}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderLog(): TemplateResult {
    return html`<div>
      <p id="log-heading"><strong>The sandbox's event log</strong> (${plural(this.log.length, 'event')})</p>
      <ol aria-labelledby="log-heading">
        ${this.log.map(
          (event) => html`<li value=${event.globalPosition}>
            ${event.type} on <span class="mono">${event.streamId}</span>, id <span class="mono">${event.eventId}</span>
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private async send(command: AttemptCommand, key: string): Promise<void> {
    const sandbox = this.sandbox.value?.sandbox;
    // One send at a time: a second click before the first answer would race it (the buttons disable on the next render).
    if (sandbox === undefined || this.busy) return;
    const problem = checkIdempotencyKey(key);
    if (problem !== null) {
      this.keyError = problem;
      return;
    }
    this.busy = true;
    try {
      await sandbox.send(command, key);
      this.attempts = [...sandbox.attempts];
      this.log = await sandbox.simulator.store.readAll();
    } finally {
      this.busy = false;
    }
  }

  /** Another operation gets another key, as a client mints one per operation (typing one back reuses it). */
  private readonly pickCommand = (event: Event): void => {
    this.command = (event.target as HTMLSelectElement).value as AttemptCommand;
    this.key = newKey();
    this.keyError = null;
  };

  private readonly sendAgain = (): void => {
    const last = this.attempts.at(-1);
    if (last === undefined) return;
    // A retry is the very same request: same command, same key.
    this.command = last.command;
    this.key = last.commandId;
    this.keyError = null;
    void this.send(last.command, last.commandId);
  };

  private readonly sendWithNewId = (): void => {
    this.key = newKey();
    this.keyError = null;
    void this.send(this.command, this.key);
  };

  private readonly startOver = (): void => {
    this.sandbox.value?.sandbox.close();
    this.attempts = [];
    this.log = [];
    this.key = newKey();
    this.keyError = null;
    this.generation += 1;
  };
}

function answerOf(attempt: CommandAttempt): string {
  const { verdict } = attempt;
  switch (verdict.kind) {
    case 'recorded':
      return 'Ran: new events';
    case 'replayed':
      return `Answered from send ${verdict.firstAttempt ?? '?'}`;
    case 'keyReused':
      return `422: key used for send ${verdict.firstAttempt} (${verdict.firstRequest})`;
    case 'refused':
      return `Refused: ${verdict.reason}`;
    case 'unchanged':
      return 'Ran: nothing to change';
    default:
      return verdict satisfies never;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'idempotency-commands': IdempotencyCommands;
  }
}
