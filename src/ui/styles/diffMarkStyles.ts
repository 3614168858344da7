import { css } from 'lit';

/**
 * Lines of a JSON diff marked as added, changed or removed (a + / ~ / − sign and a coloured left edge), as the
 * versioning screen's two reads and copy-and-transform's streams show them. The line's own layout (indent, the
 * transparent left border the marks colour) stays with each element.
 */
export const diffMarkStyles = css`
  .sign {
    display: inline-block;
    width: 1.2rem;
    text-indent: 0;
    font-weight: 700;
  }
  .added {
    background: var(--wb-color-success-bg);
    border-left-color: var(--wb-color-success);
    color: var(--wb-color-success);
  }
  .changed {
    background: var(--wb-color-warning-bg);
    border-left-color: var(--wb-color-warning);
    color: var(--wb-color-warning);
  }
  .removed {
    background: var(--wb-color-danger-bg);
    border-left-color: var(--wb-color-danger);
    color: var(--wb-color-danger);
  }
`;
