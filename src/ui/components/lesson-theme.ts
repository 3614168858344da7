import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `onChange` when the person switches light/dark (or large text): diagrams drawn as SVG carry their colours
 * inside, so they must be drawn again. The display controller sets the colour scheme on <html>; a change of that
 * element's style is the one signal every switch gives.
 */
export class ThemeChangeController implements ReactiveController {
  private readonly observer: MutationObserver;

  constructor(host: ReactiveControllerHost, onChange: () => void) {
    this.observer = new MutationObserver(onChange);
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }
}
