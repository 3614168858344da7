import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Classroom, ClassroomView } from '../../../classroom/classroomSession';
import { maxNameLength } from '../../../classroom/classroomLimits';
import { ClassroomController } from '../../controllers/classroomController';
import { fieldStyles, focusRingStyles, inputStyles, sendButtonStyles } from '../../styles/controlStyles';
import { headerBadgeStyles } from '../../styles/headerBadgeStyles';

type Joined = Extract<ClassroomView, { phase: 'joined' }>;

const connectionText: Readonly<Record<Joined['connection'], string>> = {
  connecting: 'connecting…',
  connected: 'connected',
  reconnecting: 'reconnecting…',
  offline: 'offline',
};

/** What the header says about the class, in one line a screen reader reads as the status. */
export function classStatusText(view: Joined): string {
  const waiting = view.waiting > 0 ? `, ${view.waiting} waiting` : '';
  const paused = view.paused ? ' (paused by the instructor)' : '';
  return `Joined as ${view.name} in class ${view.code}: ${connectionText[view.connection]}${waiting}${paused}`;
}

/**
 * The header's classroom control. In this browser's own store: a "Join a class" button that opens the join dialog
 * (class code, display name, server address, which defaults to this page's own). In a class: who, where, the
 * connection and the commands waiting to be sent, and "Leave the class".
 */
@customElement('class-join')
export class ClassJoin extends LitElement {
  static override styles = [
    headerBadgeStyles,
    focusRingStyles,
    fieldStyles,
    inputStyles,
    sendButtonStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: var(--wb-space-2);
        min-width: 0;
      }
      .header-button {
        font: inherit;
        font-size: 0.9rem;
        color: inherit;
        background: transparent;
        border: 1px solid rgb(255 255 255 / 0.4);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-1) var(--wb-space-2);
        cursor: pointer;
      }
      dialog {
        color: var(--wb-color-text);
        background: var(--wb-color-surface);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-4);
        width: min(30rem, 90vw);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      dialog h2 {
        margin: 0 0 var(--wb-space-2);
        font-size: 1.2rem;
      }
      dialog p {
        margin: 0 0 var(--wb-space-3);
        color: var(--wb-color-muted);
      }
      form {
        display: grid;
        gap: var(--wb-space-3);
      }
      .hint {
        font-size: 0.85rem;
        color: var(--wb-color-muted);
      }
      .error {
        margin: 0;
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
      }
      .actions {
        display: flex;
        gap: var(--wb-space-2);
        justify-content: flex-end;
      }
      .cancel {
        font: inherit;
        padding: var(--wb-space-2) var(--wb-space-3);
        border: 1px solid var(--wb-color-control-border);
        border-radius: var(--wb-radius);
        background: var(--wb-color-surface);
        color: var(--wb-color-text);
        cursor: pointer;
      }
    `,
  ];

  @property({ attribute: false }) classroom: Classroom | undefined;
  /** Loads classroom mode (its code is fetched only when a person first wants to join); sets `classroom`. */
  @property({ attribute: false }) loadClassroom: (() => Promise<Classroom>) | undefined;

  @state() private error: string | undefined;
  @state() private joining = false;
  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private readonly state = new ClassroomController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('classroom')) this.state.follow(this.classroom);
  }

  override render(): TemplateResult {
    const view = this.state.view;
    return html`${view.phase === 'joined' ? this.renderJoined(view) : this.renderJoinButton()}${this.renderDialog()}`;
  }

  private renderJoinButton(): TemplateResult {
    return html`<button type="button" class="header-button" ?disabled=${this.loadClassroom === undefined} @click=${() => this.open()}>
      Join a class
    </button>`;
  }

  private renderJoined(view: Joined): TemplateResult {
    // Connecting is neither: no green dot yet, nothing to worry about either.
    const tone = view.paused || view.connection === 'offline' || view.connection === 'reconnecting' ? 'warn' : view.connection === 'connected' ? 'good' : '';
    return html`<p class="badge ${tone}" role="status"><span class="dot" aria-hidden="true"></span><span>${classStatusText(view)}</span></p>
      <button type="button" class="header-button" @click=${() => this.leave(view)}>Leave the class</button>`;
  }

  private renderDialog(): TemplateResult {
    return html`<dialog aria-labelledby="join-title" @close=${() => (this.error = undefined)}>
      <h2 id="join-title">Join a class</h2>
      <p>Your commands go to the class's shared event log; your own data stays in this browser, untouched, until you leave.</p>
      <form @submit=${(event: SubmitEvent) => void this.submit(event)}>
        <div class="field">
          <label for="class-code">Class code</label>
          <input id="class-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" required maxlength="32" />
        </div>
        <div class="field">
          <label for="class-name">Your name</label>
          <input id="class-name" name="name" autocomplete="nickname" required maxlength=${maxNameLength} />
        </div>
        <div class="field">
          <label for="class-server">Server address</label>
          <input id="class-server" name="server" type="url" .value=${location.origin} aria-describedby="class-server-hint" />
          <span class="hint" id="class-server-hint">The class server serves this page, so this is its address. For another server, open the address it printed and join there.</span>
        </div>
        ${this.error === undefined ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
        <div class="actions">
          <button type="button" class="cancel" @click=${() => this.dialog.close()}>Cancel</button>
          <button type="submit" class="send" ?disabled=${this.joining}>${this.joining ? 'Joining…' : 'Join'}</button>
        </div>
      </form>
    </dialog>`;
  }

  private open(): void {
    this.error = undefined;
    this.dialog.showModal();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.joining || this.loadClassroom === undefined) return;
    const form = new FormData(event.target as HTMLFormElement);
    this.joining = true;
    this.error = undefined;
    try {
      const classroom = this.classroom ?? (await this.loadClassroom());
      await classroom.join({ code: String(form.get('code') ?? ''), name: String(form.get('name') ?? ''), server: String(form.get('server') ?? '') });
      this.dialog.close();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.joining = false;
    }
  }

  private leave(view: Joined): void {
    if (view.waiting > 0 && !confirm(`${view.waiting} command(s) are still waiting to be sent. Leave the class and drop them?`)) return;
    this.classroom?.leave();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'class-join': ClassJoin;
  }
}
