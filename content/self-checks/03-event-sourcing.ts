import type { SelfCheck } from '../../src/workbook/selfCheck/types';

export const selfCheck: SelfCheck = {
  lessonId: 'event-sourcing',
  questions: [
    {
      kind: 'order',
      id: 'order-1001-lifecycle',
      prompt: 'Order 1001 was placed, paid (confirmed), processed, shipped and delivered. Put the events of `order-1001` in stream order.',
      items: [
        { id: 'placed', text: '`OrderPlaced`', explanation: 'Position 1: the fold starts from nothing, and only placing creates the order (status `pending`).' },
        { id: 'confirmed', text: '`OrderConfirmed`', explanation: 'Position 2: the state machine allows confirming only a `pending` order.' },
        { id: 'processing', text: '`OrderProcessingStarted`', explanation: 'Position 3: processing starts from `confirmed`.' },
        { id: 'shipped', text: '`OrderShipped`', explanation: 'Position 4: only a `processing` order can be shipped; the tracking number is set here.' },
        { id: 'delivered', text: '`OrderDelivered`', explanation: 'Position 5: delivery follows shipping, and ends the lifecycle.' },
      ],
    },
    {
      kind: 'order',
      id: 'handling-a-command',
      prompt: 'Put the four steps of handling a command in order.',
      items: [
        { id: 'load', text: 'Load the stream\'s events', explanation: 'First: the decision needs the aggregate\'s history, read from its own stream.' },
        { id: 'fold', text: 'Fold them into the current state with `evolve`', explanation: 'Second: `evolve` applied to each event in order, from `initialState()`, gives the state to decide from.' },
        { id: 'decide', text: 'Decide: check the rules and return the new events', explanation: 'Third: `decide(command, state)` either returns events or throws a domain error; it does no I/O.' },
        { id: 'append', text: 'Append the new events with the expected version', explanation: 'Last: the append is what makes the decision a fact, and the expected version makes sure nobody changed the stream in between.' },
      ],
    },
    {
      kind: 'choice',
      id: 'fixing-a-mistake',
      prompt: 'An `OrderShipped` event was recorded with the wrong tracking number. What is the event-sourced fix?',
      multiple: false,
      choices: [
        { id: 'new-event', text: 'Append a new event that corrects the tracking number.', correct: true, explanation: 'Events are immutable; a correction is a new fact. The log now says both what was recorded and that it was corrected.' },
        { id: 'update', text: 'Update the stored event\'s `trackingNumber`.', correct: false, explanation: 'Stored events are never updated: the log would stop being a true record, and read models built from the old value would silently disagree.' },
        { id: 'delete-reappend', text: 'Delete the event and append a corrected copy at the end.', correct: false, explanation: 'Events are never deleted either, and the copy would land at a later position, changing the order of history.' },
      ],
    },
    {
      kind: 'choice',
      id: 'decide-and-evolve',
      prompt: 'Which of these are true of a decider\'s `decide` and `evolve`? Check every one.',
      multiple: true,
      choices: [
        { id: 'decide-returns', text: '`decide` returns the new events, or throws a domain error, without any I/O.', correct: true, explanation: 'It is a pure function of the command and the state; the handler around it loads and appends.' },
        { id: 'evolve-applies', text: '`evolve` applies one event to a state and returns the next state.', correct: true, explanation: 'That is the fold: `events.reduce(evolve, initialState())`.' },
        { id: 'evolve-validates', text: '`evolve` checks the business rules and rejects an event that breaks them.', correct: false, explanation: 'Rules are checked in `decide`, before an event exists. A recorded event is a fact: `evolve` must apply it, or a replay would fail on history.' },
        { id: 'decide-appends', text: '`decide` writes the events to the event store.', correct: false, explanation: 'The decider has no I/O. The command handler appends what `decide` returned.' },
      ],
    },
    {
      kind: 'choice',
      id: 'time-travel',
      prompt: 'How do you see order 1001 as it was yesterday at noon?',
      multiple: false,
      choices: [
        { id: 'fold-prefix', text: 'Fold only the events of its stream recorded up to yesterday noon.', correct: true, explanation: 'The state at any moment is the fold of the events up to that moment: time travel is a shorter replay.' },
        { id: 'backup', text: 'Restore yesterday\'s backup of the read models.', correct: false, explanation: 'A backup shows the moment it was taken, not any moment you choose, and read models are derived anyway: the events hold the answer.' },
        { id: 'impossible', text: 'You cannot: the store only knows the current state.', correct: false, explanation: 'That is state-based persistence. In event sourcing the store keeps every event, so any past state can be derived.' },
      ],
    },
  ],
};
