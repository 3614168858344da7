import { assertNever } from '../../domain/core/message';
import type { Delivery } from './redeliveryLab';

/** Why the projection did what it did with one delivery, in a student's words, with the real numbers. */
export function explainProjectionDelivery(delivery: Delivery, eventPosition: number): string {
  switch (delivery.projection) {
    case 'applied':
      return `The checkpoint stood at ${delivery.checkpointRead}, before the event at position ${eventPosition}: evolve ran, and the summary and the checkpoint (now ${delivery.checkpointAfter}) were committed together.`;
    case 'alreadyPastCheckpoint':
      return `The checkpoint already stood at ${delivery.checkpointRead}, at or past position ${eventPosition}: the event was dropped before evolve ran, and nothing was written.`;
    case 'commitRefused':
      return `This worker read checkpoint ${delivery.checkpointRead} before the first delivery committed. Its commit expected the stored checkpoint to be ${delivery.checkpointRead}, found ${delivery.checkpointAfter}, and was refused: nothing was written.`;
    default:
      return assertNever(delivery.projection);
  }
}

/** Why the email consumer sent or skipped. */
export function explainInboxDelivery(delivery: Delivery, eventId: string): string {
  switch (delivery.inbox) {
    case 'sent':
      return `Event id ${eventId} was not in the inbox table: the email went out and the id was recorded with it.`;
    case 'duplicate':
      return `Event id ${eventId} is already in the inbox table: skipped, no second email. A consumer without that table has now sent ${delivery.emailsWithoutInbox}.`;
    default:
      return assertNever(delivery.inbox);
  }
}
