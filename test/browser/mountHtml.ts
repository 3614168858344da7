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
 * `mount(html)` puts HTML into the live page, the way `<lesson-article>` does, and waits until what the markup
 * starts has happened (see `settled`). Each test's hosts are removed after it.
 */
export function mountsHtml(): (html: string) => Promise<HTMLElement> {
  const mounted: HTMLElement[] = [];
  afterEach(() => {
    for (const element of mounted.splice(0)) element.remove();
  });
  return async (html) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    mounted.push(host);
    await settled(host);
    return host;
  };
}

/**
 * Waits until the handlers markup could start have had their turn: every image under `host` has loaded or failed
 * (our listener runs after any handler the markup put on the image itself, so an `onerror` that slipped through has
 * run by then), then two rendered frames (autofocus, SVG animations and `<details>` toggles happen in a frame's
 * update) and a turn of the task queue behind them. Conditions, not a time: a busy machine only makes it later.
 */
export async function settled(host: Element): Promise<void> {
  await Promise.all(
    [...host.querySelectorAll('img')].map((image) =>
      image.complete ? undefined : new Promise((done) => ['load', 'error'].forEach((type) => image.addEventListener(type, done, { once: true }))),
    ),
  );
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await taskQueueTurn();
}

/** Resolves from a task queued now, after the tasks already queued on the same loop (a message to ourselves). */
function taskQueueTurn(): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((done) => {
    port1.onmessage = () => {
      port1.close();
      done();
    };
    port2.postMessage(undefined);
  });
}
