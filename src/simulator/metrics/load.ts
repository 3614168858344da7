import type { CommandName, CommandOutcome } from '../types';

/**
 * "Generate load": real commands through `execute`, so the metrics move for the same reasons they would in
 * production. Orders go through their lifecycle (place, confirm, start processing, ship), and every fifth order
 * also gets a delivery before it shipped, which the domain refuses: a realistic share of errors to count.
 */

export type PlannedCommand = { readonly command: CommandName; readonly input: Readonly<Record<string, unknown>> };

const products = [
  { product: 'Laptop', unitPrice: 999 },
  { product: 'Keyboard', unitPrice: 49.5 },
  { product: 'Monitor', unitPrice: 219 },
  { product: 'Mouse', unitPrice: 19.99 },
] as const;

/** The first `count` commands of the load, for orders named `<prefix>-1`, `<prefix>-2`, … */
export function loadPlan(count: number, prefix: string): PlannedCommand[] {
  const plan: PlannedCommand[] = [];
  for (let order = 1; plan.length < count; order += 1) {
    const orderId = `${prefix}-${order}`;
    const line = products[(order - 1) % products.length]!;
    const lifecycle: PlannedCommand[] = [
      {
        command: 'PlaceOrder',
        input: {
          orderId,
          customerId: `customer-${((order - 1) % 7) + 1}`,
          customerEmail: `customer${((order - 1) % 7) + 1}@example.com`,
          items: [{ ...line, quantity: (order % 3) + 1 }],
        },
      },
      { command: 'ConfirmOrder', input: { orderId } },
      { command: 'StartProcessing', input: { orderId } },
      ...(order % 5 === 0 ? [{ command: 'DeliverOrder' as const, input: { orderId } }] : []),
      { command: 'ShipOrder', input: { orderId } },
    ];
    plan.push(...lifecycle.slice(0, count - plan.length));
  }
  return plan;
}

export type LoadProgress = { readonly done: number; readonly total: number; readonly refused: number };

export type LoadOptions = {
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Checked before each command: the load stops there, what ran stays. */
  readonly signal?: AbortSignal;
  /** A pause between commands, so the load lasts a few seconds and the once-a-second charts can follow it. */
  readonly pauseMs?: number;
};

/** Runs the plan one command after another (as one client would); resolves with how it went. */
export async function runLoad(
  execute: (command: CommandName, input: unknown) => Promise<CommandOutcome>,
  plan: readonly PlannedCommand[],
  { onProgress, signal, pauseMs = 0 }: LoadOptions = {},
): Promise<LoadProgress & { readonly cancelled: boolean }> {
  let done = 0;
  let refused = 0;
  onProgress?.({ done, total: plan.length, refused });
  for (const step of plan) {
    if (signal?.aborted) return { done, total: plan.length, refused, cancelled: true };
    const outcome = await execute(step.command, step.input);
    done += 1;
    if (!outcome.ok) refused += 1;
    onProgress?.({ done, total: plan.length, refused });
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return { done, total: plan.length, refused, cancelled: false };
}
