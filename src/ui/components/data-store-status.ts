import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { panelStyles } from '../styles/theme';
import { count, dataControlStyles } from './data-styles';
import { StorageUsageController } from '../../pwa/storageUsageController';
import { describePersistence, describeUsage } from '../../db/storagePersistence';

/** How big the log is and how far the read models have followed it, live (seeding makes the lag visible). */
@customElement('data-store-status')
export class DataStoreStatus extends LitElement {
  static override styles = [panelStyles, dataControlStyles];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  // Re-renders on every append and every projector batch; the figures come from the projector's status snapshot.
  protected readonly changes = new SimulatorChangesController(this, () => this.simulator);
  /** How much of the browser's quota the workbook uses, and whether the browser may evict it. */
  private readonly storageUsage = new StorageUsageController(this);

  override render(): TemplateResult {
    const status = this.simulator?.projector.getStatus();
    if (!status) return html`<section class="panel"><p>Opening the store…</p></section>`;
    const head = status.headPosition;
    // The projector brings one read model up to date after the other: progress is their applied events summed.
    const applied = status.projections.reduce((sum, projection) => sum + Math.min(projection.checkpoint, head), 0);
    const needed = head * status.projections.length;
    const behind = status.projections.filter((projection) => projection.lag > 0);
    return html`
      <section class="panel" aria-labelledby="store-status-title">
        <h3 id="store-status-title">The store</h3>
        <p role="status">The event log holds <strong>${count(head)}</strong> events.</p>
        <div class="progress">
          <label for="projector-progress">
            ${behind.length === 0
              ? `Read models: up to date (${status.projections.length} read models at position ${count(head)}).`
              : `Read models catching up: ${status.projections
                  .map((projection) => `${projection.name} ${count(Math.min(projection.checkpoint, head))}`)
                  .join(', ')} of ${count(head)} events`}
          </label>
          <progress id="projector-progress" max=${Math.max(needed, 1)} .value=${needed === 0 ? 1 : applied}></progress>
        </div>
        ${this.renderStorageUsage()}
      </section>
    `;
  }

  private renderStorageUsage(): TemplateResult {
    const usage = this.storageUsage.value;
    if (usage === undefined) return html`<p>Measuring the space used in this browser…</p>`;
    return html`<p class="storage-usage">
      <strong>Browser storage:</strong> ${describeUsage(usage)} ${describePersistence(usage.persisted)}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-store-status': DataStoreStatus;
  }
}
