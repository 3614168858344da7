import { css } from 'lit';

/** A plain data table: full width, a rule under each row, cells read from the top. */
export const tableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9rem;
  }
  th,
  td {
    text-align: left;
    padding: var(--wb-space-1) var(--wb-space-2);
    border-bottom: 1px solid var(--wb-color-border);
    vertical-align: top;
  }
`;

/**
 * `<div class="scroll" tabindex="0" role="region">` around a table wider than its panel (large text on a narrow
 * screen): it scrolls sideways there, and a keyboard can reach it to scroll, with the focus ring shown.
 */
export const scrollableTableStyles = css`
  .scroll {
    overflow-x: auto;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--wb-focus-ring);
  }
`;
