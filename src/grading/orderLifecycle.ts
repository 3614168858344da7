/**
 * Requirement 5's transitions, checked against the Order Service's state machine (seed 002, in
 * src/domain/order/transitions.ts) as the exercise tells it: an order is placed (`pending`), may be confirmed and
 * processed, is paid before it ships, then shipped and delivered; it can be cancelled until it ships. The exercise
 * lets a lifecycle leave out the optional steps (seed 003's order 1001 goes placed → paid → shipped), so a step
 * may skip `confirmed` and `processing`, never `shipped`. Payment and returns are not statuses of the domain; they
 * are checked here as the story around them: paid before shipping, returned or refunded only after delivery (or
 * a refund after a paid order is cancelled).
 */

import { orderTransitions } from '../domain/order/transitions';
import type { OrderStatus } from '../domain/order/types';
import { isOrder1001, lifecycleStageOf, orderIdOf } from './orderEvents';
import type { AnswerEvent, LifecycleStage } from './orderEvents';

const STATUS_OF_STAGE: Partial<Record<LifecycleStage, OrderStatus>> = {
  placed: 'pending',
  confirmed: 'confirmed',
  processing: 'processing',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'cancelled',
};

/** Steps of the domain's flow that a student's lifecycle may leave out. */
const OPTIONAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['confirmed', 'processing']);

const PAST: Record<LifecycleStage, string> = {
  placed: 'placed',
  confirmed: 'confirmed',
  paid: 'paid',
  processing: 'processed',
  shipped: 'shipped',
  delivered: 'delivered',
  returned: 'returned',
  cancelled: 'cancelled',
};

const STAGE_OF_STATUS: Record<OrderStatus, LifecycleStage> = {
  pending: 'placed',
  confirmed: 'confirmed',
  processing: 'processing',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'cancelled',
};

type OrderSoFar = {
  status: OrderStatus | 'none';
  paid: boolean;
  /** The events applied so far, oldest first. */
  history: AnswerEvent[];
};

/**
 * One problem per order whose listed events break the state machine, naming the first illegal transition in the
 * student's terms ("OrderShipped comes before OrderPaid: an order is shipped only after it is paid").
 */
export function lifecycleTransitionProblems(events: readonly AnswerEvent[]): string[] {
  const problems: string[] = [];
  const orders = new Map<string, AnswerEvent[]>();
  for (const event of events) {
    const order = orderIdOf(event) ?? '';
    orders.set(order, [...(orders.get(order) ?? []), event]);
  }
  for (const [order, ofOrder] of orders) {
    const problem = firstIllegalTransition(ofOrder);
    if (problem === undefined) continue;
    const which = order === '' || isOrder1001(ofOrder[0]!) ? '' : ` (order ${order})`;
    problems.push(problem.replace(/^([^:]*?)(:)/, `$1${which}$2`));
  }
  return problems;
}

