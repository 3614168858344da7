import { css } from 'lit';
import { compactControlStyles, errorBoxStyles, focusRingStyles, primaryButtonStyles } from '../styles/controlStyles';
import { tableStyles } from '../styles/tableStyles';

const sectionStyles = css`
  :host {
    display: grid;
    gap: var(--wb-space-3);
    background: var(--wb-color-surface);
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-3) var(--wb-space-4);
    min-width: 0;
  }
  h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  p {
    margin: 0;
  }
  .explain {
    max-width: 60rem;
  }
  code,
  .mono {
    font-family: var(--wb-font-mono);
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--wb-space-2);
    align-items: center;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .scroll {
    overflow-x: auto;
  }
  .yes {
    color: var(--wb-color-success);
    font-weight: 600;
  }
  .no {
    color: var(--wb-color-muted);
  }
  .refused {
    color: var(--wb-color-danger);
  }
  .verdict {
    padding: var(--wb-space-2) var(--wb-space-3);
    border-radius: var(--wb-radius);
    background: var(--wb-color-accent-bg);
    border-left: 0.3rem solid var(--wb-color-accent);
  }
`;

/** What both halves of the idempotency screen share: a panel, its explanation, its buttons and its result table. */
export const idempotencySectionStyles = [
  sectionStyles,
  compactControlStyles,
  focusRingStyles,
  tableStyles,
  errorBoxStyles,
  primaryButtonStyles,
];
