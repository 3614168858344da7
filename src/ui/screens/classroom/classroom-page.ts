import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { checkClassCode, createClassroomApi, type ClassroomApi, type InstructorReport } from '../../../classroom/classroomApi';
import { workbookProjections } from '../../../projections/allProjections';
import { panelStyles } from '../../styles/theme';
import { demoPageStyles } from '../../styles/pageStyles';
import { compactControlStyles, fieldStyles, focusRingStyles, inputStyles } from '../../styles/controlStyles';
import { tableStyles } from '../../styles/tableStyles';
import { PollController } from './pollController';
import './student-lag-chart';

/** Where the instructor's token is kept: this tab only, gone when it closes (never localStorage). */
export const instructorKey = 'event-workbook.classroom.instructor';

type Opened = { readonly code: string; readonly token: string };

function openedClass(): Opened | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(instructorKey) ?? 'null') as Opened | null;
    return saved !== null && typeof saved.code === 'string' && typeof saved.token === 'string' ? saved : undefined;
  } catch {
    return undefined;
  }
}

const rate = (perSecond: number) => (Number.isInteger(perSecond) ? String(perSecond) : perSecond.toFixed(1));

/**
 * `#/classroom/instructor`: the instructor's view of a class on the classroom server this page came from. Who is
 * connected, commands and conflicts per second, each student's projection lag as a bar, and the class's controls:
 * pause / resume, reset (typing the class code to confirm), replay a projection in every student's browser.
 */
@customElement('classroom-page')
export class ClassroomPage extends LitElement {
  static override styles = [
    panelStyles,
    demoPageStyles,
    compactControlStyles,
    focusRingStyles,
    fieldStyles,
    inputStyles,
    tableStyles,
    css`
      p {
        margin: 0;
        max-width: 60rem;
      }
      form,
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--wb-space-3);
      }
      .figures {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-4);
        margin: 0;
      }
      .figures div {
        display: grid;
      }
      .figures dt {
        color: var(--wb-color-muted);
        font-size: 0.85rem;
      }
      .figures dd {
        margin: 0;
        font-size: 1.6rem;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .paused {
        color: var(--wb-color-warning);
      }
      .error {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
      }
      .done {
        color: var(--wb-color-success);
      }
      button.danger {
        color: var(--wb-color-danger);
        border-color: var(--wb-color-danger);
      }
      button:disabled {
        opacity: 0.55;
        cursor: default;
      }
    `,
  ];

  /** The hash's segments after `classroom` (`instructor`). */
  @property({ attribute: false }) params: readonly string[] = [];

  @state() private opened: Opened | undefined = openedClass();
  @state() private report: InstructorReport | undefined;
  @state() private error: string | undefined;
  @state() private done: string | undefined;
  @state() private resetTyped = '';
  @state() private busy = false;

  private api: ClassroomApi | undefined;
  /** The instructor's figures, read again every second while the screen is open. */
  protected readonly poll = new PollController(this, 1000, () => this.refresh());

  override render(): TemplateResult {
    return html`
      <h2>Classroom: instructor</h2>
      <p>
        A class shares one event log on the classroom server (<code>npm run classroom</code> prints its address, the class code and
        your instructor token). Students join from the header's <strong>Join a class</strong>; their commands are decided in their
        browsers and recorded here, where two students' commands on one order conflict for real.
      </p>
      ${this.opened === undefined ? this.renderOpen() : this.renderClass(this.opened)}
    `;
  }

  private renderOpen(): TemplateResult {
    return html`<section class="panel" aria-labelledby="open-title">
      <h3 id="open-title">Open your class</h3>
      <form @submit=${(event: SubmitEvent) => this.openClass(event)}>
        <div class="field">
          <label for="instructor-code">Class code</label>
          <input id="instructor-code" name="code" autocomplete="off" spellcheck="false" required />
        </div>
        <div class="field">
          <label for="instructor-token">Instructor token</label>
          <input id="instructor-token" name="token" type="password" autocomplete="off" required />
        </div>
        <button type="submit">Open the class</button>
      </form>
      <p>The token is kept in this tab only, until it closes.</p>
      ${this.error === undefined ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
    </section>`;
  }

  private renderClass(opened: Opened): TemplateResult {
    const report = this.report;
    return html`
      <section class="panel" aria-labelledby="class-title">
        <h3 id="class-title">Class ${opened.code}</h3>
        ${report === undefined
          ? html`<p role="status">Reading the class…</p>`
          : html`<dl class="figures">
              <div><dt>Events in the log</dt><dd>${report.head}</dd></div>
              <div><dt>Commands per second</dt><dd>${rate(report.commandsPerSecond)}</dd></div>
              <div><dt>Conflicts per second</dt><dd>${rate(report.conflictsPerSecond)}</dd></div>
              <div><dt>Students connected</dt><dd>${report.students.filter((student) => student.connected).length} of ${report.students.length}</dd></div>
              <div><dt>Class</dt><dd class=${report.paused ? 'paused' : ''}>${report.paused ? 'Paused' : 'Running'}</dd></div>
            </dl>`}
        ${this.error === undefined ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
        ${this.done === undefined ? nothing : html`<p class="done" role="status">${this.done}</p>`}
      </section>
      ${report === undefined ? nothing : this.renderStudents(report)} ${report === undefined ? nothing : this.renderControls(opened, report)}
    `;
  }

