import type { Simulator } from '../../simulator/types';
import type { Unsubscribe } from '../../eventStore/types';
import { SimulatorSubscriptionController } from './simulatorSubscriptionController';

/**
 * Re-renders its host whenever the simulator reports a change (an append in this tab or another, a projector step).
 * `revision` grows by one per change, so a `Task` that lists it among its args re-runs its query.
 */
export class SimulatorChangesController extends SimulatorSubscriptionController<Simulator> {
  revision = 0;

  protected override subscribe(simulator: Simulator): readonly Unsubscribe[] {
    return [
      simulator.onChange(() => {
        this.revision += 1;
        this.host.requestUpdate();
      }),
    ];
  }
}
