/**
 * Saga success rate: of the sagas that finished, the share that completed (stock reserved, payment charged, order
 * confirmed) rather than compensated. Running sagas have no outcome yet, and an order a person cancelled after its saga
 * completed is neither a success nor a failure of the saga: neither counts. Null before any finished.
 */
export function sagaSuccessRate(outcomes: { readonly completed: number; readonly compensated: number }): number | null {
  const finished = outcomes.completed + outcomes.compensated;
  return finished === 0 ? null : outcomes.completed / finished;
}
