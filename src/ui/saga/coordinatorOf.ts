import type { SagaCoordinator } from '../../sagas/types';
import type { WorkbookSimulator } from '../../simulator/simulator';

/** The simulator's saga coordinator, if this simulator has one (`simulator.sagas`). */
export function coordinatorOf(simulator: WorkbookSimulator | undefined): SagaCoordinator | undefined {
  return (simulator as (WorkbookSimulator & { readonly sagas?: SagaCoordinator }) | undefined)?.sagas;
}
