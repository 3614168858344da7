import { html, type TemplateResult } from 'lit';

/**
 * Question text with `backticks` shown as code, built as Lit templates (text bindings only), so nothing in the text
 * is ever parsed as HTML.
 */
export function inlineCode(text: string): TemplateResult {
  const parts = text.split('`');
  return html`${parts.map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

/** The same text as a control's accessible name: the backticks dropped. */
export const plainText = (text: string): string => text.replaceAll('`', '');
