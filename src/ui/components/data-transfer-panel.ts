import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { DataProgress, WorkbookSimulator } from '../../simulator/simulator';
import { exportEvents, importEvents } from '../../simulator/dataTransfer';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { count, dataControlStyles } from './data-styles';

type Transfer =
  | { readonly kind: 'idle' }
  | { readonly kind: 'exporting'; readonly done: number; readonly total: number }
  | { readonly kind: 'exported'; readonly events: number; readonly fileName: string }
  | { readonly kind: 'checking' }
  | { readonly kind: 'importing'; readonly progress: DataProgress }
  | { readonly kind: 'imported'; readonly events: number; readonly streams: number }
  | { readonly kind: 'refused'; readonly line: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Export the log as a JSON Lines file; import one back, checked whole before anything is written. */
@customElement('data-transfer-panel')
export class DataTransferPanel extends LitElement {
  static override styles = [panelStyles, dataControlStyles];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private transfer: Transfer = { kind: 'idle' };
  @query('#import-file') private fileInput!: HTMLInputElement;

  override render(): TemplateResult {
    const busy = ['exporting', 'checking', 'importing'].includes(this.transfer.kind);
    return html`
      <section class="panel" aria-labelledby="transfer-title">
        <h3 id="transfer-title">Export and import</h3>
        <p class="note">
          The file is JSON Lines: a header line (format, version, counts), then one recorded event per line, in log
          order. An import is checked whole first (JSON, event types, schema versions, data, positions, and that
          the order decider would have recorded each event); one bad line and nothing is written. A good file
          replaces the store: the CRUD twin and every read model are rebuilt from its events.
        </p>
        <div class="row">
          <button type="button" ?disabled=${busy} @click=${this.exportFile}>Export events</button>
        </div>
        <div class="row">
          <div class="field">
            <label for="import-file">Events file to import</label>
            <input id="import-file" type="file" accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson" ?disabled=${busy} />
          </div>
          <button type="button" class="secondary" ?disabled=${busy} @click=${this.importFile}>Import and replace the store</button>
        </div>
        ${this.renderTransfer()}
      </section>
    `;
  }

  private renderTransfer(): TemplateResult | typeof nothing {
    const transfer = this.transfer;
    switch (transfer.kind) {
      case 'idle':
        return nothing;
      case 'exporting':
        return html`<div class="progress">
          <label for="export-progress">Reading the log: ${count(transfer.done)} of ${count(transfer.total)} events</label>
          <progress id="export-progress" max=${Math.max(transfer.total, 1)} .value=${transfer.done}></progress>
        </div>`;
      case 'exported':
        return html`<p class="ok" role="status">Exported ${count(transfer.events)} events to ${transfer.fileName}.</p>`;
      case 'checking':
        return html`<p role="status">Checking every line of the file…</p>`;
      case 'importing': {
        const { progress } = transfer;
        const label =
          progress.phase === 'writing'
            ? `Writing events: ${count(progress.done)} of ${count(progress.total)}`
            : `Rebuilding read model ${progress.projection}: ${count(progress.done)} of ${count(progress.total)} events`;
        return html`<div class="progress">
          <label for="import-progress">${label}</label>
          <progress id="import-progress" max=${Math.max(progress.total, 1)} .value=${progress.done}></progress>
        </div>`;
      }
      case 'imported':
        return html`<p class="ok" role="status">
          Imported ${count(transfer.events)} events in ${count(transfer.streams)} streams; the CRUD twin and the read
          models were rebuilt from them.
        </p>`;
      case 'refused':
        return html`<p class="error" role="alert">
          Nothing was imported. Line ${transfer.line}: ${transfer.reason}.
        </p>`;
      case 'failed':
        return html`<p class="error" role="alert">${transfer.message}</p>`;
      default:
        return transfer satisfies never;
    }
  }

  private async exportFile(): Promise<void> {
    const simulator = this.simulator;
    if (!simulator) return;
    try {
      this.transfer = { kind: 'exporting', done: 0, total: await simulator.store.headPosition() };
      const { lines, events } = await exportEvents(simulator, (done, total) => (this.transfer = { kind: 'exporting', done, total }));
      const fileName = `event-workbook-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.jsonl`;
      const url = URL.createObjectURL(new Blob(lines, { type: 'application/x-ndjson' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      // The download has its own copy once it started; the object URL would otherwise hold the file in memory.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.transfer = { kind: 'exported', events, fileName };
    } catch (error) {
      this.transfer = { kind: 'failed', message: `The export failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private async importFile(): Promise<void> {
    const simulator = this.simulator;
    const file = this.fileInput.files?.[0];
    if (!simulator) return;
    if (!file) {
      this.transfer = { kind: 'failed', message: 'Choose an events file first (an export of this workbook).' };
      return;
    }
    this.transfer = { kind: 'checking' };
    try {
      const text = await file.text();
      // Lets "Checking…" paint before the synchronous check of every line.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = await importEvents(simulator, text, (progress) => (this.transfer = { kind: 'importing', progress }));
      this.transfer = result.ok
        ? { kind: 'imported', events: result.events.length, streams: result.header.streams }
        : { kind: 'refused', line: result.line, reason: result.reason };
    } catch (error) {
      this.transfer = { kind: 'failed', message: `The import failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-transfer-panel': DataTransferPanel;
  }
}
