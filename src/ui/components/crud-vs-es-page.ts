import { LitElement, css, html, nothing } from 'lit';
import { primaryButtonStyles } from '../styles/controlStyles';
import type { PropertyValues, ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { crudStories, storyById, type CrudStory } from '../../simulator/history/crudStory';
import { playStory, type StoryFrame } from '../../simulator/history/storyRunner';
import { routeHref } from '../controllers/hashRouteController';
import './crud-vs-es-compare';
import './crud-vs-es-questions';
import './crud-vs-es-mine';

/** `#/crud-vs-es/mine`: the person's own simulator data instead of a script. */
const mine = 'mine';

/** Controls that act on Space themselves; inside shadow roots too, hence the composed path. */
const spaceBelongsTo = (target: EventTarget | undefined): boolean =>
  target instanceof HTMLElement && target.matches('button, a[href], input, select, textarea, summary, [contenteditable]');

/** → / Space / PageDown step on, ← / PageUp step back, Escape leaves: what a presenter's clicker sends. */
class PresenterKeysController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly active: () => boolean,
    private readonly actions: { next(): void; previous(): void; leave(): void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKey);
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (!this.active() || event.altKey || event.ctrlKey || event.metaKey) return;
    const action =
      event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown'
        ? this.actions.next
        : event.key === 'ArrowLeft' || event.key === 'PageUp'
          ? this.actions.previous
          : event.key === 'Escape'
            ? this.actions.leave
            : undefined;
    if (action === undefined) return;
    // Space on a focused control is that control's own key (a question, Restart): pressing it must not also step.
    if (event.key === ' ' && spaceBelongsTo(event.composedPath()[0])) return;
    // Otherwise Space would scroll the page.
    event.preventDefault();
    action();
  };
}

/**
 * Seed 000's point, played step by step: the same commands go to a CRUD table and to an event store (a fresh
 * sandbox, so every run is the same), and questions about the past show what each side can still answer.
 */
