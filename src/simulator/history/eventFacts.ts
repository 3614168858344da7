import { assertNever } from '../../domain/core/message';
import type { RecordedEvent } from '../../eventStore/types';
import { historyEventOf } from './eventCommands';

/**
 * One line saying what an event records, for the history lists: "→ processing", "ada@… → ada@new…". The full
 * envelope stays one click away; on a projector a line per event is what the room can read.
 */
export function eventFact(recorded: RecordedEvent): string {
  const history = historyEventOf(recorded);
  if (history === undefined) return '';
  if (history.aggregate === 'user') {
    const event = history.event;
    switch (event.type) {
      case 'UserCreated':
        return `${event.data.firstName} ${event.data.lastName}, ${event.data.email}`;
      case 'UserEmailUpdated':
        return `${event.data.previousEmail} → ${event.data.newEmail}`;
      default:
        return assertNever(event);
    }
  }
  const event = history.event;
  switch (event.type) {
    case 'OrderPlaced': {
      const lines = event.data.items.map((item) => `${item.quantity} × ${item.product}`).join(', ');
      return `${lines} for customer ${event.data.customerId} → pending`;
    }
    case 'OrderConfirmed':
      return '→ confirmed';
    case 'OrderProcessingStarted':
      return '→ processing';
    case 'OrderShipped':
      return event.data.trackingNumber ? `→ shipped (${event.data.trackingNumber})` : '→ shipped';
    case 'OrderDelivered':
      return '→ delivered';
    case 'OrderCancelled':
      return `${event.data.previousStatus} → cancelled: ${event.data.reason}`;
    case 'OrderDeleted':
      return `deleted (was ${event.data.previousStatus})`;
    case 'OrderStatusSet':
      return `${event.data.previousStatus} → ${event.data.status} (set, no state machine)`;
    default:
      return assertNever(event);
  }
}
