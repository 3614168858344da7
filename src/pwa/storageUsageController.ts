import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readStorageStatus, type StorageStatus } from '../db/storagePersistence';

/**
 * The browser's storage estimate for this site, read when the host connects and then every few seconds while it
 * is shown: seeding thousands of events or rebuilding read models moves it, and there is no event to listen to.
 */
export class StorageUsageController implements ReactiveController {
  /** undefined until the first estimate arrives. */
  value: StorageStatus | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = 5000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async refresh(): Promise<void> {
    this.value = await readStorageStatus();
    this.host.requestUpdate();
  }
}
