import { css } from 'lit';

/** A screen's title (`<h2>`), the same size on every screen that sets one. */
export const pageHeadingStyles = css`
  h2 {
    margin: 0;
    font-size: 1.4rem;
  }
`;

/** A demo screen: its title and panels stacked, each panel's own parts spaced alike. */
export const demoPageStyles = css`
  /* One column no wider than the screen: a long value inside (a stream id in a select) wraps or shrinks in its
     panel instead of pushing the whole page wider than the window. */
  :host {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--wb-space-3);
  }
  h2 {
    margin: 0;
  }
  .panel {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--wb-space-3);
  }
`;

/**
 * A demo that runs a scenario and reports what happened (dual writes, forgetting a customer): prose kept readable,
 * a row of actions, and a report that says good or bad in colour and words.
 */
export const demoReportStyles = css`
  p {
    margin: 0;
    max-width: 60rem;
  }
  h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--wb-space-2);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .report {
    padding: var(--wb-space-2) var(--wb-space-3);
    border-radius: var(--wb-radius);
    background: var(--wb-color-surface-2);
  }
  .report.bad {
    color: var(--wb-color-danger);
    background: var(--wb-color-danger-bg);
  }
  .report.good {
    color: var(--wb-color-success);
    background: var(--wb-color-success-bg);
  }
`;
