import type { CommandName, CommandOutcome, Simulator } from '../types';

/** One command of the prepared history the time-travel screen offers when the store is empty. */
export type DemoCommand = { readonly command: CommandName; readonly input: unknown };

/**
 * A small shop's morning: three orders that go different ways (delivered, cancelled, still confirmed) and a user
 * who changes email, interleaved so that the global log and each stream's positions differ.
 */
export const demoHistory: readonly DemoCommand[] = [
  { command: 'PlaceOrder', input: { orderId: '1', customerId: 'ada', customerEmail: 'ada@example.com', items: [{ product: 'Laptop', quantity: 1, unitPrice: 999.99 }] } },
  { command: 'PlaceOrder', input: { orderId: '2', customerId: 'bob', customerEmail: 'bob@example.com', items: [{ product: 'Desk lamp', quantity: 2, unitPrice: 24.5 }] } },
  { command: 'ConfirmOrder', input: { orderId: '1' } },
  { command: 'CreateUser', input: { userId: '1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } },
  { command: 'StartProcessing', input: { orderId: '1' } },
  { command: 'ConfirmOrder', input: { orderId: '2' } },
  { command: 'ShipOrder', input: { orderId: '1', trackingNumber: 'TRK-1001' } },
  { command: 'PlaceOrder', input: { orderId: '3', customerId: 'ada', customerEmail: 'ada@example.com', items: [{ product: 'Monitor', quantity: 1, unitPrice: 199 }] } },
  { command: 'CancelOrder', input: { orderId: '2', reason: 'Customer changed their mind' } },
  { command: 'UpdateUserEmail', input: { userId: '1', newEmail: 'ada@new.example.com' } },
  { command: 'DeliverOrder', input: { orderId: '1' } },
  { command: 'ConfirmOrder', input: { orderId: '3' } },
];

/**
 * Runs the prepared history through the simulator's ordinary command path (so the CRUD twin and the read models get
 * it too), reporting progress. Stops at the first refusal, e.g. when the store already holds an order 1.
 */
export async function loadDemoHistory(
  simulator: Pick<Simulator, 'execute'>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Extract<CommandOutcome, { ok: false }> | undefined> {
  for (const [index, { command, input }] of demoHistory.entries()) {
    const outcome = await simulator.execute(command, input);
    if (!outcome.ok) return outcome;
    onProgress(index + 1, demoHistory.length);
  }
  return undefined;
}