@customElement('crud-vs-es-page')
export class CrudVsEsPage extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 1rem;
    }
    :host([presenter]) {
      position: fixed;
      inset: 0;
      z-index: 100;
      overflow: auto;
      padding: 1.5rem 2rem;
      background: var(--wb-color-bg);
      font-size: 1.55rem;
      align-content: start;
    }
    h2 {
      margin: 0;
      font-size: 1.4em;
    }
    nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    nav a {
      display: inline-block;
      padding: 0.3em 0.75em;
      border: 1px solid var(--wb-color-border);
      border-radius: var(--wb-radius);
      color: var(--wb-color-text);
      background: var(--wb-color-surface);
      text-decoration: none;
    }
    nav a[aria-current='page'] {
      background: var(--wb-color-accent-bg);
      color: var(--wb-color-accent);
      font-weight: 600;
    }
    .stage {
      background: var(--wb-color-surface);
      border: 1px solid var(--wb-color-border);
      border-left: 0.4em solid var(--wb-color-accent);
      border-radius: var(--wb-radius);
      padding: 0.75em 1em;
    }
    .step-count {
      margin: 0;
      color: var(--wb-color-muted);
      font-size: 0.9em;
    }
    .command {
      margin: 0.2em 0;
      font-family: var(--wb-font-mono);
      font-size: 1.35em;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .narration {
      margin: 0;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
    }
    button {
      font: inherit;
      padding: 0.35em 0.9em;
      border-radius: var(--wb-radius);
      border: 1px solid var(--wb-color-border);
      background: var(--wb-color-surface);
      color: var(--wb-color-text);
      cursor: pointer;
    }
    ${primaryButtonStyles}
    button[aria-pressed='true'] {
      background: var(--wb-color-accent-bg);
      color: var(--wb-color-accent);
      border-color: var(--wb-color-accent);
      font-weight: 600;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    a:focus-visible,
    button:focus-visible,
    [tabindex]:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
    }
    .keys {
      color: var(--wb-color-muted);
      font-size: 0.85em;
    }
    .error {
      color: var(--wb-color-danger);
      background: var(--wb-color-danger-bg);
      padding: 0.5em 0.75em;
      border-radius: var(--wb-radius);
    }
  `;

  /** `#/crud-vs-es/seed-001` picks the story. */
  @property({ attribute: false }) params: readonly string[] = [];

  /** Full window, large type, one command per key press. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  /** How many of the story's commands both sides have received. */
  @state() private done = 0;

  @query('#presenter-toggle') private presenterToggle?: HTMLButtonElement;
  @query('.stage') private stage?: HTMLElement;

  private get story(): CrudStory {
    return storyById(this.params[0]);
  }

  private readonly frame = new Task(this, {
    task: ([story, done]) => playStory(story, done),
    args: () => [this.story, this.done] as const,
  });

  private readonly keys = new PresenterKeysController(this, () => this.presenter && this.params[0] !== mine, {
    next: () => this.step(1),
    previous: () => this.step(-1),
    leave: () => this.setPresenter(false),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another story starts from its beginning.
    const before = changed.get('params') as readonly string[] | undefined;
    if (changed.has('params') && before !== undefined && before[0] !== this.params[0]) this.done = 0;
    // The person's own data is not a script to step through.
    if (this.params[0] === mine) this.presenter = false;
  }

  private step(by: number): void {
    this.done = Math.max(0, Math.min(this.story.steps.length, this.done + by));
  }

  private setPresenter(on: boolean): void {
    this.presenter = on;
    void this.updateComplete.then(() => (on ? this.stage : this.presenterToggle)?.focus());
  }

  override render(): TemplateResult {
    if (this.params[0] === mine) {
      return html`<h2>CRUD vs event sourcing</h2>
        ${this.renderStoryChoice(undefined)}
        <crud-vs-es-mine></crud-vs-es-mine>`;
    }
    const story = this.story;
    // Keep the last frame on screen while the next one is computed, so stepping does not flicker.
    const frame = this.frame.value?.story === story ? this.frame.value : undefined;
    return html`
      <h2>CRUD vs event sourcing</h2>
      ${this.presenter ? nothing : this.renderStoryChoice(story)}
      ${this.renderStage(story)} ${this.renderControls(story)}
      ${this.frame.error === undefined
        ? nothing
        : html`<p class="error" role="alert">The story could not be played: ${String(this.frame.error)}</p>`}
      ${frame?.refusal === undefined ? nothing : html`<p class="error" role="alert">${frame.refusal}</p>`}
      <crud-vs-es-compare .frame=${frame}></crud-vs-es-compare>
      <crud-vs-es-questions .frame=${frame}></crud-vs-es-questions>
    `;
  }

  /** `current` undefined: the person's own data is shown. */
  private renderStoryChoice(current: CrudStory | undefined): TemplateResult {
    return html`<nav aria-label="Story">
      <ul>
        ${crudStories.map(
          (story) => html`<li>
            <a href=${routeHref('crud-vs-es', story.id)} aria-current=${story === current ? 'page' : nothing}>${story.seed}: ${story.title}</a>
          </li>`,
        )}
        <li><a href=${routeHref('crud-vs-es', mine)} aria-current=${current === undefined ? 'page' : nothing}>Use my simulator data</a></li>
      </ul>
    </nav>`;
  }

  private renderStage(story: CrudStory): TemplateResult {
    const last = this.done === 0 ? undefined : story.steps[this.done - 1];
    const next = story.steps[this.done];
    return html`<section class="stage" tabindex="-1" aria-label="Current command" aria-live="polite">
      <p class="step-count">${story.seed} · step ${this.done} of ${story.steps.length}</p>
      ${last === undefined
        ? html`<p class="command">Nothing sent yet</p>
            <p class="narration">Next: ${next?.request}</p>`
        : html`<p class="command">${last.request}</p>
            <p class="narration">${last.narration}</p>`}
    </section>`;
  }

  private renderControls(story: CrudStory): TemplateResult {
    const atEnd = this.done >= story.steps.length;
    return html`<div class="controls" role="group" aria-label="Story controls">
      <button type="button" ?disabled=${this.done === 0} @click=${() => this.step(-1)}>Previous step</button>
      <button type="button" class="primary" ?disabled=${atEnd} @click=${() => this.step(1)}>Next step</button>
      <button type="button" ?disabled=${this.done === 0} @click=${() => (this.done = 0)}>Restart</button>
      <button id="presenter-toggle" type="button" aria-pressed=${this.presenter ? 'true' : 'false'} @click=${() => this.setPresenter(!this.presenter)}>
        Presenter mode
      </button>
      ${this.presenter ? html`<span class="keys">→ or Space: next · ←: back · Esc: leave</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crud-vs-es-page': CrudVsEsPage;
  }
}