function firstIllegalTransition(events: readonly AnswerEvent[]): string | undefined {
  const order: OrderSoFar = { status: 'none', paid: false, history: [] };
  const later = (index: number, stage: LifecycleStage): AnswerEvent | undefined =>
    events.slice(index + 1).find((event) => lifecycleStageOf(event.type) === stage);
  const lastOf = (stage: LifecycleStage): AnswerEvent | undefined => order.history.findLast((event) => lifecycleStageOf(event.type) === stage);
  const inOrder = ' (list the events in chronological order)';

  for (const [index, event] of events.entries()) {
    const stage = lifecycleStageOf(event.type);
    if (stage === undefined) continue;
    const previous = order.history.at(-1);

    if (order.status === 'none' && stage !== 'placed') {
      const placed = later(index, 'placed');
      // With no placing event at all the lifecycle check says what is missing; only an order placed later is out of order.
      if (placed === undefined) return undefined;
      return `${event.type} comes before ${placed.type}: an order is ${PAST[stage]} only after it is placed${inOrder}`;
    }

    if (stage === 'placed') {
      if (previous !== undefined && (lifecycleStageOf(previous.type) !== 'placed' || order.history.some((e) => e.type === event.type))) {
        return `${event.type} comes after ${previous.type}: an order is placed once, before anything else happens to it`;
      }
      order.status = 'pending';
    } else if (stage === 'paid') {
      if (order.status === 'cancelled' || order.status === 'delivered') {
        return `${event.type} comes after ${lastOf(STAGE_OF_STATUS[order.status])!.type}: a ${order.status} order can no longer be paid`;
      }
      // Paid after shipping is reported at the shipping event, where the rule is ("shipped only after it is paid").
      order.paid = true;
    } else if (stage === 'returned') {
      const afterDelivery = order.status === 'shipped' || order.status === 'delivered';
      const refundOfCancelled = order.status === 'cancelled' && order.paid;
      if (!afterDelivery && !refundOfCancelled) {
        const delivered = later(index, 'delivered');
        return delivered !== undefined
          ? `${event.type} comes before ${delivered.type}: an order is returned only after it is delivered${inOrder}`
          : `${event.type} comes after ${previous!.type}: an order is returned only after it is delivered, and refunded only once it was paid`;
      }
    } else {
      const target = STATUS_OF_STAGE[stage]!;
      const from = order.status as OrderStatus;
      if (target !== from) {
        const skipped = requiredStepsBetween(from, target);
        if (skipped === undefined) return illegalStep(event, target, from, lastOf(STAGE_OF_STATUS[from]) ?? previous!, events.slice(index + 1));
        if (skipped.length > 0) {
          const missing = STAGE_OF_STATUS[skipped[0]!];
          const comesLater = later(index, missing);
          return comesLater !== undefined
            ? `${event.type} comes before ${comesLater.type}: an order is ${PAST[stage]} only after it is ${PAST[missing]}${inOrder}`
            : `${event.type} comes after ${previous!.type}, but the order was never ${PAST[missing]}: an order is ${PAST[stage]} only after it is ${PAST[missing]}`;
        }
        if (target === 'shipped' && !order.paid) {
          const paid = later(index, 'paid');
          if (paid !== undefined) return `${event.type} comes before ${paid.type}: an order is shipped only after it is paid${inOrder}`;
        }
        order.status = target;
      }
    }
    order.history.push(event);
  }
  return undefined;
}

/**
 * The statuses a lifecycle skips, going from `from` to `to`, that it may not leave out: [] when it may go straight
 * there (through optional steps only), the first required ones otherwise, and undefined when `to` cannot follow
 * `from` at all.
 */
function requiredStepsBetween(from: OrderStatus, to: OrderStatus): OrderStatus[] | undefined {
  // Breadth-first over the domain's transitions, preferring paths with the fewest required steps skipped.
  let best: OrderStatus[] | undefined;
  const walk = (status: OrderStatus, skipped: OrderStatus[], seen: ReadonlySet<OrderStatus>): void => {
    for (const next of orderTransitions[status]) {
      if (seen.has(next)) continue;
      if (next === to) {
        if (best === undefined || skipped.length < best.length) best = skipped;
        continue;
      }
      walk(next, OPTIONAL_STATUSES.has(next) ? skipped : [...skipped, next], new Set([...seen, next]));
    }
  };
  walk(from, [], new Set([from]));
  return best;
}

function illegalStep(event: AnswerEvent, target: OrderStatus, from: OrderStatus, last: AnswerEvent, rest: readonly AnswerEvent[]): string {
  const stage = STAGE_OF_STATUS[target];
  if (from === 'cancelled') return `${event.type} comes after ${last.type}: a cancelled order can no longer be ${PAST[stage]}`;
  if (from === 'delivered') return `${event.type} comes after ${last.type}: a delivered order can no longer be ${PAST[stage]}`;
  if (target === 'cancelled') return `${event.type} comes after ${last.type}: an order that has been ${PAST[STAGE_OF_STATUS[from]]} can no longer be cancelled`;
  // A step back in the flow (processing after shipping): the listed order is wrong unless the step is repeated.
  const stillToCome = rest.some((other) => lifecycleStageOf(other.type) === STAGE_OF_STATUS[from]);
  return `${event.type} comes after ${last.type}: an order is ${PAST[stage]} before it is ${PAST[STAGE_OF_STATUS[from]]}${stillToCome ? '' : ' (list the events in chronological order)'}`;
}
