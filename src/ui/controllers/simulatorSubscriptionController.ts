import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unsubscribe } from '../../eventStore/types';

/**
 * Keeps a host subscribed to whichever simulator it has now. The host's simulator can arrive after connection (it
 * comes through context) or be replaced, so the simulator followed is re-checked after every update rather than
 * only in `hostConnected`; the old subscriptions end when it changes and when the host leaves the page.
 * A subclass says what to listen to in `subscribe`.
 */
export abstract class SimulatorSubscriptionController<S> implements ReactiveController {
  private followed: S | undefined;
  private unsubscribes: readonly Unsubscribe[] = [];

  constructor(
    protected readonly host: ReactiveControllerHost,
    private readonly currentSimulator: () => S | undefined,
  ) {
    host.addController(this);
  }

  /** Listens to the simulator; the returned functions end the subscriptions. */
  protected abstract subscribe(simulator: S): readonly Unsubscribe[];

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

  private follow(simulator: S | undefined): void {
    this.stopFollowing();
    this.followed = simulator;
    if (simulator === undefined) return;
    this.unsubscribes = this.subscribe(simulator);
  }

  private stopFollowing(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    this.followed = undefined;
  }
}
