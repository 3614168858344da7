import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { workbookUpcasting } from '../../simulator/simulator';
import {
  copyStreamIdOf,
  migratableOrderIds,
  migrateOrderStream,
  migrationView,
  type MigrationRun,
  type StreamMigrationView,
} from '../../simulator/versioning/copyAndTransform';
import { orderStreamId } from '../../domain/order/types';
import { routeHref } from '../controllers/hashRouteController';
import { errorBoxStyles, focusRingStyles, inputStyles, linkStyles, plainButtonStyles, primaryButtonStyles } from '../styles/controlStyles';
import { panelStyles } from '../styles/theme';
import './migration-stream';
import { plural } from '../text/plural';

/** When each way of evolving events is right, one sentence each (lesson 11 says more). */
const techniques: readonly (readonly [string, string])[] = [
  ['Tolerant reader', 'when a field is added or an optional one dropped: readers ignore what they do not know and default what is missing, with no new version.'],
  ['Upcasting on read', 'when the meaning or shape of existing data changes (a field renamed or split): a small pure function turns v1 into v2 every time it is read, and the stored event stays as written.'],
  ['New event type', 'when something new happens in the business (an order returned): it is a new fact, not version 3 of an old one.'],
  ['Copy and transform', 'when the old events are wrong for the model or versions pile up (a stream split, merged, or data you may no longer keep): write a new stream once, end the old one, and let readers move on.'],
];

/**
 * Copy-and-transform on the student's own store (lesson 11's "Try it"): pick an order stream, copy it into
 * `order-v2-<id>` at today's schema, end the old stream with a marker, and see both streams side by side with what
 * changed in each event. Everything stays in the log: a reload shows both streams again.
 */
@customElement('versioning-migration')
export class VersioningMigration extends LitElement {
  static override styles = [
    panelStyles,
    focusRingStyles,
    plainButtonStyles,
    primaryButtonStyles,
    inputStyles,
    errorBoxStyles,
    linkStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .panel {
        display: grid;
        gap: var(--wb-space-3);
      }
      h3,
      p {
        margin: 0;
      }
      .techniques {
        margin: 0;
        padding-left: var(--wb-space-4);
        display: grid;
        gap: var(--wb-space-1);
        max-width: 60rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: var(--wb-space-2) var(--wb-space-3);
      }
      label {
        display: grid;
        gap: var(--wb-space-1);
        font-weight: 600;
      }
      select {
        max-width: min(30rem, 100%);
      }
      button:disabled {
        opacity: 0.6;
        cursor: default;
      }
      .ok {
        color: var(--wb-color-success);
        background: var(--wb-color-success-bg);
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
        overflow-wrap: anywhere;
      }
      .error {
        overflow-wrap: anywhere;
      }
      .streams {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: var(--wb-space-3);
      }
      @container (max-width: 44rem) {
        .streams {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) simulator: WorkbookSimulator | undefined;

  @state() private orderIds: readonly string[] | undefined;
  @state() private selected = '';
  @state() private view: StreamMigrationView | undefined;
  @state() private running = false;
  @state() private message: { readonly ok: boolean; readonly text: string } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('simulator') && this.simulator !== undefined) void this.loadOrders();
  }

  private stores(simulator: WorkbookSimulator) {
    return { store: simulator.store, readAsStored: simulator.readStreamAsStored, upcasting: workbookUpcasting, now: () => new Date().toISOString() };
  }

  /** The orders in the store; the first one already migrated is shown first (so a reload shows both streams again). */
  private async loadOrders(): Promise<void> {
    const simulator = this.simulator!;
    const ids = await migratableOrderIds(simulator.store);
    const copies = new Set(await simulator.store.streamIds(copyStreamIdOf('')));
    this.orderIds = ids;
    if (!ids.includes(this.selected)) this.selected = ids.find((id) => copies.has(copyStreamIdOf(id))) ?? ids[0] ?? '';
    await this.loadView();
  }

  private async loadView(): Promise<void> {
    if (this.simulator === undefined || this.selected === '') {
      this.view = undefined;
      return;
    }
    this.view = await migrationView(this.stores(this.simulator), this.selected);
  }

