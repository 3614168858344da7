import type { ReactiveControllerHost } from 'lit';
import type { Simulator } from '../../simulator/types';
import type { Unsubscribe } from '../../eventStore/types';
import { SimulatorSubscriptionController } from './simulatorSubscriptionController';

/** How often at most a live screen re-reads storage while changes pour in (four times a second). */
export const liveReadIntervalMs = 250;

/**
 * Re-renders its host when the simulator reports a change (an append in this tab or another, a projector step).
 * `revision` grows by one per update, so a `Task` that lists it among its args re-runs its query.
 *
 * A host that reads storage on a change (the event log, the read-model tables) passes `minIntervalMs` to be
 * throttled to what a person can see: the first change after a quiet spell updates at once (a command's event shows
 * without delay), and changes that follow within the interval are folded into one update at its end. Seeding or
 * rebuilding 100,000 events reports a change per batch; a screen that re-read on every one spent its time reading
 * rather than letting the projector work. A host that only draws the projector's status in memory needs none.
 */
export class SimulatorChangesController extends SimulatorSubscriptionController<Simulator> {
  revision = 0;
  private readonly minIntervalMs: number;
  private lastUpdate = -Infinity;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    host: ReactiveControllerHost,
    currentSimulator: () => Simulator | undefined,
    { minIntervalMs = 0 }: { readonly minIntervalMs?: number } = {},
  ) {
    super(host, currentSimulator);
    this.minIntervalMs = minIntervalMs;
  }

  protected override subscribe(simulator: Simulator): readonly Unsubscribe[] {
    return [
      simulator.onChange(() => this.changed()),
      () => {
        if (this.pending !== null) clearTimeout(this.pending);
        this.pending = null;
      },
    ];
  }

  private changed(): void {
    if (this.pending !== null) return;
    const wait = this.lastUpdate + this.minIntervalMs - performance.now();
    if (wait <= 0) {
      this.bump();
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = null;
      this.bump();
    }, wait);
  }

  private bump(): void {
    this.lastUpdate = performance.now();
    this.revision += 1;
    this.host.requestUpdate();
  }
}
