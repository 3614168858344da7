import { css } from 'lit';

/**
 * A status badge in the app's header (the connection indicator, the class one is in): a dot and a few words on the
 * header's colour. `.warn` when it asks for attention (offline, reconnecting, the class paused), `.good` when all is
 * well (the dot turns green).
 */
export const headerBadgeStyles = css`
  .badge {
    display: flex;
    align-items: center;
    gap: var(--wb-space-2);
    margin: 0;
    font-size: 0.85rem;
    padding: var(--wb-space-1) var(--wb-space-2);
    border-radius: var(--wb-radius);
    border: 1px solid rgb(255 255 255 / 0.4);
  }
  .badge.warn {
    color: var(--wb-color-warning);
    background: var(--wb-color-warning-bg);
    border-color: transparent;
  }
  .badge .dot {
    flex: none;
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    background: currentColor;
  }
  .badge.good .dot {
    background: var(--wb-color-success-bg);
    box-shadow: 0 0 0 2px var(--wb-color-success);
  }
`;
