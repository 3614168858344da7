import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** PLACEHOLDER during this session: the helper that owns this screen replaces this file. */
@customElement('exercise06-page')
export class Exercise06Page extends LitElement {
  @property({ attribute: false }) params: readonly string[] = [];

  override render(): TemplateResult {
    return html`<h2>Exercise 06</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-page': Exercise06Page;
  }
}
