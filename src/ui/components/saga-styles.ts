import { css } from 'lit';
import { panelStyles } from '../styles/theme';
import { focusRingStyles } from '../styles/controlStyles';

/** What every panel of the Saga screen shares: the card, its title, muted notes, the focus ring. */
export const sagaPanelStyles = [
  panelStyles,
  focusRingStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .panel {
      height: 100%;
      box-sizing: border-box;
    }
    p {
      margin: 0 0 var(--wb-space-2);
    }
    .note {
      color: var(--wb-color-muted);
      font-size: 0.9rem;
    }
    a {
      color: var(--wb-color-accent);
    }
    a:focus-visible {
      outline: none;
      box-shadow: var(--wb-focus-ring);
      border-radius: 2px;
    }
  `,
];

/** A saga's status as a small coloured badge: running and compensating in warning colours, each end in its own. */
export const sagaStatusStyles = css`
  .status {
    display: inline-block;
    padding: 0 var(--wb-space-2);
    border-radius: 999px;
    font-size: 0.85rem;
    font-weight: 600;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .status.completed {
    color: var(--wb-color-success);
    background: var(--wb-color-success-bg);
  }
  .status.compensated {
    color: var(--wb-color-danger);
    background: var(--wb-color-danger-bg);
  }
  /* Confirmed, then cancelled by a person and undone: neither the saga's success nor its failure. */
  .status.cancelled {
    color: var(--wb-color-muted);
    background: var(--wb-color-surface);
    border-style: dashed;
  }
  .status.running,
  .status.compensating {
    color: var(--wb-color-warning);
    background: var(--wb-color-warning-bg);
  }
`;
