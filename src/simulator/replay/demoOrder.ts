import type { CommandName, CommandOutcome } from '../types';

/** The commands of one whole order lifecycle (seed 002's happy path), as raw input the simulator validates. */
export function demoOrderLifecycle(orderId: string): readonly { readonly command: CommandName; readonly input: unknown }[] {
  return [
    {
      command: 'PlaceOrder',
      input: {
        orderId,
        customerId: 'customer-1001',
        customerEmail: 'ada@example.com',
        items: [
          { product: 'Laptop', quantity: 1, unitPrice: 999.99 },
          { product: 'Mouse', quantity: 2, unitPrice: 19.5 },
        ],
      },
    },
    { command: 'ConfirmOrder', input: { orderId } },
    { command: 'StartProcessing', input: { orderId } },
    { command: 'ShipOrder', input: { orderId, trackingNumber: 'TRACK-1001' } },
    { command: 'DeliverOrder', input: { orderId } },
  ];
}

/**
 * Runs the lifecycle through `execute` (the real command side), stopping at the first refusal.
 * Returns the outcome of the last command run.
 */
export async function loadDemoOrder(
  execute: (command: CommandName, input: unknown) => Promise<CommandOutcome>,
  orderId: string,
): Promise<CommandOutcome> {
  let last: CommandOutcome | undefined;
  for (const { command, input } of demoOrderLifecycle(orderId)) {
    last = await execute(command, input);
    if (!last.ok) return last;
  }
  return last!;
}
