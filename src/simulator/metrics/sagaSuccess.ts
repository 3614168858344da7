import type { SagaOutcomes } from './types';

/**
 * Saga success rate: of the sagas that finished, the share that completed (stock reserved, payment charged, order
 * confirmed) rather than compensated. Running sagas have no outcome yet and do not count. Null before any finished.
 */
export function sagaSuccessRate(outcomes: SagaOutcomes): number | null {
  const finished = outcomes.completed + outcomes.compensated;
  return finished === 0 ? null : outcomes.completed / finished;
}
