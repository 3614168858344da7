import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { markedJsonLines, storedMarks, upcastMarks } from '../../simulator/versioning/markedJson';
import type { ShapeChange } from '../../simulator/versioning/shapeDiff';
import { upcasterSteps } from '../../simulator/versioning/upcasterSteps';
import {
  checkStoredV1,
  readStreamBothWays,
  sandboxStreamId,
  seed000OrderPlaced,
  stateFields,
  type VersioningReading,
} from '../../simulator/versioning/versioningSandbox';
import { routeHref } from '../controllers/hashRouteController';
import { codeTextareaStyles, errorBoxStyles, focusRingStyles, linkStyles, plainButtonStyles, primaryButtonStyles } from '../styles/controlStyles';
import { demoPageStyles } from '../styles/pageStyles';
import { tableStyles } from '../styles/tableStyles';
import { panelStyles } from '../styles/theme';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { simulatorContext } from '../simulatorContext';
import './versioning-side';
import './versioning-migration';

const seed000Json = JSON.stringify(seed000OrderPlaced, null, 2);

const changeWords: Record<ShapeChange['kind'], string> = {
  added: 'added',
  changed: 'changed',
  removed: 'dropped',
};

/** The state fields that folding the raw stream leaves undefined, which the upcast stream fills. */
const missingFields = (reading: VersioningReading): Set<string> =>
  new Set(stateFields(reading.asStored.state).filter((field) => field.missing).map((field) => field.field));

const shown = (value: unknown): string => (value === undefined ? '—' : JSON.stringify(value));

/**
 * Seed 004's event versioning, run: an order stream whose first event seed 000's service stored as OrderPlaced v1,
 * read by a store without the upcaster and through it, side by side. The student edits the stored v1 event and sees
 * both readings, the upcaster's changes and the unchanged stored bytes follow. That happens in a sandbox store of its
 * own; the last section (copy-and-transform, lesson 11) is the one that writes to the student's store.
 */
