import { html, type TemplateResult } from 'lit';

/**
 * Text that may wrap only between its parts: after `-`, `_`, `:`, `/` and `@`, and before `.`. An id, an email or a
 * stream name wraps as `customer-0f6c1e2a-` / `94d1-…` or `procurement.department` / `@example.com`, never
 * letter by letter, and a table column holding one can be narrower than the whole value (a browser counts each part
 * as the narrowest the column may be, not the whole token).
 */
export function breakable(text: string): TemplateResult | string {
  const parts = breakableParts(text);
  if (parts.length === 1) return text;
  return html`${parts.map((part, index) => (index === 0 ? part : html`<wbr />${part}`))}`;
}

/** The parts `breakable` may wrap between; joined, they give the text back. */
export function breakableParts(text: string): string[] {
  return text.split(/(?<=[-_:/@])|(?=\.)/);
}
