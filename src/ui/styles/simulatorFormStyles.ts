import { css } from 'lit';

/** Fields, buttons and feedback shared by the simulator screen's panels (command forms, log toolbar, projections). */
export const simulatorFormStyles = css`
  form {
    display: grid;
    gap: var(--wb-space-3);
  }
  .field {
    display: grid;
    gap: var(--wb-space-1);
  }
  label {
    font-weight: 600;
    font-size: 0.9rem;
  }
  .optional,
  .explains,
  .note {
    font-weight: 400;
    color: var(--wb-color-muted);
  }
  .explains {
    margin: 0;
    font-size: 0.9rem;
  }
  input,
  select {
    font: inherit;
    min-width: 0;
    padding: var(--wb-space-2);
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    background: var(--wb-color-surface);
    color: var(--wb-color-text);
  }
  input[type='range'] {
    padding: 0;
    border: none;
    accent-color: var(--wb-color-accent);
  }
  input:focus-visible,
  select:focus-visible {
    outline: none;
    border-color: var(--wb-color-accent);
    box-shadow: var(--wb-focus-ring);
  }
  input[aria-invalid='true'] {
    border-color: var(--wb-color-danger);
  }
  .field-error {
    margin: 0;
    color: var(--wb-color-danger);
    font-size: 0.85rem;
  }
  button {
    font: inherit;
    font-weight: 600;
    padding: var(--wb-space-1) var(--wb-space-3);
    border: 1px solid var(--wb-color-accent);
    border-radius: var(--wb-radius);
    background: var(--wb-color-surface);
    color: var(--wb-color-accent);
    cursor: pointer;
  }
  button.primary {
    justify-self: start;
    padding: var(--wb-space-2) var(--wb-space-4);
    border-color: transparent;
    background: var(--wb-color-accent);
    color: var(--wb-color-accent-text);
  }
  button[aria-pressed='true'] {
    background: var(--wb-color-accent-bg);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--wb-focus-ring);
  }
  .feedback {
    margin: 0;
    padding: var(--wb-space-2) var(--wb-space-3);
    border-radius: var(--wb-radius);
    overflow-wrap: anywhere;
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
  .warning {
    color: var(--wb-color-warning);
    background: var(--wb-color-warning-bg);
  }
  .mono {
    font-family: var(--wb-font-mono);
    overflow-wrap: anywhere;
  }
`;
