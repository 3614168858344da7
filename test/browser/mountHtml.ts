import { afterEach } from 'vitest';
import type { DiagramColours } from '../../src/workbook/renderMarkdown';

/** Fixed theme colours for the diagram renderer: the tests check what a diagram holds, not how the theme reads. */
export const testDiagramColours: DiagramColours = {
  background: '#ffffff',
  surface: '#eeeeee',
  text: '#111111',
  border: '#cccccc',
  accent: '#2f5bd3',
  accentBackground: '#e8eefc',
};

/**
 * `mount(html)` puts HTML into the live page, the way `<lesson-article>` does, and waits `settleMs` so event
 * handlers (an injected onerror, onload) have time to fire. Each test's hosts are removed after it.
 */
export function mountsHtml(settleMs: number): (html: string) => Promise<HTMLElement> {
  const mounted: HTMLElement[] = [];
  afterEach(() => {
    for (const element of mounted.splice(0)) element.remove();
  });
  return async (html) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    mounted.push(host);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return host;
  };
}
