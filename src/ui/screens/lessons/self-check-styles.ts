import { css } from 'lit';

/** The self-check's look: one bordered card per question, right and wrong in the theme's success and danger colours. */
export const selfCheckStyles = css`
  fieldset {
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-3);
    margin: 0 0 var(--wb-space-3);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 var(--wb-space-1);
  }
  .number {
    color: var(--wb-color-muted);
  }
  ul.options,
  ol.items {
    list-style: none;
    margin: var(--wb-space-2) 0;
    padding: 0;
    display: grid;
    gap: var(--wb-space-2);
  }
  ol.items {
    counter-reset: item;
  }
  .option label {
    display: flex;
    gap: var(--wb-space-2);
    align-items: baseline;
    cursor: pointer;
  }
  .option input {
    margin: 0;
    flex: none;
    width: 1.1em;
    height: 1.1em;
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    gap: var(--wb-space-2);
    align-items: center;
    padding: var(--wb-space-1) var(--wb-space-2);
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    background: var(--wb-color-surface-2);
  }
  .item .position {
    color: var(--wb-color-muted);
    min-width: 1.5em;
  }
  .item .text {
    flex: 1;
  }
  .item button {
    background: var(--wb-color-surface);
    padding: 0 var(--wb-space-2);
  }
  button[disabled] {
    opacity: 0.45;
    cursor: default;
  }
  .why {
    margin: var(--wb-space-1) 0 0 1.6rem;
    padding: var(--wb-space-1) var(--wb-space-2);
    border-left: 3px solid var(--wb-color-border);
    font-size: 0.95em;
  }
  ol.items .why {
    margin-left: 0;
    flex-basis: 100%;
  }
  .why.right {
    border-left-color: var(--wb-color-success);
  }
  .why.wrong {
    border-left-color: var(--wb-color-danger);
  }
  .mark {
    font-weight: 600;
  }
  .right .mark {
    color: var(--wb-color-success);
  }
  .wrong .mark {
    color: var(--wb-color-danger);
  }
  .actions {
    display: flex;
    gap: var(--wb-space-3);
    align-items: center;
    flex-wrap: wrap;
  }
  .verdict {
    margin: 0;
    font-weight: 600;
  }
  .verdict.right {
    color: var(--wb-color-success);
  }
  .verdict.partial {
    color: var(--wb-color-warning);
  }
  .verdict.wrong,
  .verdict.unanswered {
    color: var(--wb-color-danger);
  }
  code {
    font-family: var(--wb-font-mono);
    font-size: 0.9em;
    background: var(--wb-color-surface-2);
    padding: 0 0.2em;
    border-radius: 3px;
  }
`;
