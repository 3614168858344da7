import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StoryFrame } from '../../simulator/history/storyRunner';
import type { StoryAnswer } from '../../simulator/history/storyQuestions';
import { cardHostStyles } from '../styles/cardStyles';
import { focusRingStyles } from '../styles/controlStyles';

/**
 * Questions about the past, each answered twice: by the CRUD row and by the events. The question is a button so an
 * instructor can let the room guess before revealing; an open answer follows the story as it steps.
 */
@customElement('crud-vs-es-questions')
export class CrudVsEsQuestions extends LitElement {
  static override styles = [
    cardHostStyles,
    focusRingStyles,
    css`
      :host {
        padding: 0.75em 1em;
      }
      h3 {
        margin: 0 0 0.5em;
        font-size: 1.15em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75em;
      }
      button {
        font: inherit;
        font-weight: 700;
        text-align: left;
        color: var(--wb-color-accent);
        background: var(--wb-color-accent-bg);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        padding: 0.35em 0.75em;
        cursor: pointer;
      }
      .answers {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.5em;
        margin-top: 0.5em;
      }
      .answers[hidden] {
        display: none;
      }
      @media (max-width: 52rem) {
        .answers {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .answer {
        border-radius: var(--wb-radius);
        padding: 0.4em 0.75em;
      }
      .answer strong {
        display: block;
        font-size: 0.85em;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .known {
        background: var(--wb-color-success-bg);
        color: var(--wb-color-success);
      }
      .unknown {
        background: var(--wb-color-danger-bg);
        color: var(--wb-color-danger);
      }
    `,
  ];

  @property({ attribute: false }) frame: StoryFrame | undefined;

  @state() private revealed = new Set<string>();

  override render(): TemplateResult | typeof nothing {
    const frame = this.frame;
    if (frame === undefined) return nothing;
    return html`<section aria-labelledby="questions-title">
      <h3 id="questions-title">Questions about the past</h3>
      <ul>
        ${frame.answers.map(({ question, fromCrud, fromEvents }) => {
          const open = this.revealed.has(question.id);
          return html`<li>
            <button type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="answers-${question.id}" @click=${() => this.toggle(question.id)}>
              ${question.text}
            </button>
            <div class="answers" id="answers-${question.id}" role="group" aria-label="Answers: ${question.text}" ?hidden=${!open}>
              ${this.renderAnswer('CRUD says', fromCrud)} ${this.renderAnswer('The events say', fromEvents)}
            </div>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderAnswer(who: string, answer: StoryAnswer): TemplateResult {
    return html`<p class="answer ${answer.known ? 'known' : 'unknown'}" aria-label="${who}: ${answer.text}">
      <strong>${who}</strong>${answer.text}
    </p>`;
  }

  /** An answer stays open across steps, so the room watches CRUD's answer turn into "unknown". */
  private toggle(id: string): void {
    const next = new Set(this.revealed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.revealed = next;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crud-vs-es-questions': CrudVsEsQuestions;
  }
}
