import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Simulator } from '../../simulator/types';
import type { Unsubscribe } from '../../eventStore/types';

/**
 * Re-renders its host whenever the simulator reports a change (an append in this tab or another, a projector step).
 * `revision` grows by one per change, so a `Task` that lists it among its args re-runs its query.
 *
 * The host's simulator can arrive after connection (it comes through context), so the controller re-checks which
 * simulator to follow after every update rather than only in `hostConnected`.
 */
export class SimulatorChangesController implements ReactiveController {
  revision = 0;
  private followed: Simulator | undefined;
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly currentSimulator: () => Simulator | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow(this.currentSimulator());
  }

  hostUpdated(): void {
    const simulator = this.currentSimulator();
    if (simulator !== this.followed) this.follow(simulator);
  }

  hostDisconnected(): void {
    this.stopFollowing();
  }

  private follow(simulator: Simulator | undefined): void {
    this.stopFollowing();
    this.followed = simulator;
    if (simulator === undefined) return;
    this.unsubscribe = simulator.onChange(() => {
      this.revision += 1;
      this.host.requestUpdate();
    });
  }

  private stopFollowing(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.followed = undefined;
  }
}
