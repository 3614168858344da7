import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host every `intervalMs` while `active()` holds (a countdown on screen), and not at all otherwise,
 * so an idle page runs no timer. Re-checked after every update, because what makes it active arrives as data.
 */
export class TickController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs: number,
    private readonly active: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.active() && this.timer === undefined) {
      this.timer = setInterval(() => this.host.requestUpdate(), this.intervalMs);
    } else if (!this.active()) {
      this.stop();
    }
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
