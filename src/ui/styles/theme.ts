import { css } from 'lit';

/**
 * The theme as CSS custom properties. Set once on `<workbook-app>`'s host; custom properties inherit through
 * shadow roots, so every component reads `var(--wb-...)` and nothing else is global.
 */
export const themeTokens = css`
  :host {
    --wb-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --wb-font-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    --wb-color-text: #1d2330;
    --wb-color-muted: #5a6478;
    --wb-color-bg: #f5f6f8;
    --wb-color-surface: #ffffff;
    --wb-color-border: #d5d9e2;
    --wb-color-accent: #2f5bd3;
    --wb-color-accent-text: #ffffff;
    --wb-color-danger: #b3261e;
    --wb-color-danger-bg: #fdecea;
    --wb-color-success: #1e6b3a;
    --wb-color-success-bg: #e6f4ea;
    --wb-color-header-bg: #1d2330;
    --wb-color-header-text: #ffffff;
    --wb-radius: 6px;
    --wb-space-1: 0.25rem;
    --wb-space-2: 0.5rem;
    --wb-space-3: 1rem;
    --wb-space-4: 1.5rem;
    --wb-focus-ring: 0 0 0 3px rgb(47 91 211 / 0.35);
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
