import { assertNever } from '../../domain/core/message';
import type { SagaCompensation, SagaStep } from '../../sagas/types';

/** The saga's steps in the order they run: the forward lanes of the timeline, top to bottom. */
export const forwardSteps: readonly SagaStep[] = ['placeOrder', 'reserveStock', 'chargePayment', 'confirmOrder'];

/**
 * What each compensation undoes. Listed in the order compensations run (the reverse of the steps they undo), which
 * is also their lanes' order under the forward steps, so the picture reads as "back the way it came".
 */
export const compensations: readonly { readonly compensation: SagaCompensation; readonly undoes: SagaStep }[] = [
  { compensation: 'refundPayment', undoes: 'chargePayment' },
  { compensation: 'releaseStock', undoes: 'reserveStock' },
  { compensation: 'cancelOrder', undoes: 'placeOrder' },
];

export function stepLabel(step: SagaStep | SagaCompensation): string {
  switch (step) {
    case 'placeOrder':
      return 'Place order';
    case 'reserveStock':
      return 'Reserve stock';
    case 'chargePayment':
      return 'Charge payment';
    case 'confirmOrder':
      return 'Confirm order';
    case 'refundPayment':
      return 'Refund payment';
    case 'releaseStock':
      return 'Release stock';
    case 'cancelOrder':
      return 'Cancel order';
    default:
      return assertNever(step);
  }
}
