import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'sagas',
  questions: [
    {
      kind: 'order',
      id: 'compensation-order',
      prompt: 'The saga reserved a Laptop, then a Mouse, and the payment was declined. Put its compensating steps in order.',
      items: [
        { id: 'refund', text: '`RefundPayment` (a check)', explanation: 'First: payment was the last step tried. A charge call that failed may still have gone through, so the saga asks; here nothing was charged, so no event.' },
        { id: 'release-mouse', text: '`ReleaseStock` (Mouse)', explanation: 'Second: reservations are undone last one first, and the Mouse was reserved last.' },
        { id: 'release-laptop', text: '`ReleaseStock` (Laptop)', explanation: 'Third: the Laptop was reserved first, so it is released last.' },
        { id: 'cancel', text: '`CancelOrder` (payment declined)', explanation: 'Last: placing the order was the first step, so cancelling it, with the reason, ends the compensation.' },
      ],
    },
    {
      kind: 'choice',
      id: 'why-refund-check',
      prompt: 'Why does the saga check for a refund when the payment was declined?',
      multiple: false,
      choices: [
        { id: 'may-have-charged', text: 'A charge call that failed or timed out may still have gone through, so the saga asks the payment stream.', correct: true, explanation: 'A saga cannot trust that a failed call had no effect. The payment decider answers "nothing was charged" with no event, so the check is harmless.' },
        { id: 'always-refund', text: 'To refund the customer anyway, as a goodwill gesture.', correct: false, explanation: 'The refund is a check, not a payment: when nothing was charged, nothing is refunded and no event is recorded.' },
        { id: 'retry', text: 'To retry the charge, because a declined payment often goes through the second time.', correct: false, explanation: 'A declined payment is a business answer and is not retried; only an unreachable service is.' },
      ],
    },
    {
      kind: 'choice',
      id: 'compensation-is-not-rollback',
      prompt: 'After the compensation, what does the Laptop\'s inventory stream hold?',
      multiple: false,
      choices: [
        { id: 'both-events', text: 'The `StockReserved` event and, after it, the `StockReleased` that cancels its effect.', correct: true, explanation: 'A compensation is a new event, not a rollback: nothing is erased, everything is explained.' },
        { id: 'nothing', text: 'Nothing new: the reservation was rolled back as if it never happened.', correct: false, explanation: 'No transaction spans the three streams, so there is nothing to roll back. The reservation happened and stays in the history.' },
        { id: 'deleted', text: 'Only `StockReleased`: the reservation event was deleted.', correct: false, explanation: 'Events are never deleted, in the inventory stream or any other.' },
      ],
    },
    {
      kind: 'choice',
      id: 'reliable-sagas',
      prompt: 'What keeps this saga reliable when the tab crashes halfway? Check every one.',
      multiple: true,
      choices: [
        { id: 'own-stream', text: 'Its own state is event-sourced in `saga-<orderId>`, so a reload resumes at the missing step.', correct: true, explanation: 'The fold of the saga\'s stream says which steps are done; the next step is whatever is missing.' },
        { id: 'stable-ids', text: 'Each step is sent with a stable command id, so a resend after a crash does not charge or reserve twice.', correct: true, explanation: 'The store returns the earlier result for a command id it has already recorded.' },
        { id: 'distributed-tx', text: 'A transaction spanning the order, payment and inventory streams.', correct: false, explanation: 'The store appends to one stream at a time; no transaction spans three. That is why a saga exists.' },
        { id: 'retry-declined', text: 'Retrying a declined payment until it succeeds.', correct: false, explanation: 'A decline is the payment service\'s answer; retrying it would not make the saga reliable, only the customer annoyed.' },
      ],
    },
    {
      kind: 'choice',
      id: 'circuit-breaker',
      prompt: 'The payment service has failed three times in a row and the circuit breaker is open. What happens to the next charge?',
      multiple: false,
      choices: [
        { id: 'fails-fast', text: 'It fails at once without calling the service; after a cool-down one trial call is let through.', correct: true, explanation: 'Open means fail fast: the customer gets a quick answer and the service room to recover. Half-open lets one trial decide whether to close again.' },
        { id: 'queued', text: 'It waits in a queue until the service is back, then goes through.', correct: false, explanation: 'The breaker does not hold calls; it refuses them while open, and the saga compensates.' },
        { id: 'retries-more', text: 'It is retried more often, to get through as soon as the service recovers.', correct: false, explanation: 'That is what the breaker prevents: hammering a service that is down only keeps it down.' },
      ],
    },
  ],
};