  private renderStudents(report: InstructorReport): TemplateResult {
    return html`<section class="panel" aria-labelledby="students-title">
      <h3 id="students-title">Students</h3>
      <table>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Connected</th><th scope="col">Checkpoint</th><th scope="col">Lag (events)</th></tr>
        </thead>
        <tbody>
          ${report.students.map(
            (student) => html`<tr>
              <td>${student.name}</td>
              <td>${student.connected ? 'yes' : 'no'}</td>
              <td>${student.checkpoint} of ${report.head}</td>
              <td>${student.lag}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h3>Projection lag</h3>
      <student-lag-chart .students=${report.students}></student-lag-chart>
    </section>`;
  }

  private renderControls(opened: Opened, report: InstructorReport): TemplateResult {
    return html`<section class="panel" aria-labelledby="controls-title">
      <h3 id="controls-title">Controls</h3>
      <div class="row">
        <button type="button" ?disabled=${this.busy} @click=${() => void this.act(report.paused ? 'Class resumed.' : 'Class paused.', (api, token) => api.pause(token, !report.paused))}>
          ${report.paused ? 'Resume the class' : 'Pause the class'}
        </button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.close()}>Close (forget the token)</button>
      </div>
      <form @submit=${(event: SubmitEvent) => this.replay(event)}>
        <div class="field">
          <label for="replay-projection">Projection</label>
          <select id="replay-projection" name="projection">
            ${workbookProjections.map((projection) => html`<option value=${projection.name}>${projection.name}</option>`)}
          </select>
        </div>
        <button type="submit" ?disabled=${this.busy}>Replay in every browser</button>
      </form>
      <form @submit=${(event: SubmitEvent) => this.reset(event, opened)}>
        <div class="field">
          <label for="reset-confirm">Type the class code to reset its log</label>
          <input id="reset-confirm" autocomplete="off" spellcheck="false" .value=${this.resetTyped} @input=${(event: InputEvent) => (this.resetTyped = (event.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" class="danger" ?disabled=${this.busy || this.resetTyped.trim().toUpperCase() !== opened.code}>Reset the class log</button>
      </form>
      <p>A reset deletes every event of the class, for every student. It cannot be undone.</p>
    </section>`;
  }

  private openClass(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const code = checkClassCode(String(form.get('code') ?? ''));
      const token = String(form.get('token') ?? '').trim();
      if (token === '') throw new Error('Type the instructor token the class server printed.');
      this.opened = { code, token };
      this.error = undefined;
      sessionStorage.setItem(instructorKey, JSON.stringify(this.opened));
      this.api = undefined;
      void this.refresh();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private close(): void {
    sessionStorage.removeItem(instructorKey);
    this.opened = undefined;
    this.report = undefined;
    this.error = undefined;
    this.done = undefined;
    this.api = undefined;
  }

  private apiFor(opened: Opened): ClassroomApi {
    this.api ??= createClassroomApi({ server: location.origin, code: opened.code });
    return this.api;
  }

  private async refresh(): Promise<void> {
    const opened = this.opened;
    if (opened === undefined) return;
    try {
      const report = await this.apiFor(opened).instructor(opened.token);
      if (this.opened !== opened) return;
      this.report = report;
      if (this.error !== undefined && !this.busy) this.error = undefined;
    } catch (error) {
      if (this.opened !== opened) return;
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async act(done: string, action: (api: ClassroomApi, token: string) => Promise<void>): Promise<void> {
    const opened = this.opened;
    if (opened === undefined || this.busy) return;
    this.busy = true;
    this.done = undefined;
    this.error = undefined;
    try {
      await action(this.apiFor(opened), opened.token);
      this.done = done;
      await this.refresh();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private replay(event: SubmitEvent): void {
    event.preventDefault();
    const projection = String(new FormData(event.target as HTMLFormElement).get('projection') ?? '');
    void this.act(`Every browser in the class is replaying ${projection}.`, (api, token) => api.replay(token, projection));
  }

  private reset(event: SubmitEvent, opened: Opened): void {
    event.preventDefault();
    if (this.resetTyped.trim().toUpperCase() !== opened.code) return;
    void this.act(`Class ${opened.code} was reset: its log is empty.`, async (api, token) => {
      await api.reset(token, opened.code);
      this.resetTyped = '';
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'classroom-page': ClassroomPage;
  }
}