@customElement('versioning-page')
export class VersioningPage extends LitElement {
  static override styles = [
    panelStyles,
    demoPageStyles,
    focusRingStyles,
    plainButtonStyles,
    primaryButtonStyles,
    codeTextareaStyles,
    errorBoxStyles,
    tableStyles,
    linkStyles,
    css`
      :host {
        container-type: inline-size;
      }
      h3 {
        margin: 0;
      }
      p {
        margin: 0;
      }
      .lead {
        color: var(--wb-color-muted);
        max-width: 60rem;
      }
      button {
        background: var(--wb-color-surface-2);
      }
      textarea {
        min-height: 10rem;
        padding: var(--wb-space-2);
      }
      textarea[aria-invalid='true'] {
        border-color: var(--wb-color-danger);
      }
      label {
        font-weight: 600;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-2);
      }
      .sides {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: var(--wb-space-3);
        align-items: start;
      }
      /* In rem against the page's own width: large text stacks the two readings before they get too narrow. */
      @container (max-width: 52rem) {
        .sides {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .legend span {
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        padding: 0 var(--wb-space-1);
        border-radius: var(--wb-radius);
      }
      .legend .added {
        color: var(--wb-color-success);
        background: var(--wb-color-success-bg);
      }
      .legend .changed {
        color: var(--wb-color-warning);
        background: var(--wb-color-warning-bg);
      }
      .legend .removed {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
      }
      .steps {
        margin: 0;
        padding-left: var(--wb-space-4);
        display: grid;
        gap: var(--wb-space-1);
        max-width: 60rem;
      }
      /* The steps quote the student's own values: a 10,000-letter product wraps instead of widening the page. */
      .steps li {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      code,
      .bytes,
      td.value {
        font-family: var(--wb-font-mono);
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      /* A field's path stays whole; the values beside it wrap wherever they must. */
      th code {
        overflow-wrap: normal;
        white-space: nowrap;
      }
      td.value {
        min-width: 5rem;
      }
      .bytes {
        background: var(--wb-color-surface-2);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-2);
        white-space: pre-wrap;
      }
      .ok {
        color: var(--wb-color-success);
        background: var(--wb-color-success-bg);
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  /** What the textarea holds: the student's edit, applied only when it passes `checkStoredV1`. */
  @state() private draft = seed000Json;
  /** The v1 data the sandbox stream was last stored with. */
  @state() private stored: unknown = seed000OrderPlaced;
  @state() private reading: VersioningReading | undefined;
  @state() private error: string | undefined;
  @state() private readError: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.reading === undefined) void this.read(this.stored);
  }

  override render(): TemplateResult {
    const reading = this.reading;
    return html`
      <h2>Event versioning: one stream, read two ways</h2>
      <p class="lead">
        Seed 000's service stored an order as one product and a quantity. Today's code (seeds 002 and 004) needs items
        with prices and a customer email. The old event stays in the log as it was written; the store upcasts it every
        time it reads it. Here is order ${seed000OrderPlaced.orderId}'s stream read without the upcaster and through it.
      </p>
      ${this.renderEditor()}
      ${this.readError === undefined ? nothing : html`<p class="error" role="alert">The stream could not be read: ${this.readError}</p>`}
      <p class="legend">
        Marked in event 1: <span class="added">+ added by the upcaster</span> <span class="changed">~ changed</span>
        <span class="removed">− dropped (its value moved elsewhere)</span>.
      </p>
      <div class="sides">
        <versioning-side
          heading="As stored (schemaVersion 1, raw)"
          note="Read by a store created without the upcaster: the rows exactly as written. Today's code folds them as if they were version 2."
          .reading=${reading?.asStored}
          .marks=${reading === undefined ? new Map() : storedMarks(reading.changes)}
        ></versioning-side>
        <versioning-side
          heading="As read through the upcaster"
          note="The same rows through upcastAll(…, workbookUpcasting), which the app's stores (memory and IndexedDB) apply to every read."
          .reading=${reading?.upcast}
          .marks=${reading === undefined ? new Map() : upcastMarks(reading.changes)}
          .filled=${reading === undefined ? new Set() : missingFields(reading)}
        ></versioning-side>
      </div>
      ${reading === undefined ? nothing : html`${this.renderChanges(reading)} ${this.renderStoredBytes(reading)} ${this.renderSteps(reading)}`}
      <p>
        Old export files go through the same upcaster: <a href=${routeHref('data')}>import a JSON Lines file on the Data screen</a>
        and its <code>OrderPlaced</code> events of <code>schemaVersion</code> 1 are read as version 2. The idea in words:
        <a href=${routeHref('lessons', 'versioning-upcasting')}>the lesson on versioning and upcasting</a>.
      </p>
      <versioning-migration id="copy-and-transform" .simulator=${this.simulator}></versioning-migration>
    `;
  }

  private renderEditor(): TemplateResult {
    const invalid = this.error !== undefined;
    return html`<form class="panel" aria-labelledby="editor-title" novalidate @submit=${this.apply}>
      <h3 id="editor-title">The stored event: OrderPlaced v1, as seed 000 wrote it</h3>
      <p>
        Edit its <code>data</code> and store it again: a fresh sandbox stream ${sandboxStreamId} gets this event at
        <code>schemaVersion</code> 1, then the three events today's code appended after it. Try a customer id stored as
        the number <code>123</code>, or remove <code>product</code>.
      </p>
      <label for="v1-json">Stored OrderPlaced v1 data (JSON)</label>
      <textarea
        id="v1-json"
        spellcheck="false"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'v1-error' : nothing}
        .value=${this.draft}
        @input=${(event: Event) => (this.draft = (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${invalid ? html`<p id="v1-error" class="error" role="alert">${this.error} Nothing was stored; both sides still show the last good event.</p>` : nothing}
      <div class="toolbar">
        <button type="submit" class="primary">Store and read both ways</button>
        <button type="button" @click=${this.restore}>Restore seed 000's event</button>
      </div>
    </form>`;
  }

  private renderChanges(reading: VersioningReading): TemplateResult {
    return html`<section class="panel" aria-labelledby="changes-title">
      <h3 id="changes-title">What the upcaster changed in event 1</h3>
      <table aria-labelledby="changes-title">
        <thead>
          <tr><th scope="col">Field</th><th scope="col">As stored (v1)</th><th scope="col">As read (v2)</th><th scope="col">Change</th></tr>
        </thead>
        <tbody>
          ${reading.changes.map((change) => {
            const before = change.kind === 'added' ? undefined : change.before;
            const after = change.kind === 'removed' ? undefined : change.after;
            return html`<tr>
              <th scope="row"><code>${change.path}</code></th>
              <td class="value">${shown(before)}</td>
              <td class="value">${shown(after)}</td>
              <td>${changeWords[change.kind]}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private renderStoredBytes(reading: VersioningReading): TemplateResult {
    const unchanged = reading.storedAfter === reading.storedBefore;
    const bytes = new TextEncoder().encode(reading.storedAfter).length;
    const stored = JSON.parse(reading.storedAfter) as unknown;
    return html`<section class="panel" aria-labelledby="bytes-title">
      <h3 id="bytes-title">The stored event is never rewritten</h3>
      <p role="status" class=${unchanged ? 'ok' : 'error'}>
        ${unchanged
          ? `Stored event 1 after both reads: schemaVersion 1, ${bytes} bytes, identical to before.`
          : 'Stored event 1 changed while it was read: the upcaster must never write to the store.'}
      </p>
      <div class="bytes" role="group" aria-label="Stored event 1 after reading">${markedJsonLines(stored, new Map()).map(
        (line) => html`<div style="padding-left: ${line.depth * 1.2}rem">${line.text}</div>`,
      )}</div>
    </section>`;
  }

  private renderSteps(reading: VersioningReading): TemplateResult {
    return html`<section class="panel" aria-labelledby="steps-title">
      <h3 id="steps-title">How the upcaster gets from v1 to v2</h3>
      <ol class="steps">
        ${upcasterSteps(this.stored, reading.upcast.events.length - 1).map((step) => html`<li>${step}</li>`)}
      </ol>
    </section>`;
  }

  private async read(stored: unknown): Promise<void> {
    try {
      const reading = await readStreamBothWays(stored);
      // A slower earlier read must not overwrite a newer one.
      if (stored === this.stored) {
        this.reading = reading;
        this.readError = undefined;
      }
    } catch (error) {
      this.readError = error instanceof Error ? error.message : String(error);
    }
  }

  private readonly apply = (event: Event): void => {
    event.preventDefault();
    const checked = checkStoredV1(this.draft);
    if (!checked.ok) {
      this.error = checked.reason;
      return;
    }
    this.error = undefined;
    this.stored = checked.data;
    void this.read(checked.data);
  };

  private readonly restore = (): void => {
    this.draft = seed000Json;
    this.error = undefined;
    this.stored = seed000OrderPlaced;
    void this.read(seed000OrderPlaced);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'versioning-page': VersioningPage;
  }
}
