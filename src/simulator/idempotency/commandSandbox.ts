import { type WorkbookSimulator } from '../simulator';
import { createMemorySimulator } from '../memorySimulators';
import { verdictOf, type AttemptCommand, type CommandAttempt } from './attempts';
import { canonicalJson, keyReusedMessage, requestLine } from './requestKeys';

/** The request as the screen shows it before sending: seed 004's command API with an Idempotency-Key header. */
export type SandboxRequest = {
  readonly method: 'POST';
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
};

/** The order every PlaceOrder asks for: a customer buying one laptop. */
const orderBody = {
  customerId: 'c-42',
  customerEmail: 'ada@example.com',
  items: [{ product: 'Laptop', quantity: 1, unitPrice: 999 }],
} as const;

/**
 * A private, in-memory simulator where a person sends the same command twice. PlaceOrder behaves as seed 004's
 * `POST /api/v1/orders`: the server picks a new order id for every request it runs, so only the idempotency key
 * stops a retried request from placing a second order. ConfirmOrder confirms the latest order placed here.
 */
export type CommandSandbox = {
  /** What the next send of this command will look like. */
  request(command: AttemptCommand): SandboxRequest;
  /** Sends the command with this command id through the simulator's real `execute` (and so `handleCommand`). */
  send(command: AttemptCommand, commandId: string): Promise<CommandAttempt>;
  readonly attempts: readonly CommandAttempt[];
  readonly simulator: WorkbookSimulator;
  close(): void;
};

export async function createCommandSandbox(options: { readonly now?: () => string } = {}): Promise<CommandSandbox> {
  const simulator = await createMemorySimulator(options.now ? { now: options.now } : {});
  const attempts: CommandAttempt[] = [];
  let ordersMinted = 0;
  let latestOrderId: string | undefined;

  const orderIdFor = (command: AttemptCommand): string =>
    command === 'PlaceOrder' ? `A-${ordersMinted + 1}` : (latestOrderId ?? 'A-1');

  const requestFor = (command: AttemptCommand): SandboxRequest => {
    const orderId = orderIdFor(command);
    return command === 'PlaceOrder'
      ? { method: 'POST', path: '/api/v1/orders', body: orderBody }
      : { method: 'POST', path: `/api/v1/orders/${orderId}/confirm`, body: {} };
  };

  return {
    simulator,
    attempts,
    request: requestFor,
    async send(command, commandId) {
      const orderId = orderIdFor(command);
      const logBefore = await simulator.store.headPosition();
      // The key is bound to its request, as the API console binds it: the first request it recorded, and no other.
      const request = requestFor(command);
      const first = attempts.find((attempt) => attempt.commandId === commandId && attempt.verdict.kind === 'recorded');
      if (first !== undefined && canonicalJson(first.request) !== canonicalJson(request)) {
        const reason = keyReusedMessage({ key: commandId, ...first.request }, request.method, request.path);
        const refused: CommandAttempt = {
          number: attempts.length + 1,
          command,
          commandId,
          orderId,
          request,
          outcome: { ok: false, kind: 'validation', message: reason, issues: [{ field: 'Idempotency-Key', message: reason }] },
          logBefore,
          logAfter: logBefore,
          verdict: { kind: 'keyReused', firstAttempt: first.number, firstRequest: requestLine(first.request), reason },
        };
        attempts.push(refused);
        return refused;
      }
      const input = command === 'PlaceOrder' ? { orderId, ...orderBody } : { orderId };
      const outcome = await simulator.execute(command, input, { commandId });
      const logAfter = await simulator.store.headPosition();
      // A replayed PlaceOrder answers with the order of its first send, not the id minted for this request.
      const placed = outcome.ok ? outcome.events.find((event) => event.type === 'OrderPlaced') : undefined;
      const answeredOrderId = (placed?.data as { orderId?: string } | undefined)?.orderId ?? orderId;
      if (placed && outcome.ok && !outcome.idempotentReplay) latestOrderId = answeredOrderId;
      const attempt: CommandAttempt = {
        number: attempts.length + 1,
        command,
        commandId,
        orderId: answeredOrderId,
        request,
        outcome,
        logBefore,
        logAfter,
        verdict: verdictOf(outcome, commandId, attempts),
      };
      // The server checks the key before it does any work: an id is used up only by an order actually placed.
      if (command === 'PlaceOrder' && attempt.verdict.kind === 'recorded') ordersMinted += 1;
      attempts.push(attempt);
      return attempt;
    },
    close() {
      simulator.close();
    },
  };
}
