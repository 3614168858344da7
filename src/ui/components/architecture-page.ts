import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import type { CommandName } from '../../simulator/types';
import { traceQuery } from '../../simulator/pipeline/pipelineStages';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { demoPageStyles } from '../styles/pageStyles';
import { demoControlStyles } from './replay-shared-styles';
import './pipeline-diagram';

/** A short id a person can read on the projector and in the trail: "A-3f9c". */
const newDemoOrderId = (): string => `A-${crypto.randomUUID().slice(0, 4)}`;

/**
 * The two architecture diagrams of the course (Exercise 06's CQRS boxes and seed 002's pipeline), live: the
 * buttons send real commands and a real query through the simulator, and both diagrams light the stages each one
 * reaches, so the split between the write side and the read side is seen, not only drawn.
 */
@customElement('architecture-page')
export class ArchitecturePage extends LitElement {
  static override styles = [
    panelStyles,
    demoControlStyles,
    demoPageStyles,
    css`
      .panel h3 {
        margin: 0;
      }
      p.outcome {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  private simulator: WorkbookSimulator | undefined;

  @state() private orderId: string | undefined;
  @state() private outcome: { readonly ok: boolean; readonly text: string } | undefined;
  @state() private busy = false;

  override render(): TemplateResult {
    const noOrder = this.orderId === undefined;
    return html`
      <h2>Architecture</h2>
      <p class="lead">
        Send a command and watch it cross the write side (Command Handler, Write DB), get published on the Event Bus,
        and reach the read side only when an Event Handler has projected it. A query never touches the write side.
      </p>
      <section class="panel" aria-label="Try it">
        <div class="toolbar">
          <button type="button" class="primary" ?disabled=${this.busy} @click=${this.placeDemoOrder}>Place a demo order</button>
          <button type="button" ?disabled=${this.busy || noOrder} @click=${() => this.send('ConfirmOrder', { orderId: this.orderId })}>
            Confirm it
          </button>
          <button type="button" ?disabled=${this.busy || noOrder} @click=${() => this.send('DeliverOrder', { orderId: this.orderId })}>
            Deliver it (not allowed yet)
          </button>
          <button type="button" ?disabled=${this.busy} @click=${() => this.send('PlaceOrder', { orderId: newDemoOrderId(), customerId: 'c-1', items: [] })}>
            Send an invalid order
          </button>
          <button type="button" ?disabled=${this.busy} @click=${this.queryReadModel}>Query the read model</button>
        </div>
        ${this.outcome === undefined
          ? nothing
          : html`<p class="outcome ${this.outcome.ok ? 'ok' : 'error'}" role="status">${this.outcome.text}</p>`}
      </section>
      <section class="panel" aria-labelledby="cqrs-heading">
        <h3 id="cqrs-heading">CQRS: Exercise 06, requirement 2</h3>
        <pipeline-diagram diagram="cqrs" trail-position="below"></pipeline-diagram>
      </section>
      <section class="panel" aria-labelledby="pipeline-heading">
        <h3 id="pipeline-heading">The event-sourcing pipeline of seed 002</h3>
        <pipeline-diagram diagram="pipeline" trail-position="below"></pipeline-diagram>
      </section>
    `;
  }

  private readonly placeDemoOrder = async (): Promise<void> => {
    const orderId = newDemoOrderId();
    const ok = await this.send('PlaceOrder', {
      orderId,
      customerId: 'customer-1001',
      customerEmail: 'ada@example.com',
      items: [{ product: 'Laptop', quantity: 1, unitPrice: 999.99 }],
    });
    if (ok) this.orderId = orderId;
  };

  private async send(command: CommandName, input: unknown): Promise<boolean> {
    const simulator = this.simulator;
    if (simulator === undefined) return false;
    this.busy = true;
    try {
      const outcome = await simulator.execute(command, input);
      this.outcome = outcome.ok
        ? { ok: true, text: `${command} accepted: ${outcome.events.map((event) => event.type).join(', ') || 'nothing to record'}.` }
        : { ok: false, text: `${command} rejected: ${outcome.message}` };
      return outcome.ok;
    } finally {
      this.busy = false;
    }
  }

  private readonly queryReadModel = async (): Promise<void> => {
    const simulator = this.simulator;
    if (simulator === undefined) return;
    const startedAt = performance.now();
    const orderId = this.orderId;
    let name: string;
    let answer: string;
    if (orderId !== undefined) {
      name = `orderById(${orderId})`;
      const order = await simulator.queries.orderById(orderId);
      answer = order === undefined ? 'not in the read model yet' : `order ${order.orderId} is ${order.status}, total ${order.total}`;
    } else {
      name = 'summary()';
      const summary = await simulator.queries.summary();
      answer = `${summary.totalOrders} orders`;
    }
    const trace = traceQuery({ id: crypto.randomUUID(), name, answer, startedAt, at: performance.now() });
    for (const diagram of this.renderRoot.querySelectorAll('pipeline-diagram')) diagram.showTrace(trace);
    this.outcome = { ok: true, text: `Query ${name} answered from the read model: ${answer}.` };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'architecture-page': ArchitecturePage;
  }
}
