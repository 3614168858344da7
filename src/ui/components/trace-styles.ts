import { css } from 'lit';

/**
 * One colour per service lane, shared by the tree and the waterfall so a person matches them at a glance. Theme
 * tokens only, so the dark theme recolours them; the lane's name is always written beside the colour too.
 */
export const serviceColourStyles = css`
  .lane-order {
    --lane: var(--wb-color-accent);
  }
  .lane-payment {
    --lane: var(--wb-color-success);
  }
  .lane-inventory {
    --lane: var(--wb-color-warning);
  }
  .lane-saga {
    --lane: var(--wb-color-danger);
  }
  .lane-user,
  .lane-other {
    --lane: var(--wb-color-muted);
  }
`;
