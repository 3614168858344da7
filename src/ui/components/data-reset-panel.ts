import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { DataProgress, WorkbookSimulator } from '../../simulator/simulator';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { count, dataControlStyles } from './data-styles';

type ResetRun =
  | { readonly kind: 'idle' }
  | { readonly kind: 'resetting'; readonly progress: DataProgress | null }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string };

/** Reset behind a modal confirmation: the native <dialog> traps focus and closes on Escape. */
@customElement('data-reset-panel')
export class DataResetPanel extends LitElement {
  static override styles = [
    panelStyles,
    dataControlStyles,
    css`
      dialog {
        max-width: 32rem;
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        background: var(--wb-color-surface);
        color: var(--wb-color-text);
        padding: var(--wb-space-4);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      dialog h3 {
        margin-top: 0;
      }
      .actions {
        display: flex;
        gap: var(--wb-space-2);
        justify-content: flex-end;
        margin-top: var(--wb-space-3);
      }
    `,
  ];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private run: ResetRun = { kind: 'idle' };
  @query('dialog') private dialog!: HTMLDialogElement;

  override render(): TemplateResult {
    return html`
      <section class="panel" aria-labelledby="reset-title">
        <h3 id="reset-title">Reset</h3>
        <p class="note">Start again from an empty store. Your lesson answers and exercise progress are kept.</p>
        <button type="button" class="danger" ?disabled=${this.run.kind === 'resetting'} @click=${() => this.dialog.showModal()}>
          Reset the simulator…
        </button>
        ${this.renderRun()}
      </section>
      <dialog aria-labelledby="reset-dialog-title" aria-describedby="reset-dialog-text">
        <h3 id="reset-dialog-title">Reset the simulator?</h3>
        <p id="reset-dialog-text">
          This deletes every event, snapshot, read model and checkpoint, and every row of the CRUD twin, in this
          browser (all its tabs). It cannot be undone: export the events first if you want to keep them.
        </p>
        <div class="actions">
          <button type="button" class="secondary" autofocus @click=${() => this.dialog.close()}>Keep everything</button>
          <button type="button" class="danger" @click=${this.reset}>Reset everything</button>
        </div>
      </dialog>
    `;
  }

  private renderRun(): TemplateResult | typeof nothing {
    const run = this.run;
    switch (run.kind) {
      case 'idle':
        return nothing;
      case 'resetting': {
        const progress = run.progress;
        const label =
          progress === null || progress.phase === 'writing'
            ? 'Deleting events, snapshots and the CRUD twin…'
            : `Clearing read model ${progress.projection}`;
        return html`<div class="progress">
          <label for="reset-progress">${label}</label>
          <progress id="reset-progress" max=${Math.max(progress?.total ?? 1, 1)} .value=${progress?.done ?? 0}></progress>
        </div>`;
      }
      case 'done':
        return html`<p class="ok" role="status">The simulator was reset: the store holds ${count(0)} events.</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${run.message}</p>`;
      default:
        return run satisfies never;
    }
  }

  private async reset(): Promise<void> {
    this.dialog.close();
    const simulator = this.simulator;
    if (!simulator) return;
    this.run = { kind: 'resetting', progress: null };
    try {
      await simulator.reset((progress) => (this.run = { kind: 'resetting', progress }));
      this.run = { kind: 'done' };
    } catch (error) {
      this.run = { kind: 'failed', message: `The reset failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-reset-panel': DataResetPanel;
  }
}
