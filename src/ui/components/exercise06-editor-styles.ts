import { css } from 'lit';
import { visuallyHiddenStyles } from '../styles/visuallyHiddenStyles';

/** Shared look of the Exercise 06 editors: labelled fields, monospace where the answer is code. */
export const editorStyles = css`
  :host {
    display: block;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin: var(--wb-space-3) 0 var(--wb-space-1);
  }
  textarea,
  select,
  input {
    font: inherit;
    color: var(--wb-color-text);
    background: var(--wb-color-surface);
    border: 1px solid var(--wb-color-control-border);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-2);
    box-sizing: border-box;
  }
  textarea {
    width: 100%;
    min-height: 5rem;
    resize: vertical;
    line-height: 1.45;
  }
  textarea.code {
    font-family: var(--wb-font-mono);
    font-size: 0.9rem;
    white-space: pre;
    overflow-x: auto;
    tab-size: 2;
  }
  textarea:focus-visible,
  select:focus-visible,
  input:focus-visible,
  button:focus-visible {
    outline: none;
    box-shadow: var(--wb-focus-ring);
  }
  fieldset {
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    margin: var(--wb-space-3) 0;
    padding: var(--wb-space-2) var(--wb-space-3) var(--wb-space-3);
  }
  legend {
    font-weight: 700;
    padding: 0 var(--wb-space-1);
  }
  fieldset label:first-of-type {
    margin-top: var(--wb-space-1);
  }
  ${visuallyHiddenStyles}
  .help {
    color: var(--wb-color-muted);
    font-size: 0.9rem;
    margin: var(--wb-space-1) 0;
  }
  .error {
    color: var(--wb-color-danger);
    background: var(--wb-color-danger-bg);
    padding: var(--wb-space-1) var(--wb-space-2);
    border-radius: var(--wb-radius);
    margin: var(--wb-space-1) 0;
  }
  .ok {
    color: var(--wb-color-success);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border: 1px solid var(--wb-color-border);
    padding: var(--wb-space-1) var(--wb-space-2);
    text-align: left;
    vertical-align: top;
  }
  th {
    background: var(--wb-color-surface-2);
  }
`;

/**
 * What an editor sends up when the student changes its part: the requirement section's new body. The page splices
 * it into answers.md and schedules the autosave.
 */
export type BodyChangeEvent = CustomEvent<{ readonly body: string }>;

export const bodyChange = (body: string): BodyChangeEvent =>
  new CustomEvent('body-change', { detail: { body }, bubbles: true, composed: true });

/**
 * Typed text an editor keeps as the student wrote it, until its section changes from elsewhere (import, another
 * step). Without it, re-deriving a field from the spliced markdown would drop a trailing newline mid-typing.
 */
export class Drafts {
  private readonly values = new Map<string, string>();
  private emitted: string | undefined;

  /** Forgets the drafts when `body` is not the one this editor last sent (it came from elsewhere). */
  sync(body: string): void {
    // The page trims blank lines at a section's ends when it splices; that is not a change from elsewhere.
    if (body.trim() !== this.emitted?.trim()) this.values.clear();
    this.emitted = body;
  }

  value(key: string, derived: string): string {
    return this.values.get(key) ?? derived;
  }

  /** Records a typed value and the body it produced. */
  set(key: string, value: string, body: string): void {
    this.values.set(key, value);
    this.emitted = body;
  }
}

/** Enough rows to show an answer without scrolling, within reason (a long answer still scrolls). */
export const rowsFor = (text: string, minimum = 4, maximum = 16): number => {
  const lines = text.split('\n').reduce((count, line) => count + Math.max(1, Math.ceil(line.length / 90)), 0);
  return Math.min(maximum, Math.max(minimum, lines + 1));
};
