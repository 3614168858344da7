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
    --wb-focus-ring: 0 0 0 3px rgb(47 91 211 / 0.45);
  }
  :host([theme='dark']) {
    --wb-color-text: #e6e9ef;
    --wb-color-muted: #a3acbd;
    --wb-color-bg: #12151c;
    --wb-color-surface: #1b2029;
    --wb-color-surface-2: #242a35;
    --wb-color-border: #363e4d;
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
    --wb-focus-ring: 0 0 0 3px rgb(143 176 255 / 0.6);
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
