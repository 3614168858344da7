import fc from 'fast-check';
import { fold } from '../../../src/domain/core/decider';
import { orderDecider } from '../../../src/domain/order/decider';
import type { OrderCommand, OrderEvent, OrderItem, OrderState } from '../../../src/domain/order/types';

/** What a person might try next, before the domain says whether it is allowed. */
export type CommandIntent = {
  /** `advance` = the next step of the order's lifecycle, whatever its status (so that runs reach deep statuses). */
  readonly kind: 'advance' | 'place' | 'confirm' | 'process' | 'ship' | 'deliver' | 'cancel' | 'delete';
  readonly order: number;
  readonly customer: number;
  readonly items: readonly OrderItem[];
};

const itemArb: fc.Arbitrary<OrderItem> = fc.record({
  product: fc.constantFrom('Laptop', 'Wireless Mouse', 'USB-C Cable', 'Monitor'),
  quantity: fc.integer({ min: 1, max: 5 }),
  unitPrice: fc.integer({ min: 0, max: 200_000 }).map((cents) => cents / 100),
});

export const intentArb: fc.Arbitrary<CommandIntent> = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant('advance' as const) },
    { weight: 1, arbitrary: fc.constantFrom('place', 'confirm', 'process', 'ship', 'deliver', 'cancel', 'delete') },
  ),
  order: fc.integer({ min: 0, max: 3 }),
  customer: fc.integer({ min: 0, max: 2 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
});

export const intentsArb = fc.array(intentArb, { maxLength: 40, size: 'large' });

const nextStep: Record<OrderState['status'], CommandIntent['kind']> = {
  none: 'place',
  pending: 'confirm',
  confirmed: 'process',
  processing: 'ship',
  shipped: 'deliver',
  delivered: 'delete',
  cancelled: 'delete',
};

export function toCommand(intent: CommandIntent, index: number, state: OrderState = { status: 'none' }): OrderCommand {
  const orderId = `o${intent.order}`;
  const at = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
  const kind = intent.kind === 'advance' ? nextStep[state.status] : intent.kind;
  switch (kind) {
    case 'advance':
      throw new Error('advance resolves to a concrete step');
    case 'place':
      return {
        type: 'PlaceOrder',
        data: {
          orderId,
          customerId: `c${intent.customer}`,
          customerEmail: intent.customer === 0 ? null : `c${intent.customer}@example.com`,
          items: intent.items,
          at,
        },
      };
    case 'confirm':
      return { type: 'ConfirmOrder', data: { orderId, at } };
    case 'process':
      return { type: 'StartProcessing', data: { orderId, at } };
    case 'ship':
      return { type: 'ShipOrder', data: { orderId, trackingNumber: `T-${index}`, at } };
    case 'deliver':
      return { type: 'DeliverOrder', data: { orderId, at } };
    case 'cancel':
      return { type: 'CancelOrder', data: { orderId, reason: `reason ${index}`, at } };
    case 'delete':
      return { type: 'DeleteOrder', data: { orderId, at } };
  }
}

/** The commands the order decider accepts, in order, and the events they recorded. */
export function legalRun(intents: readonly CommandIntent[]): { commands: OrderCommand[]; events: OrderEvent[] } {
  const states = new Map<string, OrderState>();
  const commands: OrderCommand[] = [];
  const events: OrderEvent[] = [];
  for (const [index, intent] of intents.entries()) {
    const state = states.get(`o${intent.order}`) ?? orderDecider.initialState();
    const command = toCommand(intent, index, state);
    let produced: OrderEvent[];
    try {
      produced = orderDecider.decide(command, state);
    } catch {
      continue; // not legal now: neither side sees it
    }
    states.set(command.data.orderId, fold(orderDecider.evolve, produced, state));
    commands.push(command);
    events.push(...produced);
  }
  return { commands, events };
}
