import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { exampleGroups, type ApiExample } from '../../simulator/apiConsole/examples';
import { panelStyles } from '../styles/theme';

export type ExampleChosenEvent = CustomEvent<{ readonly example: ApiExample }>;

/** The seeds' requests, one click each, grouped by seed. Choosing one tells the console page, which fills the editor. */
@customElement('api-console-examples')
export class ApiConsoleExamples extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
      }
      h4 {
        margin: var(--wb-space-3) 0 var(--wb-space-2);
        font-size: 0.95rem;
      }
      h4:first-of-type {
        margin-top: 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-1);
      }
      button {
        font: inherit;
        font-family: var(--wb-font-mono);
        font-size: 0.8rem;
        text-align: left;
        padding: var(--wb-space-1) var(--wb-space-2);
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        background: var(--wb-color-surface-2);
        color: var(--wb-color-text);
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      button:hover {
        border-color: var(--wb-color-accent);
      }
      button:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
    `,
  ];

  override render(): TemplateResult {
    return html`<section class="panel" aria-labelledby="examples-title">
      <h3 id="examples-title">Examples</h3>
      ${exampleGroups.map(
        (group) => html`<h4 id=${`examples-${group.seed}`}>${group.title}</h4>
          <ul aria-labelledby=${`examples-${group.seed}`}>
            ${group.examples.map(
              (example) => html`<li><button type="button" @click=${() => this.choose(example)}>${example.label}</button></li>`,
            )}
          </ul>`,
      )}
    </section>`;
  }

  private choose(example: ApiExample): void {
    this.dispatchEvent(new CustomEvent('example-chosen', { detail: { example }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'api-console-examples': ApiConsoleExamples;
  }
  interface HTMLElementEventMap {
    'example-chosen': ExampleChosenEvent;
  }
}
