import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs `tick` now and then every `everyMs` while the host is in the page, one at a time: a slow answer is never
 * overtaken by the next request.
 */
export class PollController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly everyMs: number,
    private readonly tick: () => Promise<void>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.schedule(0);
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay: number): void {
    if (!this.connected || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      void this.tick()
        .catch(() => undefined)
        .finally(() => {
          this.timer = undefined;
          this.schedule(this.everyMs);
        });
    }, delay);
  }
}
