import { css } from 'lit';
import { feedbackStyles, fieldErrorStyles, fieldStyles, focusRingStyles, focusedInputBorderStyles, inputStyles } from './controlStyles';

/** Fields, buttons and feedback shared by the simulator screen's panels (command forms, log toolbar, projections). */
export const simulatorFormStyles = css`
  form {
    display: grid;
    gap: var(--wb-space-3);
  }
  ${fieldStyles}
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
  ${inputStyles}
  input,
  select {
    min-width: 0;
  }
  input[type='range'] {
    padding: 0;
    border: none;
    accent-color: var(--wb-color-accent);
  }
  ${focusRingStyles}
  ${focusedInputBorderStyles}
  ${fieldErrorStyles}
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
  ${feedbackStyles}
  .feedback {
    overflow-wrap: anywhere;
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
