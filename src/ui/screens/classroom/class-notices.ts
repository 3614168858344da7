import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Classroom } from '../../../classroom/classroomSession';
import { ClassroomController } from '../../controllers/classroomController';
import { focusRingStyles } from '../../styles/controlStyles';

/**
 * Above every screen while in a class: the instructor's pause, and each waiting command the server refused once it
 * was sent (which command, and why), until the person dismisses them.
 */
@customElement('class-notices')
export class ClassNotices extends LitElement {
  static override styles = [
    focusRingStyles,
    css`
      :host {
        display: block;
      }
      .notice {
        margin: 0 0 var(--wb-space-3);
        padding: var(--wb-space-3);
        border-radius: var(--wb-radius);
        color: var(--wb-color-warning);
        background: var(--wb-color-warning-bg);
      }
      .refused {
        color: var(--wb-color-danger);
        background: var(--wb-color-danger-bg);
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 var(--wb-space-2);
      }
      ul {
        margin: 0 0 var(--wb-space-2);
        padding-left: 1.2rem;
      }
      button {
        font: inherit;
        color: var(--wb-color-text);
        background: var(--wb-color-surface);
        border: 1px solid var(--wb-color-control-border);
        border-radius: var(--wb-radius);
        padding: var(--wb-space-1) var(--wb-space-2);
        cursor: pointer;
      }
    `,
  ];

  @property({ attribute: false }) classroom: Classroom | undefined;

  private readonly state = new ClassroomController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('classroom')) this.state.follow(this.classroom);
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.state.view;
    if (view.phase !== 'joined') return nothing;
    return html`
      ${view.paused
        ? html`<p class="notice" role="status">
            The instructor has paused class ${view.code}: commands are refused until they resume it.
          </p>`
        : nothing}
      ${view.refusals.length === 0
        ? nothing
        : html`<section class="notice refused" role="alert" aria-labelledby="refused-title">
            <h2 id="refused-title">Not recorded by the class</h2>
            <ul>
              ${view.refusals.map((refusal) => html`<li>${refusal.message}</li>`)}
            </ul>
            <button type="button" @click=${() => this.classroom?.dismissRefusals()}>Dismiss</button>
          </section>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'class-notices': ClassNotices;
  }
}
