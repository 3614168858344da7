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
  :host {
    display: grid;
    gap: var(--wb-space-3);
  }
  h2 {
    margin: 0;
  }
  .panel {
    display: grid;
    gap: var(--wb-space-3);
  }
`;
