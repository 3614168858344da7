import { css } from 'lit';
import { fieldStyles, focusRingStyles, inputStyles } from '../styles/controlStyles';

/** Controls, progress and feedback shared by the Data and Concurrency screens' panels. */
export const dataControlStyles = css`
  :host {
    display: block;
  }
  p {
    margin: 0 0 var(--wb-space-2);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--wb-space-2) var(--wb-space-3);
    align-items: end;
    margin-bottom: var(--wb-space-3);
  }
  ${fieldStyles}
  ${inputStyles}
  input[type='number'] {
    width: 9rem;
  }
  button {
    font: inherit;
    font-weight: 600;
    padding: var(--wb-space-2) var(--wb-space-3);
    border: 1px solid var(--wb-color-accent);
    border-radius: var(--wb-radius);
    background: var(--wb-color-accent);
    color: var(--wb-color-accent-text);
    cursor: pointer;
  }
  button.secondary {
    background: var(--wb-color-surface);
    color: var(--wb-color-accent);
  }
  button.danger {
    background: var(--wb-color-danger);
    border-color: var(--wb-color-danger);
    color: var(--wb-color-surface);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  ${focusRingStyles}
  .progress {
    display: grid;
    gap: var(--wb-space-1);
    margin: var(--wb-space-2) 0;
  }
  .progress label {
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }
  progress {
    width: 100%;
    height: 0.9rem;
    accent-color: var(--wb-color-accent);
  }
  .note {
    color: var(--wb-color-muted);
    font-size: 0.9rem;
  }
  .ok,
  .error {
    padding: var(--wb-space-2) var(--wb-space-3);
    border-radius: var(--wb-radius);
    margin: var(--wb-space-2) 0 0;
  }
  .ok {
    color: var(--wb-color-success);
    background: var(--wb-color-success-bg);
  }
  .error {
    color: var(--wb-color-danger);
    background: var(--wb-color-danger-bg);
    overflow-wrap: anywhere;
  }
  code {
    font-family: var(--wb-font-mono);
    font-size: 0.9em;
  }
`;

/** 100000 → "100,000": counts read at a glance. */
export const count = (value: number): string => value.toLocaleString('en-US');
