import type { Unsubscribe } from '../../eventStore/types';
import type { SagaCoordinator } from '../../sagas/types';
import { SimulatorSubscriptionController } from '../controllers/simulatorSubscriptionController';

/**
 * Re-renders its host whenever the saga coordinator reports a change (a step, the injection, the circuit).
 * `revision` grows by one per change, so a `Task` that lists it among its args re-reads the sagas and the stock.
 */
export class SagaChangesController extends SimulatorSubscriptionController<SagaCoordinator> {
  revision = 0;

  protected override subscribe(coordinator: SagaCoordinator): readonly Unsubscribe[] {
    return [
      coordinator.onChange(() => {
        this.revision += 1;
        this.host.requestUpdate();
      }),
    ];
  }
}