  private readonly onSelect = (event: Event): void => {
    this.selected = (event.target as HTMLSelectElement).value;
    this.message = undefined;
    void this.loadView();
  };

  private readonly migrate = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.simulator === undefined || this.selected === '' || this.running) return;
    this.running = true;
    try {
      const run = await migrateOrderStream(this.stores(this.simulator), this.selected);
      this.view = run.view;
      this.message = { ok: true, text: outcomeText(run) };
    } catch (error) {
      this.message = { ok: false, text: error instanceof Error ? error.message : String(error) };
      await this.loadView();
    } finally {
      this.running = false;
    }
  };

  override render(): TemplateResult {
    return html`<section class="panel" aria-labelledby="migration-title">
      <h3 id="migration-title">Copy and transform one of your orders</h3>
      <p>
        The heaviest of the four tools, run on your own event store. Each has its place:
      </p>
      <ul class="techniques" aria-label="When each technique is right">
        ${techniques.map(([name, when]) => html`<li><strong>${name}</strong>: ${when}</li>`)}
      </ul>
      ${this.renderForm()}
      ${this.message === undefined
        ? nothing
        : this.message.ok
          ? html`<p class="ok" role="status">${this.message.text}</p>`
          : html`<p class="error" role="alert">${this.message.text}</p>`}
      ${this.view === undefined ? nothing : this.renderStreams(this.view)}
    </section>`;
  }

  private renderForm(): TemplateResult {
    if (this.orderIds === undefined) return html`<p role="status">Reading the order streams…</p>`;
    if (this.orderIds.length === 0)
      return html`<p>
        Your store has no orders yet: <a href=${routeHref('simulator')}>place one on the Simulator</a> or
        <a href=${routeHref('data')}>seed a shop on the Data screen</a>, then come back.
      </p>`;
    return html`<form @submit=${this.migrate}>
      <label
        >Order stream to migrate
        <select .value=${this.selected} @change=${this.onSelect}>
          ${this.orderIds.map((id) => html`<option value=${id} ?selected=${id === this.selected}>${orderStreamId(id)}</option>`)}
        </select>
      </label>
      <button type="submit" class="primary" ?disabled=${this.running}>${this.running ? 'Copying…' : 'Copy and transform'}</button>
    </form>`;
  }

  private renderStreams(view: StreamMigrationView): TemplateResult {
    const migrated = view.marker !== undefined;
    const changesOf = new Map(view.pairs.map((pair) => [pair.original.eventId, pair.changes]));
    const copied = view.pairs.flatMap((pair) => (pair.copy === undefined ? [] : [{ event: pair.copy, changes: pair.changes }]));
    return html`<div class="streams">
      <migration-stream
        side="old"
        ?copied=${migrated}
        heading="${view.from}, as stored"
        note=${migrated
          ? 'Unchanged: every event is still here as it was written, and the marker at the end sends writers to the new stream.'
          : 'Not migrated yet: the events as they were written. Marked: what the copy will drop or rewrite.'}
        .events=${view.original.map((event) => ({ event, changes: changesOf.get(event.eventId) ?? [] }))}
      ></migration-stream>
      <migration-stream
        side="new"
        heading="${view.to}, the copy"
        note=${copied.length === 0
          ? 'Not written yet: "Copy and transform" writes it.'
          : "Each event at today's schema (the project's upcasters applied once, here, instead of on every read). Marked: what the transformation added or rewrote."}
        .events=${copied}
      ></migration-stream>
    </div>`;
  }
}

function outcomeText(run: MigrationRun): string {
  const { from, to } = run.view;
  if (run.copiesWritten === 0 && !run.markerWritten)
    return `${from} was already migrated: ${to} holds all ${run.view.copy.length} copies and nothing was written again.`;
  const copies = plural(run.copiesWritten, 'event');
  return `Copied ${copies} into ${to}${run.markerWritten ? ` and ended ${from} with a StreamMigrated marker` : ''}. Commands sent to ${from} are now refused, naming ${to}.`;
}

declare global {
  interface HTMLElementTagNameMap {
    'versioning-migration': VersioningMigration;
  }
}
