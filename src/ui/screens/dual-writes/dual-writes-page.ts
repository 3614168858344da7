import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../../simulator/simulator';
import { createDualWriteLab, type CrashCommand, type TwoSides } from '../../../workbook/demos/dualWriteLab';
import { simulatorContext } from '../../simulatorContext';
import { panelStyles } from '../../styles/theme';
import { demoPageStyles } from '../../styles/pageStyles';
import { compactControlStyles, focusRingStyles, linkStyles, primaryButtonStyles } from '../../styles/controlStyles';
import { tableStyles } from '../../styles/tableStyles';
import { routeHref } from '../../controllers/hashRouteController';

/** What the last step did, in a sentence a person reads next to the table. */
type Report = { readonly text: string; readonly tone: 'bad' | 'good' | 'plain' };

const statusText = (status: string | null): string => status ?? 'no row';

/**
 * `#/dual-writes`: the simulator's two writes per command (events, then the CRUD twin's row), torn apart by a crash
 * between them, on the app's own store. A retry under the same command id leaves the twin wrong; a repair derived
 * from the log brings it level.
 */
@customElement('dual-writes-page')
export class DualWritesPage extends LitElement {
  static override styles = [
    panelStyles,
    demoPageStyles,
    compactControlStyles,
    primaryButtonStyles,
    focusRingStyles,
    linkStyles,
    tableStyles,
    css`
      p {
        margin: 0;
        max-width: 60rem;
      }
      h3 {
        margin: 0;
        font-size: 1.1rem;
      }
      button:disabled {
        opacity: 0.55;
        cursor: default;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-2);
      }
      .report {
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
        background: var(--wb-color-surface-2);
      }
      .report.bad {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
      }
      .report.good {
        color: var(--wb-color-success);
        background: var(--wb-color-success-bg);
      }
      td.id {
        font-family: var(--wb-font-mono);
        overflow-wrap: anywhere;
      }
      .verdict-bad {
        color: var(--wb-color-danger);
        font-weight: 600;
      }
      .verdict-good {
        color: var(--wb-color-success);
        font-weight: 600;
      }
      ol.steps {
        margin: 0;
        padding-left: 1.4rem;
        max-width: 60rem;
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private orderId: string | null = null;
  /** The command the last crash interrupted, and its id: what a client would retry. */
  @state() private crashed: { readonly command: CrashCommand; readonly commandId: string } | null = null;
  @state() private sides: TwoSides | null = null;
  @state() private report: Report | null = null;
  @state() private busy = false;

  override render(): TemplateResult {
    const ready = this.simulator !== undefined && !this.busy;
    const placed = this.sides?.log !== null && this.sides !== null;
    return html`<h2>Dual writes</h2>
      <section class="panel" aria-labelledby="dual-writes-intro">
        <h3 id="dual-writes-intro">Two writes, no transaction between them</h3>
        <p>
          Every order command in this app is written twice: its events go to the event store, then the same command
          overwrites the CRUD twin's row. If the tab dies between the two writes, the log has the change and the row
          does not. The buttons below make that crash happen on your own store (the events are really appended, the
          row is really not written), then try the two ways out.
        </p>
        <ol class="steps">
          <li>Place an order, crashing after the append: the log has the order, the CRUD twin has no row.</li>
          <li>Retry the command with the same command id, as a client would: see whether that repairs it.</li>
          <li>Repair from the log: fold the order's events and write the row they imply.</li>
        </ol>
        <div class="actions">
          <button type="button" class="primary" ?disabled=${!ready} @click=${() => this.crash('PlaceOrder')}>
            Place an order, crash before the CRUD write
          </button>
          <button type="button" ?disabled=${!ready || !placed || this.sides?.log !== 'pending'} @click=${() => this.crash('ConfirmOrder')}>
            Confirm it, crash before the CRUD write
          </button>
          <button type="button" ?disabled=${!ready || this.crashed === null} @click=${this.retry}>Retry the same command</button>
          <button type="button" ?disabled=${!ready || this.sides === null || this.sides.agree} @click=${this.repair}>Repair from the log</button>
        </div>
        ${this.report === null ? nothing : html`<p class="report ${this.report.tone}" role="status">${this.report.text}</p>`}
        ${this.sides === null ? nothing : this.renderSides(this.sides)}
      </section>
      <section class="panel" aria-labelledby="dual-writes-fixes">
        <h3 id="dual-writes-fixes">The fixes, and where to see them</h3>
        <p>
          <strong>Outbox</strong>: write the second write's message in the same transaction as the first (an outbox
          table beside the data), and let a relay deliver it, again and again until it is acknowledged.
          <strong>Derive it from the log</strong>: in event sourcing the log already is that outbox; the second
          write is a consumer that follows the log with a checkpoint, as the
          <a href=${routeHref('simulator')}>simulator's projections</a> do. Either way the second write arrives at
          least once, so it must be idempotent (<a href=${routeHref('idempotency')}>Idempotency</a>).
        </p>
      </section>`;
  }

  private renderSides(sides: TwoSides): TemplateResult {
    return html`<table aria-label="The order on each side">
      <thead>
        <tr><th scope="col">Order</th><th scope="col">Event log (folded)</th><th scope="col">CRUD twin's row</th><th scope="col">Verdict</th></tr>
      </thead>
      <tbody>
        <tr>
          <td class="id">${sides.orderId}</td>
          <td>${statusText(sides.log)}</td>
          <td>${statusText(sides.crud)}</td>
          <td class=${sides.agree ? 'verdict-good' : 'verdict-bad'}>${sides.agree ? 'agree' : 'disagree'}</td>
        </tr>
      </tbody>
    </table>`;
  }

  private lab() {
    if (this.simulator === undefined) throw new Error('The simulator is not ready yet.');
    return createDualWriteLab(this.simulator);
  }

  private async step(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await work();
    } catch (error) {
      this.report = { text: error instanceof Error ? error.message : String(error), tone: 'bad' };
    } finally {
      this.busy = false;
    }
  }

  private crash(command: CrashCommand): Promise<void> {
    return this.step(async () => {
      const orderId = command === 'PlaceOrder' || this.orderId === null ? `dw-${crypto.randomUUID().slice(0, 8)}` : this.orderId;
      const commandId = `${command}-${crypto.randomUUID().slice(0, 8)}`;
      const result = await this.lab().crashAfterAppend(command, orderId, commandId);
      this.orderId = orderId;
      this.crashed = { command, commandId };
      this.sides = result.sides;
      const event = result.events[0];
      this.report = {
        tone: 'bad',
        text: `Appended ${result.events.map((recorded) => recorded.type).join(', ')} at position ${event?.globalPosition ?? '?'}, then the tab "crashed": the CRUD row was never written.`,
      };
    });
  }

  private readonly retry = (): Promise<void> =>
    this.step(async () => {
      const { orderId, crashed } = this;
      if (orderId === null || crashed === null) return;
      const result = await this.lab().retry(crashed.command, orderId, crashed.commandId);
      this.sides = result.sides;
      this.report = result.idempotentReplay
        ? {
            tone: 'bad',
            text: `The store found command ${crashed.commandId} already recorded and answered with its events (an idempotent replay), so the simulator skipped the CRUD write as well: the retry did not repair the row.`,
          }
        : { tone: 'plain', text: 'The command ran again and wrote both sides.' };
    });

  private readonly repair = (): Promise<void> =>
    this.step(async () => {
      if (this.orderId === null) return;
      this.sides = await this.lab().repairFromLog(this.orderId);
      this.crashed = null;
      this.report = {
        tone: 'good',
        text: `Folded the events of order-${this.orderId} and wrote the row they imply: the CRUD twin says "${statusText(this.sides.crud)}", like the log.`,
      };
    });
}

declare global {
  interface HTMLElementTagNameMap {
    'dual-writes-page': DualWritesPage;
  }
}
