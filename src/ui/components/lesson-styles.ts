import { css } from 'lit';

/** How rendered markdown looks (lessons, exercise background): theme tokens only, so dark mode follows. */
export const markdownStyles = css`
  .markdown {
    line-height: 1.55;
    max-width: 52rem;
  }
  .markdown h2 {
    font-size: 1.6rem;
    margin: 0 0 var(--wb-space-3);
  }
  .markdown h3 {
    font-size: 1.2rem;
    margin: var(--wb-space-4) 0 var(--wb-space-2);
  }
  .markdown h4 {
    font-size: 1.05rem;
    margin: var(--wb-space-3) 0 var(--wb-space-2);
  }
  .markdown a {
    color: var(--wb-color-accent);
  }
  .markdown a:focus-visible {
    outline: none;
    box-shadow: var(--wb-focus-ring);
    border-radius: 2px;
  }
  .markdown code {
    font-family: var(--wb-font-mono);
    font-size: 0.9em;
    background: var(--wb-color-surface-2);
    padding: 0.05rem 0.3rem;
    border-radius: 4px;
  }
  .markdown pre {
    background: var(--wb-color-surface-2);
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    padding: var(--wb-space-2) var(--wb-space-3);
    /* Long lines wrap instead of scrolling: a scrolling box would need a tab stop to be read from the keyboard
       (WCAG 2.1.1), and wrapped code still reads at 400% zoom (1.4.10 reflow). */
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 0.88rem;
    line-height: 1.45;
  }
  .markdown pre code {
    background: none;
    padding: 0;
    font-size: inherit;
  }
  .markdown table {
    border-collapse: collapse;
    margin: var(--wb-space-2) 0;
  }
  .markdown th,
  .markdown td {
    border: 1px solid var(--wb-color-border);
    padding: var(--wb-space-1) var(--wb-space-2);
    text-align: left;
    vertical-align: top;
  }
  .markdown th {
    background: var(--wb-color-surface-2);
  }
  .markdown figure.diagram {
    margin: var(--wb-space-3) 0;
    padding: var(--wb-space-2);
    border: 1px solid var(--wb-color-border);
    border-radius: var(--wb-radius);
    background: var(--wb-color-bg);
    overflow-x: auto;
  }
  .markdown figure.diagram svg {
    display: block;
    margin: 0 auto;
    max-width: 100%;
    height: auto;
  }
  .markdown pre.mermaid-source {
    color: var(--wb-color-muted);
  }
  .markdown .diagram-error {
    color: var(--wb-color-danger);
  }
  /* highlight.js tokens */
  .hljs-keyword,
  .hljs-built_in,
  .hljs-type {
    color: var(--wb-color-accent);
  }
  .hljs-string {
    color: var(--wb-color-success);
  }
  .hljs-number,
  .hljs-literal {
    color: var(--wb-color-warning);
  }
  .hljs-attr,
  .hljs-title,
  .hljs-variable {
    color: var(--wb-color-danger);
  }
  .hljs-comment,
  .hljs-meta {
    color: var(--wb-color-muted);
    font-style: italic;
  }
`;
