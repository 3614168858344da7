import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { WorkbookSimulator } from '../../simulator/simulator';
import type { StorySubject } from '../../simulator/history/crudStory';
import { frameFromSimulator } from '../../simulator/history/storyRunner';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { routeHref } from '../controllers/hashRouteController';
import './crud-vs-es-compare';
import './crud-vs-es-questions';

/** A stream id of the app's store as the subject the comparison follows. */
function subjectOf(streamId: string): StorySubject | undefined {
  if (streamId.startsWith('order-')) return { kind: 'order', orderId: streamId.slice('order-'.length) };
  if (streamId.startsWith('user-')) return { kind: 'user', userId: streamId.slice('user-'.length) };
  return undefined;
}

/**
 * The comparison over the person's own simulator: pick an order or user they made and see its real CRUD row (with
 * what the twin wrote over) next to its real events, and the same questions.
 */
@customElement('crud-vs-es-mine')
export class CrudVsEsMine extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 1em;
    }
    .pick {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
      align-items: center;
    }
    label {
      font-weight: 600;
    }
    select {
      font: inherit;
      color: var(--wb-color-text);
      background: var(--wb-color-surface);
      border: 1px solid var(--wb-color-control-border);
      border-radius: var(--wb-radius);
      padding: 0.25em 0.5em;
    }
    select:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
    }
    p {
      margin: 0;
    }
    a {
      color: var(--wb-color-accent);
    }
    .error {
      color: var(--wb-color-danger);
    }
  `;

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private chosen = '';

  private readonly changes = new SimulatorChangesController(this, () => this.simulator);

  private readonly streams = new Task(this, {
    task: async ([simulator]) =>
      simulator === undefined ? [] : [...(await simulator.store.streamIds('order-')), ...(await simulator.store.streamIds('user-'))],
    args: () => [this.simulator, this.changes.revision] as const,
  });

  private readonly frame = new Task(this, {
    task: async ([simulator, streamId]) => {
      const subject = subjectOf(streamId);
      return simulator === undefined || subject === undefined ? undefined : frameFromSimulator(simulator, subject);
    },
    args: () => [this.simulator, this.current, this.changes.revision] as const,
  });

  /** The chosen stream, or the first one while nothing (or something that no longer exists) is chosen. */
  private get current(): string {
    const streams = this.streams.value ?? [];
    return streams.includes(this.chosen) ? this.chosen : (streams[0] ?? '');
  }

  override render(): TemplateResult {
    const streams = this.streams.value;
    if (streams === undefined) return html`<p role="status">Reading your simulator…</p>`;
    if (streams.length === 0) {
      return html`<p>Your simulator has no orders or users yet. <a href=${routeHref('simulator')}>Place an order in the simulator</a>, change its status a few times, and come back.</p>`;
    }
    return html`<div class="pick">
        <label for="subject">Order or user</label>
        <select id="subject" .value=${this.current} @change=${(event: Event) => (this.chosen = (event.target as HTMLSelectElement).value)}>
          ${streams.map((id) => html`<option value=${id} ?selected=${id === this.current}>${id}</option>`)}
        </select>
        <p>Both sides as they stand now in your simulator: the CRUD twin’s row and the event store’s stream.</p>
      </div>
      ${this.renderTwinLag()}
      ${this.frame.error === undefined ? nothing : html`<p class="error" role="alert">${String(this.frame.error)}</p>`}
      <crud-vs-es-compare .frame=${this.frame.value}></crud-vs-es-compare>
      <crud-vs-es-questions .frame=${this.frame.value}></crud-vs-es-questions>`;
  }

  /** The twin follows the log by its checkpoint: while it is behind, its rows are older than the events beside them. */
  private renderTwinLag(): TemplateResult | typeof nothing {
    const twin = this.simulator?.crudTwin.getStatus();
    if (twin === undefined || twin.lag === 0) return nothing;
    const why = twin.lastError === null ? '' : ` Its last write failed: ${twin.lastError}`;
    return html`<p role="status">
      The CRUD twin is ${twin.lag} event(s) behind the log (its checkpoint is at position ${twin.checkpoint} of
      ${twin.headPosition}); it catches up from the log by that checkpoint.${why}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crud-vs-es-mine': CrudVsEsMine;
  }
}
