import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the browser says it is online, kept current from the window's `online`/`offline` events. The app needs
 * no network once installed; this only tells the person that being offline is fine.
 */
export class ConnectivityController implements ReactiveController {
  online = typeof navigator === 'undefined' ? true : navigator.onLine;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  private readonly update = (): void => {
    this.online = navigator.onLine;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    window.addEventListener('online', this.update);
    window.addEventListener('offline', this.update);
    // The state may have changed while the host was detached.
    this.update();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.update);
    window.removeEventListener('offline', this.update);
  }
}
