import { assertNever } from '../../domain/core/message';
import type { FailureInjection, PaymentServiceMode, StockLevel } from '../../sagas/types';

/**
 * The failure-injection control's options. Four of them set how the simulated payment service behaves; "stock
 * short" injects nothing: it fills the order with more than the shelf holds, so the inventory decider refuses for real.
 */
export type FailureChoice = 'everythingWorks' | 'paymentDeclined' | 'paymentDown' | 'paymentFlaky' | 'stockShort';

export type FailureChoiceOption = {
  readonly choice: FailureChoice;
  readonly label: string;
  /** One line: what the saga will do. */
  readonly explains: string;
};

export const failureChoices: readonly FailureChoiceOption[] = [
  {
    choice: 'everythingWorks',
    label: 'Everything works',
    explains: 'Stock is reserved, the payment approved and the order confirmed.',
  },
  {
    choice: 'paymentDeclined',
    label: 'Payment declined',
    explains: 'The bank says no: a business answer, not retried. The stock is released and the order cancelled.',
  },
  {
    choice: 'paymentDown',
    label: 'Payment service down',
    explains: 'No answer: the saga retries, failures pile up and the circuit breaker opens; then it compensates.',
  },
  {
    choice: 'paymentFlaky',
    label: 'Flaky payment service',
    explains: 'Some calls fail at random: retries usually get the charge through.',
  },
  {
    choice: 'stockShort',
    label: 'Stock short',
    explains: 'The order asks for more of its second item than is available: the first item’s reservation is released.',
  },
];

/** The payment service's mode for a choice; "stock short" leaves the payment service working. */
export function paymentModeFor(choice: FailureChoice): PaymentServiceMode {
  switch (choice) {
    case 'everythingWorks':
    case 'stockShort':
      return 'approves';
    case 'paymentDeclined':
      return 'declines';
    case 'paymentDown':
      return 'down';
    case 'paymentFlaky':
      return 'flaky';
    default:
      return assertNever(choice);
  }
}

/**
 * Which option is on, read back from the coordinator (another tab or a reload may have changed it). "Stock short" is
 * this page's own choice: the coordinator cannot tell it from "everything works".
 */
export function choiceOf(injection: Pick<FailureInjection, 'paymentService'>, stockShortChosen: boolean): FailureChoice {
  switch (injection.paymentService) {
    case 'approves':
      return stockShortChosen ? 'stockShort' : 'everythingWorks';
    case 'declines':
      return 'paymentDeclined';
    case 'down':
      return 'paymentDown';
    case 'flaky':
      return 'paymentFlaky';
    default:
      return assertNever(injection.paymentService);
  }
}

/**
 * Quantities for a real shortage: one of the first product that has stock, and one more than is available of the
 * next one. The shortage falls on the second item on purpose, so the first item's reservation has to be released.
 * With a single product in the catalog the shortage falls on it. Products not in the order get 0.
 */
export function stockShortQuantities(stock: readonly StockLevel[]): ReadonlyMap<string, number> {
  const quantities = new Map<string, number>(stock.map((level) => [level.product, 0]));
  const firstIndex = stock.findIndex((level) => level.available > 0);
  if (stock.length === 1 || firstIndex === -1) {
    const only = stock[0];
    if (only !== undefined) quantities.set(only.product, Math.max(0, only.available) + 1);
    return quantities;
  }
  const first = stock[firstIndex]!;
  const short = stock.find((_, index) => index !== firstIndex && index > firstIndex) ?? stock.find((_, index) => index !== firstIndex)!;
  quantities.set(first.product, 1);
  quantities.set(short.product, Math.max(0, short.available) + 1);
  return quantities;
}
