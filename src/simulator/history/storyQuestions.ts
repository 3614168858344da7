import { assertNever } from '../../domain/core/message';
import { statusOfEvent } from '../../domain/order/statusOfEvent';
import type { RecordedEvent } from '../../eventStore/types';
import type { StoryQuestion, StorySubject } from './crudStory';
import { occurredAt } from './eventCommands';

/** One side's answer to a story question. `known` false = that side cannot tell (any more). */
export type StoryAnswer = {
  readonly known: boolean;
  readonly text: string;
  /** Global positions of the events the answer was read from (empty for CRUD: it has none). */
  readonly evidence: readonly number[];
};

/** The CRUD row as the story shows it: seed 000's or seed 001's `GET` shape. */
export type CrudRowView = Readonly<Record<string, string | number | null>>;

/** "09:40 UTC": the stories happen within a day, and a projector needs few characters. */
export const clockTime = (iso: string): string => `${iso.slice(11, 16)} UTC`;

function duration(fromIso: string, toIso: string): string {
  const minutes = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `${hours} h ${String(rest).padStart(2, '0')} min`;
}

const cite = (event: RecordedEvent): string => `${event.type}, event #${event.globalPosition}`;
const known = (text: string, ...events: RecordedEvent[]): StoryAnswer => ({
  known: true,
  text,
  evidence: events.map((event) => event.globalPosition),
});
const unknown = (text: string): StoryAnswer => ({ known: false, text, evidence: [] });

/** The answer the event store gives: read off the subject's events, citing them. */
export function answerFromEvents(question: StoryQuestion, subject: StorySubject, events: readonly RecordedEvent[]): StoryAnswer {
  const streamId = subject.kind === 'order' ? `order-${subject.orderId}` : `user-${subject.userId}`;
  const own = events.filter((event) => event.streamId === streamId);
  const find = (type: string) => own.find((event) => event.type === type);
  switch (question.id) {
    case 'processingStartedAt': {
      // Seed 002 records OrderProcessingStarted; seed 000's CRUD-style update records OrderStatusSet to processing.
      const started = own.find((event) => event.type !== 'OrderPlaced' && statusOfEvent(event) === 'processing');
      if (!started) return known('Not yet: no event has moved the order to processing so far.');
      return known(`At ${clockTime(occurredAt(started))} (${cite(started)}).`, started);
    }
    case 'timeInPending': {
      const placed = find('OrderPlaced');
      if (!placed) return known('The order does not exist yet: no OrderPlaced event.');
      const left = own.find((event) => event.globalPosition > placed.globalPosition && statusOfEvent(event) !== undefined);
      if (!left) return known(`Still pending, since ${clockTime(occurredAt(placed))} (${cite(placed)}).`, placed);
      return known(
        `${duration(occurredAt(placed), occurredAt(left))}: from ${clockTime(occurredAt(placed))} (${cite(placed)}) to ${clockTime(occurredAt(left))} (${cite(left)}).`,
        placed,
        left,
      );
    }
    case 'statusesVisited': {
      const moves = own.filter((event) => statusOfEvent(event) !== undefined);
      if (moves.length === 0) return known('None yet: the order has no events.');
      return known(moves.map((event) => statusOfEvent(event)).join(' → ') + ` (events ${moves.map((e) => `#${e.globalPosition}`).join(', ')}).`, ...moves);
    }
    case 'emailBefore': {
      const change = find('UserEmailUpdated');
      if (!change) {
        const created = find('UserCreated');
        return created ? known(`There has been no change yet (only ${cite(created)}).`, created) : known('The user does not exist yet.');
      }
      const { previousEmail } = change.data as { previousEmail: string };
      return known(`${previousEmail} (${cite(change)} keeps it).`, change);
    }
    case 'userCreatedAt': {
      const created = find('UserCreated');
      if (!created) return known('Not yet: there is no UserCreated event so far.');
      return known(`At ${clockTime(occurredAt(created))} (${cite(created)}).`, created);
    }
    default:
      return assertNever(question.id);
  }
}

/**
 * The answer the CRUD row gives: only what the row holds now. While a value is current CRUD can answer; once it is
 * written over, it cannot, and says so. (The twin's loss records are the workbook's annotation, not CRUD's data.)
 */
export function answerFromCrud(question: StoryQuestion, row: CrudRowView | undefined): StoryAnswer {
  if (row === undefined) return unknown('No row: there is nothing to read.');
  const status = String(row['status']);
  const updatedAt = String(row['updatedAt']);
  switch (question.id) {
    case 'processingStartedAt':
      if (status === 'processing') return { known: true, text: `Since ${clockTime(updatedAt)}: the row is processing and was last updated then.`, evidence: [] };
      if (status === 'pending' || status === 'confirmed') return { known: true, text: `Not yet: the row says ${status}.`, evidence: [] };
      return unknown(`Unknown. The row only says "${status}", updated ${clockTime(updatedAt)}.`);
    case 'timeInPending':
      if (status === 'pending') return { known: true, text: `Still pending, since ${clockTime(updatedAt)}.`, evidence: [] };
      return unknown(`Unknown. The row only says "${status}"; when it was placed and when it left pending are gone.`);
    case 'statusesVisited':
      if (status === 'pending') return { known: true, text: 'pending (it has not moved yet).', evidence: [] };
      return unknown(`Unknown. The row holds one status: "${status}".`);
    case 'emailBefore':
      return unknown(`Unknown. The row holds one email: ${String(row['email'])}.`);
    case 'userCreatedAt':
      return unknown(`Unknown. The row keeps only updatedAt (${clockTime(updatedAt)}): a creation or a later change?`);
    default:
      return assertNever(question.id);
  }
}
