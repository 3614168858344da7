import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { panelStyles } from '../styles/theme';
import { count, dataControlStyles } from './data-styles';

/** How big the log is and how far the read models have followed it, live (seeding makes the lag visible). */
@customElement('data-store-status')
export class DataStoreStatus extends LitElement {
  static override styles = [panelStyles, dataControlStyles];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  // Re-renders on every append and every projector batch; the figures come from the projector's status snapshot.
  protected readonly changes = new SimulatorChangesController(this, () => this.simulator);

  override render(): TemplateResult {
    const status = this.simulator?.projector.getStatus();
    if (!status) return html`<section class="panel"><p>Opening the store…</p></section>`;
    const head = status.headPosition;
    const slowest = Math.min(head, ...status.projections.map((projection) => projection.checkpoint));
    const behind = status.projections.filter((projection) => projection.lag > 0 && projection.status !== 'paused');
    return html`
      <section class="panel" aria-labelledby="store-status-title">
        <h3 id="store-status-title">The store</h3>
        <p role="status">The event log holds <strong>${count(head)}</strong> events.</p>
        <div class="progress">
          <label for="projector-progress">
            ${behind.length === 0
              ? `Read models: up to date (${status.projections.length} read models at position ${count(slowest)}).`
              : `Read models catching up: ${count(slowest)} of ${count(head)} events projected`}
          </label>
          <progress id="projector-progress" max=${Math.max(head, 1)} .value=${head === 0 ? 1 : slowest}></progress>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-store-status': DataStoreStatus;
  }
}
