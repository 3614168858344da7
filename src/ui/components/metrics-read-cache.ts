import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatShare } from '../../simulator/metrics/format';
import type { ReadCacheStats } from '../../simulator/readCache/queryCache';

/** The read-side cache's figures: hit ratio, hits, misses, answers kept (seed 004's "cache hit ratio"). */
@customElement('metrics-read-cache')
export class MetricsReadCache extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: var(--wb-space-2) var(--wb-space-4);
      margin: 0;
    }
    div {
      display: grid;
    }
    dt {
      color: var(--wb-color-muted);
      font-size: 0.9rem;
    }
    dd {
      margin: 0;
      font-size: 1.3rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
  `;

  @property({ attribute: false }) stats: ReadCacheStats | undefined;

  override render(): TemplateResult {
    const stats = this.stats;
    if (stats === undefined || stats.hits + stats.misses === 0) {
      return html`<p>No query has been asked yet: open a read model on the Read models screen, or send a GET in the API console.</p>`;
    }
    return html`<dl aria-label="Read cache">
      <div><dt>Hit ratio</dt><dd>${formatShare(stats.hitRatio)}</dd></div>
      <div><dt>Hits</dt><dd>${stats.hits}</dd></div>
      <div><dt>Misses</dt><dd>${stats.misses}</dd></div>
      <div><dt>Answers kept</dt><dd>${stats.entries}</dd></div>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metrics-read-cache': MetricsReadCache;
  }
}
