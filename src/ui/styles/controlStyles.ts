import { css } from 'lit';

/**
 * Pieces of control styling that many components share word for word. Each is small on purpose: a component takes
 * the pieces it needs and keeps in its own `css` only what differs (its button colours, its paddings), so sharing
 * one piece never restyles a control that was meant to look otherwise.
 */

/** The keyboard focus ring, the same on every kind of control. */
export const focusRingStyles = css`
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: none;
    box-shadow: var(--wb-focus-ring);
  }
`;

/** A label above its control. */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: var(--wb-space-1);
  }
  label {
    font-weight: 600;
    font-size: 0.9rem;
  }
`;

/** Text inputs and selects on the surface colour. */
export const inputStyles = css`
  input,
  select {
    font: inherit;
    padding: var(--wb-space-2);
    border: 1px solid var(--wb-color-control-border);
    border-radius: var(--wb-radius);
    background: var(--wb-color-surface);
    color: var(--wb-color-text);
  }
`;

/** A form's text box shows where typing goes by its border too. Put before `fieldErrorStyles`: an invalid field stays red. */
export const focusedInputBorderStyles = css`
  input:focus-visible,
  select:focus-visible {
    border-color: var(--wb-color-accent);
  }
`;

/** A field's own error, under it, linked by `aria-describedby`. */
export const fieldErrorStyles = css`
  input[aria-invalid='true'] {
    border-color: var(--wb-color-danger);
  }
  .field-error {
    margin: 0;
    color: var(--wb-color-danger);
    font-size: 0.85rem;
  }
`;

/** The filled accent button that sends a form (Send, Place order). */
export const sendButtonStyles = css`
  .send {
    font: inherit;
    font-weight: 600;
    padding: var(--wb-space-2) var(--wb-space-4);
    border: none;
    border-radius: var(--wb-radius);
    background: var(--wb-color-accent);
    color: var(--wb-color-accent-text);
    cursor: pointer;
  }
  .send:disabled {
    opacity: 0.6;
    cursor: progress;
  }
`;

/** Compact controls (the time-travel screen): tighter than in forms. A range slider keeps the browser's look. */
export const compactControlStyles = css`
  select,
  input:not([type='range']),
  button {
    font: inherit;
    color: var(--wb-color-text);
    background: var(--wb-color-surface);
    border: 1px solid var(--wb-color-control-border);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-1) var(--wb-space-2);
  }
  button {
    cursor: pointer;
  }
`;

/** The line under a form that says how the last submit went: `.ok` or `.refused`, hidden while empty. */
export const feedbackStyles = css`
  .feedback {
    margin: 0;
    padding: var(--wb-space-2) var(--wb-space-3);
    border-radius: var(--wb-radius);
  }
  .feedback:empty {
    display: none;
  }
  .ok {
    color: var(--wb-color-success);
    background: var(--wb-color-success-bg);
  }
  .refused {
    color: var(--wb-color-danger);
    background: var(--wb-color-danger-bg);
  }
`;

/** A plain bordered button in the text colour; each component sets its background (surface or surface-2). */
export const plainButtonStyles = css`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--wb-radius);
    padding: var(--wb-space-1) var(--wb-space-3);
    border: 1px solid var(--wb-color-border);
    color: var(--wb-color-text);
  }
`;

/** `button.primary`: the accent-filled button of a screen's main action, beside plain ones. */
export const primaryButtonStyles = css`
  button.primary {
    background: var(--wb-color-accent);
    border-color: var(--wb-color-accent);
    color: var(--wb-color-accent-text);
  }
`;

/** A code editor's textarea: full width, monospace, grows only downwards. Each editor sets its height and padding. */
export const codeTextareaStyles = css`
  textarea {
    box-sizing: border-box;
    width: 100%;
    resize: vertical;
    font-family: var(--wb-font-mono);
    font-size: 0.9rem;
    border: 1px solid var(--wb-color-control-border);
    border-radius: var(--wb-radius);
    background: var(--wb-color-surface);
    color: var(--wb-color-text);
  }
`;

/** `.error`: what failed, in a danger-coloured box (a screen's load or run that did not finish). */
export const errorBoxStyles = css`
  .error {
    color: var(--wb-color-danger);
    background: var(--wb-color-danger-bg);
    padding: var(--wb-space-2) var(--wb-space-3);
    border-radius: var(--wb-radius);
  }
`;

/** Links in the accent colour, with the same focus ring as every control. */
export const linkStyles = css`
  a {
    color: var(--wb-color-accent);
  }
  a:focus-visible {
    outline: none;
    box-shadow: var(--wb-focus-ring);
  }
`;
