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
 * When the `index`th command of the story happened: yesterday morning from 08:00 UTC, 25 minutes apart, so the
 * question "what was the status at 09:00?" has an answer that differs from now.
 */
export function demoTime(today: Date, index: number): string {
  const morning = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 1, 8);
  return new Date(morning + index * 25 * 60_000).toISOString();
}

/**
 * Runs the prepared history through the simulator's ordinary command path (so the CRUD twin and the read models get
 * it too), reporting progress. Stops at the first refusal, e.g. when the store already holds an order 1.
 */
export async function loadDemoHistory(
  simulator: Pick<Simulator, 'execute'>,
  onProgress: (done: number, total: number) => void = () => {},
  today: Date = new Date(),
): Promise<Extract<CommandOutcome, { ok: false }> | undefined> {
  for (const [index, { command, input }] of demoHistory.entries()) {
    const outcome = await simulator.execute(command, input, { at: demoTime(today, index) });
    if (!outcome.ok) return outcome;
    onProgress(index + 1, demoHistory.length);
  }
  return undefined;
}
