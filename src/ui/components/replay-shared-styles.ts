import { css } from 'lit';
import { errorBoxStyles, plainButtonStyles, primaryButtonStyles } from '../styles/controlStyles';

/** Buttons, fields and status lines shared by the replay, snapshot and architecture screens (projector-sized). */
export const demoControlStyles = css`
  button,
  input,
  select {
    font: inherit;
  }
  ${plainButtonStyles}
  button {
    background: var(--wb-color-surface-2);
  }
  ${primaryButtonStyles}
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  input,
  select {
    color: var(--wb-color-text);
    background: var(--wb-color-surface);
    border: 1px solid var(--wb-color-control-border);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-1) var(--wb-space-2);
  }
  input[type='range'] {
    padding: 0;
    accent-color: var(--wb-color-accent);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  a:focus-visible {
    outline: none;
    box-shadow: var(--wb-focus-ring);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--wb-space-2) var(--wb-space-3);
    align-items: center;
  }
  label.field {
    display: inline-flex;
    gap: var(--wb-space-2);
    align-items: center;
    /* A long stream id in the select shrinks it to the panel (the option still reads whole when opened), rather
       than pushing the page wider than the screen. */
    max-width: 100%;
    min-width: 0;
  }
  label.field select {
    min-width: 0;
    max-width: 100%;
    text-overflow: ellipsis;
  }
  .lead {
    color: var(--wb-color-muted);
    max-width: 60rem;
    margin: 0 0 var(--wb-space-3);
  }
  .ok {
    color: var(--wb-color-success);
    background: var(--wb-color-success-bg);
    padding: var(--wb-space-2) var(--wb-space-3);
    border-radius: var(--wb-radius);
  }
  ${errorBoxStyles}
  progress {
    width: 100%;
    max-width: 30rem;
    height: 1rem;
    accent-color: var(--wb-color-accent);
  }
`;
