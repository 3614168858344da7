import { css } from 'lit';

/** The element is itself a card (the panel look of `panelStyles`, on `:host`); its padding is its own. */
export const cardHostStyles = css`
  :host {
    display: block;
    background: var(--wb-color-surface);
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
  }
`;

/** A compact card's padding and title, as on the time-travel screen. */
export const compactCardStyles = css`
  :host {
    padding: var(--wb-space-2) var(--wb-space-3);
  }
  h3 {
    font-size: 1.05rem;
    margin: 0 0 var(--wb-space-2);
  }
`;
