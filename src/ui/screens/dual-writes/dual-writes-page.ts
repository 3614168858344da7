import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../../simulator/simulator';
import { createDualWriteLab, type CrashCommand, type TwoSides } from '../../../workbook/demos/dualWriteLab';
import { simulatorContext } from '../../simulatorContext';
import { panelStyles } from '../../styles/theme';
import { demoPageStyles, demoReportStyles } from '../../styles/pageStyles';
import { compactControlStyles, focusRingStyles, linkStyles, primaryButtonStyles } from '../../styles/controlStyles';
import { tableStyles } from '../../styles/tableStyles';
import { routeHref } from '../../controllers/hashRouteController';
import { DemoRunController } from '../../controllers/demoRunController';

/** What the last step did, in a sentence a person reads next to the table. */

const statusText = (status: string | null): string => status ?? 'no row';

/**
 * `#/dual-writes`: the simulator's two writes per command (events, then the CRUD twin's row), torn apart by a crash
 * between them, on the app's own store. The answer to a retry is what the log recorded; the twin, which follows the
 * log by its own checkpoint, catches up and agrees again.
 */
@customElement('dual-writes-page')
export class DualWritesPage extends LitElement {
  static override styles = [
    panelStyles,
    demoPageStyles,
    demoReportStyles,
    compactControlStyles,
    primaryButtonStyles,
    focusRingStyles,
    linkStyles,
    tableStyles,
    css`
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
  private readonly demo = new DemoRunController(this);

  override render(): TemplateResult {
    const ready = this.simulator !== undefined && !this.demo.busy;
    const placed = this.sides?.log !== null && this.sides !== null;
    return html`<h2>Dual writes</h2>
      <section class="panel" aria-labelledby="dual-writes-intro">
        <h3 id="dual-writes-intro">Two writes, no transaction between them</h3>
        <p>
          Every order command in this app is written twice: its events go to the event store, then the CRUD twin's
          row is overwritten. If the tab dies between the two writes, the log has the change and the row does not.
          The buttons below make that crash happen on your own store (the events are really appended, the twin really
          does not write), then show how the app gets out of it: the twin follows the log with a checkpoint.
        </p>
        <ol class="steps">
          <li>Place an order, crashing after the append: the log has the order, the CRUD twin has no row.</li>
          <li>Retry the command with the same command id, as a client would: the answer is what the log recorded.</li>
          <li>Let the twin catch up: it reads the log after its checkpoint and applies what it missed.</li>
        </ol>
        <div class="actions">
          <button type="button" class="primary" ?disabled=${!ready} @click=${() => this.crash('PlaceOrder')}>
            Place an order, crash before the CRUD write
          </button>
          <button type="button" ?disabled=${!ready || !placed || this.sides?.log !== 'pending'} @click=${() => this.crash('ConfirmOrder')}>
            Confirm it, crash before the CRUD write
          </button>
          <button type="button" ?disabled=${!ready || this.crashed === null} @click=${this.retry}>Retry the same command</button>
          <button type="button" ?disabled=${!ready || this.sides === null || this.sides.agree} @click=${this.catchUp}>
            Let the twin catch up from its checkpoint
          </button>
        </div>
        ${this.demo.renderReport()}
        ${this.sides === null ? nothing : this.renderSides(this.sides)}
      </section>
      <section class="panel" aria-labelledby="dual-writes-fixes">
        <h3 id="dual-writes-fixes">The fixes, and where to see them</h3>
        <p>
          <strong>Outbox</strong>: write the second write's message in the same transaction as the first (an outbox
          table beside the data), and let a relay deliver it, again and again until it is acknowledged.
          <strong>Derive it from the log</strong>: in event sourcing the log already is that outbox; the second
          write is a consumer that follows the log with a checkpoint, as the
          <a href=${routeHref('simulator')}>simulator's projections</a> do. This app's CRUD twin is one: its rows and
          its checkpoint are written in one transaction, so a crash only delays it, and it never applies an event
          twice. Either way the second write arrives at least once, so it must be idempotent
          (<a href=${routeHref('idempotency')}>Idempotency</a>).
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
    </table>
    <p>
      The CRUD twin's checkpoint: position ${sides.twinCheckpoint} of the log's ${sides.logHead}
      (${sides.logHead > sides.twinCheckpoint ? `${sides.logHead - sides.twinCheckpoint} event(s) behind` : 'caught up'}).
    </p>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A crash the lab staged holds the app's twin; leaving the page lets it follow the log again.
    if (this.simulator !== undefined) this.lab().release();
  }

  private lab() {
    if (this.simulator === undefined) throw new Error('The simulator is not ready yet.');
    return createDualWriteLab(this.simulator);
  }

  private step(work: () => Promise<void>): Promise<void> {
    return this.demo.run(work);
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
      this.demo.report = {
        tone: 'bad',
        text: `Appended ${result.events.map((recorded) => recorded.type).join(', ')} at position ${event?.globalPosition ?? '?'}, then the tab "crashed": the CRUD row was never written, and the twin's checkpoint stayed at ${result.sides.twinCheckpoint}.`,
      };
    });
  }

  private readonly retry = (): Promise<void> =>
    this.step(async () => {
      const { orderId, crashed } = this;
      if (orderId === null || crashed === null) return;
      const result = await this.lab().retry(crashed.command, orderId, crashed.commandId);
      this.sides = result.sides;
      const position = result.events.map((recorded) => recorded.globalPosition).join(', ');
      this.demo.report = result.idempotentReplay
        ? {
            tone: 'plain',
            text:
              `The store found command ${crashed.commandId} already recorded and answered with its events at position ${position} (an idempotent replay): ` +
              `the answer is what the log recorded, never the twin's "not found".` +
              (result.crudTwinNote === undefined ? '' : ` ${result.crudTwinNote}`),
          }
        : { tone: 'plain', text: 'The command ran again and wrote both sides.' };
    });

  private readonly catchUp = (): Promise<void> =>
    this.step(async () => {
      if (this.orderId === null) return;
      const before = this.sides?.twinCheckpoint ?? 0;
      const sides = await this.lab().catchUp(this.orderId);
      this.sides = sides;
      this.crashed = null;
      this.demo.report = {
        tone: sides.agree ? 'good' : 'bad',
        text: `The twin read the log after its checkpoint ${before} and applied what it had missed, rows and checkpoint in one transaction: its row says "${statusText(sides.crud)}", like the log, and its checkpoint is at ${sides.twinCheckpoint}.`,
      };
    });
}

declare global {
  interface HTMLElementTagNameMap {
    'dual-writes-page': DualWritesPage;
  }
}
