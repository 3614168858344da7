import { css } from 'lit';
import { plainButtonStyles, primaryButtonStyles } from '../styles/controlStyles';

/** Shared look of the coding exercises screen: buttons, badges, code blocks; theme tokens only. */
export const exerciseStyles = css`
  :host {
    display: block;
  }
  button,
  input,
  textarea,
  select {
    font: inherit;
  }
  ${plainButtonStyles}
  button {
    background: var(--wb-color-surface);
  }
  ${primaryButtonStyles}
  button.danger {
    color: var(--wb-color-danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  a:focus-visible,
  textarea:focus-visible,
  input:focus-visible,
  label.file:focus-within {
    outline: none;
    box-shadow: var(--wb-focus-ring);
  }
  a {
    color: var(--wb-color-accent);
  }
  pre,
  code {
    font-family: var(--wb-font-mono);
    font-size: 0.85rem;
  }
  pre {
    background: var(--wb-color-surface-2);
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-2) var(--wb-space-3);
    overflow: auto;
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--wb-space-2);
    align-items: center;
  }
  .muted {
    color: var(--wb-color-muted);
  }
  .alert {
    color: var(--wb-color-danger);
    background: var(--wb-color-danger-bg);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-2) var(--wb-space-3);
    white-space: pre-wrap;
  }
  .ok {
    color: var(--wb-color-success);
    background: var(--wb-color-success-bg);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-2) var(--wb-space-3);
  }
  .confirm {
    border: 1px solid var(--wb-color-warning);
    background: var(--wb-color-warning-bg);
    color: var(--wb-color-text);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-2) var(--wb-space-3);
    display: flex;
    flex-wrap: wrap;
    gap: var(--wb-space-2);
    align-items: center;
  }
  .confirm p {
    margin: 0;
    flex: 1 1 16rem;
  }
`;
