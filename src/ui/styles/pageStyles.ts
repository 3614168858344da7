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
