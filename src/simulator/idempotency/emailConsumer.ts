import type { RecordedEvent } from '../../eventStore/types';

/** The side effect a consumer must not repeat: a confirmation email per order placed. */
export type ConfirmationEmail = { readonly orderId: string; readonly to: string | null; readonly eventId: string };

export type EmailDelivery = 'sent' | 'duplicate';

/**
 * A consumer of OrderPlaced that sends a confirmation email. With an inbox (a table of processed event ids, written
 * together with the effect), a redelivered event is recognised by its id and skipped; without one, every delivery
 * sends another email. Message brokers deliver at least once, so the duplicate is not a bug to fix upstream.
 */
export type EmailConsumer = {
  deliver(event: RecordedEvent): EmailDelivery;
  readonly sent: readonly ConfirmationEmail[];
  /** The inbox table: ids of events already handled, oldest first (always empty without an inbox). */
  readonly processedIds: readonly string[];
};

export function createEmailConsumer({ inbox }: { readonly inbox: boolean }): EmailConsumer {
  const sent: ConfirmationEmail[] = [];
  const processed = new Set<string>();
  return {
    deliver(event) {
      if (inbox && processed.has(event.eventId)) return 'duplicate';
      const data = event.data as { readonly orderId?: unknown; readonly customerEmail?: unknown };
      // In a real service both writes are one transaction: the email goes to an outbox row beside the inbox row.
      sent.push({
        orderId: String(data.orderId ?? ''),
        to: typeof data.customerEmail === 'string' ? data.customerEmail : null,
        eventId: event.eventId,
      });
      if (inbox) processed.add(event.eventId);
      return 'sent';
    },
    sent,
    get processedIds() {
      return [...processed];
    },
  };
}
