import { assertNever } from '../../domain/core/message';
import type { RecordedEvent } from '../../eventStore/types';
import type { CommandOutcome } from '../types';

/** The two commands the idempotency sandbox sends: one that creates, one that moves an existing order on. */
export type AttemptCommand = 'PlaceOrder' | 'ConfirmOrder';

/** What one send did, judged against the sends before it. */
export type AttemptVerdict =
  /** The command ran and recorded new events. */
  | { readonly kind: 'recorded' }
  /** The same request under the same key: the first answer came back, nothing ran, nothing was written. */
  | {
      readonly kind: 'replayed';
      /** The earlier send that recorded them (null when it was not sent from this sandbox). */
      readonly firstAttempt: number | null;
      readonly firstCommand: AttemptCommand | null;
    }
  /** The key was first used for another request (422, as the API console answers): nothing ran, nothing was written. */
  | {
      readonly kind: 'keyReused';
      readonly firstAttempt: number;
      /** The first request's line, e.g. `POST /api/v1/orders`. */
      readonly firstRequest: string;
      readonly reason: string;
    }
  /** The command ran, but a rule (or a missing order) refused it: nothing was written. */
  | {
      readonly kind: 'refused';
      readonly reason: string;
      /** The id was new to this sandbox: the key let it through, and the domain's own rules stopped it. */
      readonly newId: boolean;
    }
  /** The command ran and had nothing to change. */
  | { readonly kind: 'unchanged' };

export type CommandAttempt = {
  /** 1, 2, 3… in the order they were sent. */
  readonly number: number;
  readonly command: AttemptCommand;
  /** The idempotency key: the command id the request carried. */
  readonly commandId: string;
  /** The order the request was about (PlaceOrder: the id the server minted for this request). */
  readonly orderId: string;
  /** The HTTP request the send stands for: what its key is bound to. */
  readonly request: { readonly method: string; readonly path: string; readonly body: unknown };
  readonly outcome: CommandOutcome;
  /** Events in the log before and after the send. */
  readonly logBefore: number;
  readonly logAfter: number;
  readonly verdict: AttemptVerdict;
};

/** Judges an outcome by the sends before it. */
export function verdictOf(
  outcome: CommandOutcome,
  commandId: string,
  earlier: readonly Pick<CommandAttempt, 'number' | 'command' | 'commandId' | 'verdict'>[],
): AttemptVerdict {
  if (!outcome.ok)
    return { kind: 'refused', reason: outcome.message, newId: !earlier.some((attempt) => attempt.commandId === commandId) };
  if (outcome.idempotentReplay) {
    const first = earlier.find((attempt) => attempt.commandId === commandId && attempt.verdict.kind === 'recorded');
    return { kind: 'replayed', firstAttempt: first?.number ?? null, firstCommand: first?.command ?? null };
  }
  return outcome.events.length === 0 ? { kind: 'unchanged' } : { kind: 'recorded' };
}

const eventList = (events: readonly RecordedEvent[]): string =>
  events.map((event) => `${event.type} ${event.eventId} at position #${event.globalPosition}`).join(', ');

/** One or two sentences a student reads under the attempt: what happened, and why. */
export function explainAttempt(attempt: CommandAttempt): string {
  const { verdict, outcome } = attempt;
  const count = (n: number): string => `${n} ${n === 1 ? 'event' : 'events'}`;
  const log = `The log ${attempt.logAfter === attempt.logBefore ? `still holds ${count(attempt.logAfter)}` : `grew from ${attempt.logBefore} to ${count(attempt.logAfter)}`}.`;
  switch (verdict.kind) {
    case 'recorded':
      return `New command id ${attempt.commandId}: the command ran and recorded ${outcome.ok ? eventList(outcome.events) : ''}. ${log}`;
    case 'replayed': {
      const from = verdict.firstAttempt === null ? 'an earlier send' : `send ${verdict.firstAttempt}`;
      return `Same request, same key as ${from}: the store already had its events, so they came back (same ids, same positions) and nothing ran twice. Over HTTP the answer carries Idempotent-Replayed: true. ${log}`;
    }
    case 'keyReused':
      return `Refused with 422: ${verdict.reason} A key is bound to its request (method, path and body), so it cannot stand for send ${verdict.firstAttempt}'s request and this one at once. ${log}`;
    case 'refused': {
      const why = verdict.newId
        ? 'The new id got past the idempotency check, so the command ran, and the order’s own rules refused it.'
        : 'A refusal records nothing, so there is nothing to replay: the same id sent again runs the command again.';
      return `Refused: ${verdict.reason} ${why} ${log}`;
    }
    case 'unchanged':
      return `The command ran and had nothing to change. ${log}`;
    default:
      return assertNever(verdict);
  }
}

/** Command ids become event ids (`<commandId>:0`): short, printable, no spaces, so they read well in the log. */
export function checkIdempotencyKey(text: string): string | null {
  if (text.trim() === '') return 'Type an idempotency key (a command id), or press "Send with a new id".';
  if (text.length > 100) return `The key is ${text.length} characters long; keep it to 100 or fewer.`;
  if (!/^[A-Za-z0-9_.:-]+$/.test(text)) return 'Use only letters, digits, underscores, hyphens, dots and colons in the key.';
  return null;
}
