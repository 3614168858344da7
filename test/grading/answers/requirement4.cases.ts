import { questions } from './case';
import type { GradedCase } from './case';

/** Requirement 4 (event sourcing concepts): correct answer sets in different words, and wrong or incomplete ones. */

const DIFFERENCE = 'State-based persistence stores only the current state and overwrites it; event sourcing stores every change as an event.';
const EVENT_STORE = 'An event store is a database of events; events are append-only and never updated or deleted.';
const REPLAY = 'Replaying means applying the stored events again from the beginning to rebuild state, for example to build a new read model.';
const SNAPSHOT = 'A snapshot saves the state at a given version so you only replay the events after it, which is faster.';

export const REQUIREMENT_4_CASES: readonly GradedCase[] = [
  { name: 'textbook answers', section: questions(DIFFERENCE, EVENT_STORE, REPLAY, SNAPSHOT), verdict: 'pass' },
  {
    name: 'informal answers with lists',
    section: questions(
      'CRUD: UPDATE the row in place, the old value is gone.\nES: we append an event for each change and keep the whole history.',
      '- it is where the events live (one stream per order)\n- immutable: you never edit or delete an event\n- ordered by position',
      "You take all the events and run them through the evolve function again. Handy when there's a bug in a projection: fix it and rebuild.",
      'Basically a cached copy of the aggregate state at event N. Loading = snapshot + the few events since it, not the whole history.',
    ),
    verdict: 'pass',
  },
  {
    name: 'contrasts phrased with "instead of"',
    section: questions(
      'Instead of keeping the latest state in a table, event sourcing records the sequence of events that led to it.',
      'The event store persists events in an append-only log: nothing is ever modified, corrections are new events.',
      'To replay is to re-apply the event history in order to reconstruct state; useful for auditing what happened at a point in time.',
      'It stores the aggregate state as of some event so that loading does not have to replay all 10,000 events.',
    ),
    verdict: 'pass',
  },
  {
    name: 'long explanations',
    section: questions(
      'Traditional persistence keeps the current value of each entity and replaces it on every update, so you lose how it got there. Event sourcing keeps the full history: each change is stored as an immutable event, and the state is derived from them.',
      'The event store is the storage for events. The key requirement is immutability: stored events can never be changed. Events are also totally ordered within a stream, and appends check the expected version.',
      'Replay means reading the events of a stream or of the whole store from the start and processing them again to recreate a projection. A valuable case is migrating to a new read model schema: replay everything into the new tables.',
      'Snapshots capture the state of an aggregate at a certain point. They improve performance for long streams: start from the snapshot and apply only the later events.',
    ),
    verdict: 'pass',
  },
  {
    name: 'terse answers',
    section: questions(
      'Latest state vs full history of changes (events).',
      'Append-only store of events.',
      'Re-run events to rebuild a read model, e.g. after a bug fix.',
      'Saved state at version N; fewer events to replay.',
    ),
    verdict: 'pass',
  },
  {
    name: 'events said to be updated',
    section: questions(DIFFERENCE, 'An event store is a database of events; events can be updated when an order changes.', REPLAY, SNAPSHOT),
    verdict: 'fail',
    mentions: 'never updated or deleted',
  },
  {
    name: 'event store without immutability',
    section: questions(DIFFERENCE, 'An event store is a database that holds the events of each order.', REPLAY, SNAPSHOT),
    verdict: 'fail',
    mentions: 'never changed after they are stored',
  },
  {
    name: 'replay without a use case',
    section: questions(DIFFERENCE, EVENT_STORE, 'Replaying means applying the events again to get the state.', SNAPSHOT),
    verdict: 'fail',
    mentions: 'use case',
  },
  {
    name: 'snapshots said to delete old events',
    section: questions(DIFFERENCE, EVENT_STORE, REPLAY, 'A snapshot saves the state so that the older events can be deleted, which is faster.'),
    verdict: 'fail',
    mentions: 'Question 4',
  },
  {
    name: 'replay said to re-run the commands',
    section: questions(DIFFERENCE, EVENT_STORE, 'Replaying events means re-executing the commands to rebuild state, e.g. for debugging.', SNAPSHOT),
    verdict: 'fail',
    mentions: 'runs the commands again',
  },
  {
    name: 'snapshot without why',
    section: questions(DIFFERENCE, EVENT_STORE, REPLAY, 'A snapshot is a saved copy of the state.'),
    verdict: 'fail',
    mentions: 'why it is used',
  },
];
