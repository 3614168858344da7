import { css } from 'lit';

/**
 * The theme as CSS custom properties. Set once on `<workbook-app>`'s host; custom properties inherit through
 * shadow roots, so every component reads `var(--wb-...)` and nothing else is global.
 * `theme="dark"` on the host switches the palette; large-font mode scales the root font size, so every rem grows.
 */
export const themeTokens = css`
  :host {
    --wb-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --wb-font-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    --wb-color-text: #1d2330;
    --wb-color-muted: #5a6478;
    --wb-color-bg: #f5f6f8;
    --wb-color-surface: #ffffff;
    --wb-color-surface-2: #eef1f6;
    --wb-color-border: #d5d9e2;
    /* A form field's edge: 3:1 against surface, bg and surface-2 (WCAG 1.4.11), where panel borders may be fainter. */
    --wb-color-control-border: #7a8396;
    --wb-color-accent: #2f5bd3;
    --wb-color-accent-text: #ffffff;
    --wb-color-accent-bg: #e8eefc;
    --wb-color-danger: #b3261e;
    --wb-color-danger-bg: #fdecea;
    --wb-color-success: #1e6b3a;
    --wb-color-success-bg: #e6f4ea;
    --wb-color-warning: #7a4d00;
    --wb-color-warning-bg: #fff4d6;
    --wb-color-header-bg: #1d2330;
    --wb-color-header-text: #ffffff;
    --wb-radius: 6px;
    --wb-space-1: 0.25rem;
    --wb-space-2: 0.5rem;
    --wb-space-3: 1rem;
    --wb-space-4: 1.5rem;
    /* Two rings: the surface colour, then the accent. One of them reaches 3:1 against any background the control
       sits on (panels, the dark header, an accent-filled button), as WCAG 1.4.11 asks of a focus indicator. */
    --wb-focus-ring: 0 0 0 2px var(--wb-color-surface), 0 0 0 4px var(--wb-color-accent);
  }
  :host([theme='dark']) {
    --wb-color-text: #e6e9ef;
    --wb-color-muted: #a3acbd;
    --wb-color-bg: #12151c;
    --wb-color-surface: #1b2029;
    --wb-color-surface-2: #242a35;
    --wb-color-border: #363e4d;
    --wb-color-control-border: #7a8497;
    --wb-color-accent: #8fb0ff;
    --wb-color-accent-text: #0d1424;
    --wb-color-accent-bg: #1f2c4d;
    --wb-color-danger: #ffb4ab;
    --wb-color-danger-bg: #3d1d1a;
    --wb-color-success: #8fd6a4;
    --wb-color-success-bg: #17321f;
    --wb-color-warning: #ffd27a;
    --wb-color-warning-bg: #3a2e10;
    --wb-color-header-bg: #0a0c10;
    --wb-color-header-text: #e6e9ef;
    /* Declared again so that it is computed with the dark surface and accent. */
    --wb-focus-ring: 0 0 0 2px var(--wb-color-surface), 0 0 0 4px var(--wb-color-accent);
  }
`;

/** A card: the panel every screen section sits in. */
export const panelStyles = css`
  .panel {
    background: var(--wb-color-surface);
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-3) var(--wb-space-4);
  }
  h3 {
    font-size: 1.1rem;
    margin: 0 0 var(--wb-space-3);
  }
`;
