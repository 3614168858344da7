import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { createCoalescedRefresh } from '../../simulator/coalescedRefresh';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { simulatorFormStyles } from '../styles/simulatorFormStyles';
import { commandFormOf, commandForms, newUserId, type CommandFormSpec, type CommandValues } from '../forms/commandForms';
import type { CommandAppendedDetail } from './command-form';
import './place-order-form';
import './command-form';

type PickedCommand = 'PlaceOrder' | CommandFormSpec['command'];

/** Ids offered in the order/user id fields: the newest streams, enough to pick from without a long list. */
const suggestedIds = 20;

/**
 * Every command of the order service (seeds 000 and 002) and the users service (seed 001), one form at a time.
 * The panel remembers the order and user the person worked on last and starts the next form from them, so walking
 * an order through its lifecycle is: place, pick Confirm, press the button, pick the next command…
 */
@customElement('command-panel')
export class CommandPanel extends LitElement {
  static override styles = [
    simulatorFormStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-3);
        align-content: start;
      }
      .picker {
        display: grid;
        gap: var(--wb-space-1);
      }
    `,
  ];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private picked: PickedCommand = 'PlaceOrder';
  @state() private lastOrderId = '';
  @state() private lastUserId = '';
  @state() private nextUserId = newUserId();
  @state() private orderIds: readonly string[] = [];
  @state() private userIds: readonly string[] = [];

  private readonly changes = new SimulatorChangesController(this, () => this.simulator);
  private seenRevision = -1;
  private readonly suggestions = createCoalescedRefresh(async () => {
    // A breath between refreshes: while a data set is being seeded the log changes hundreds of times a second, and
    // listing stream ids walks the stream index.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const store = this.simulator?.store;
    if (store === undefined) return;
    // Newest streams first: the order just placed is the likeliest next target.
    const newest = async (prefix: string) =>
      (await store.streamIds(prefix)).slice(-suggestedIds).reverse().map((id) => id.slice(prefix.length));
    [this.orderIds, this.userIds] = await Promise.all([newest('order-'), newest('user-')]);
  });

  protected override updated(): void {
    // Suggestions follow the log (another tab may add orders); one refresh at a time however busy the log is.
    // Place order (the default form) offers no ids, so it costs nothing while the log grows.
    if (this.picked !== 'PlaceOrder' && this.changes.revision !== this.seenRevision && this.simulator !== undefined) {
      this.seenRevision = this.changes.revision;
      void this.suggestions.request();
    }
  }

  override render(): TemplateResult {
    return html`
      <div class="picker">
        <label for="command-picker">Command</label>
        <select id="command-picker" .value=${this.picked} @change=${this.onPick}>
          <option value="PlaceOrder" ?selected=${this.picked === 'PlaceOrder'}>Place an order</option>
          ${commandForms.map(
            (spec) => html`<option value=${spec.command} ?selected=${this.picked === spec.command}>${spec.title}</option>`,
          )}
        </select>
      </div>
      ${this.picked === 'PlaceOrder'
        ? html`<place-order-form @order-placed=${this.onOrderPlaced}></place-order-form>`
        : html`<command-form
            .spec=${commandFormOf(this.picked)}
            .defaults=${this.defaultsFor(this.picked)}
            .orderIds=${this.orderIds}
            .userIds=${this.userIds}
            @command-appended=${this.onAppended}
          ></command-form>`}
    `;
  }

  private defaultsFor(command: CommandFormSpec['command']): CommandValues {
    if (command === 'CreateUser') return { userId: this.nextUserId };
    if (command === 'UpdateUserEmail') return { userId: this.lastUserId };
    return { orderId: this.lastOrderId };
  }

  private onPick(event: Event): void {
    this.picked = (event.target as HTMLSelectElement).value as PickedCommand;
  }

  private onOrderPlaced(event: CustomEvent<{ orderId: string }>): void {
    this.lastOrderId = event.detail.orderId;
  }

  private onAppended(event: CustomEvent<CommandAppendedDetail>): void {
    const { values, spec } = event.detail;
    if (values.orderId) this.lastOrderId = values.orderId.trim();
    if (values.userId) this.lastUserId = values.userId.trim();
    // The next user gets a fresh id, so pressing Create twice does not collide with the first.
    if (spec.command === 'CreateUser') this.nextUserId = newUserId();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'command-panel': CommandPanel;
  }
}
