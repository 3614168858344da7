import { headed } from './case';
import type { CorpusCase } from './case';

/**
 * Requirement 4 (event sourcing concepts), four questions. Every case holds the whole section; a wrong case varies one
 * question and keeps the others right (rotating correct wordings). Headings vary: the starter's, numbered, short,
 * reordered.
 */

type Q = 'difference' | 'store' | 'replay' | 'snapshot';
const ORDER: readonly Q[] = ['difference', 'store', 'replay', 'snapshot'];

const HEADINGS: readonly Record<Q, string>[] = [
  {
    difference: 'What is the key difference between traditional state-based persistence and event sourcing?',
    store: 'What is an event store? What are the requirements for events stored in it?',
    replay: 'What does it mean to replay events? Give one use case where replaying events is valuable.',
    snapshot: 'What is a snapshot in event sourcing and why is it used?',
  },
  {
    difference: '1. State-based persistence vs event sourcing',
    store: '2. Event store and its requirements',
    replay: '3. Replaying events (with a use case)',
    snapshot: '4. Snapshots',
  },
  {
    difference: 'Q1 – Key difference',
    store: 'Q2 – Event store',
    replay: 'Q3 – Replay',
    snapshot: 'Q4 – Snapshot',
  },
  {
    difference: '4.1 Key difference between state-based persistence and event sourcing',
    store: '4.2 What is an event store and what must its events satisfy?',
    replay: '4.3 What does replaying events mean, and when is it valuable?',
    snapshot: '4.4 What is a snapshot and why use one?',
  },
];

const RIGHT: Record<Q, readonly string[]> = {
  difference: [
    'State-based persistence keeps only the current state of each record and overwrites it on every change, so the history is lost. Event sourcing stores every change as an immutable event in an append-only log, and the current state is derived by replaying those events.',
    'State-based: current state only, overwritten in place. Event sourcing: the sequence of events is stored; the state is a fold over them.',
    '- state-based: one row per order, updated in place; the previous values are gone\n- event sourcing: every change is appended as an event; the current state is computed from the events',
    'In state based we save only the last state, the old value is overwrite. In event sourcing we save all the events which happen, and the state we calculate from them.',
    'The first keeps only the latest values of a record and replaces them when something changes. The second keeps every change as an event and never throws them away; it rebuilds the current state by applying them in order.',
    'I think the main difference is that state-based persistence generally stores just the current state of the data (updating it in place), whereas event sourcing records the full sequence of changes as events and derives the state from them.',
    'With state-based persistence the row is overwritten, so the behaviour that led to it is lost; with event sourcing the changes themselves are the source of truth, recorded as events, and the current state is recomputed from them.',
    'Instead of storing the current state and updating it, event sourcing appends an event for every change, and the state is rebuilt from the events. Traditional persistence stores the current state only.',
    'A CRUD table remembers only where an order is now (status shipped), not that it was processing before. An event-sourced system records each thing that happened to the order — placed, paid, shipped — and works out where it is now from that list.',
  ],
  store: [
    'An event store is the database that holds the events, one stream per aggregate (e.g. per order). Events are append-only and immutable: never updated or deleted, and kept in order.',
    'Append-only log of events. Requirements: immutable, ordered, never updated or deleted.',
    'A database specialised for storing events.\n- append-only\n- events are immutable once written\n- strictly ordered within a stream (version numbers)\n- concurrent appends checked against an expected version',
    'Event store is a database where the events are saved. The events must be immutable, we can only add new one at the end, never change or remove old one, and they must stay in the order.',
    'It is the durable log that the events are appended to, grouped per order. They must never be changed or removed once written, and they keep the order in which they happened.',
    'Essentially a persistent, append-only store of events. Events in it should be immutable and ordered; I would also expect optimistic concurrency on append.',
    'The event store is the system of record: an append-only log. Stored events are immutable — they are never modified or removed — and they are sequenced, so each one has a position in its stream.',
    'The event store is the database of events (one stream per order). Events in it are immutable and append-only; if something was wrong you append a new correcting event rather than editing an old one. They must be stored in order.',
    'Storage for the history: every event ever recorded, in the order it happened. Nothing in it is ever overwritten or erased; new events are only added at the end.',
  ],
  replay: [
    'Replaying means reading the stored events from the beginning and applying them again, in order, to rebuild state. Use case: building a new read model from the full history.',
    'Re-apply the stored events in order to rebuild state. Use case: rebuilding a corrupted projection.',
    '- read the events of a stream (or of all streams) from position 1\n- apply each one, in order, to an empty state\n- use case: debugging — reconstruct what an order looked like last Tuesday',
    'Replay is when we take all events from the store and apply them again one by one, in the same order, to build the state again. It is useful for example to create a new report from old data.',
    'You take the events that are already stored and run them through the projection again, in order; that rebuilds the state they describe. It is valuable when a bug in a projection is fixed: you replay them and the read model is correct again.',
    'I would describe it as re-processing past events in their original order to reconstruct state. One valuable use might be an audit, to see the state at any past point in time.',
    'Replaying is re-applying the recorded events, in sequence, to rebuild an aggregate or a projection. Use case: analysing historical behaviour, e.g. a new report on cancellations over the last year.',
    'Not re-running the commands: replay re-applies the events that were recorded, which is deterministic. Use case: time travel, to see an order as it was on a given date.',
    'Going through the history again from the first event and applying each event to a fresh state until you reach the present. Valuable when you add a new read model (say, revenue per product) that needs all past orders.',
  ],
  snapshot: [
    'A snapshot saves the state of an aggregate as of a given event version. It is used for performance: you load the latest snapshot and replay only the events after it. The events stay in the store.',
    'Cached state at version N; load it and replay only the later events. Speeds up loading long streams.',
    '- a saved copy of the aggregate state at some version\n- loading = latest snapshot + the events after it\n- why: avoids replaying thousands of events',
    'Snapshot is a saved state of the order at some moment. It is used so we do not need to replay all 10000 events, only the events after the snapshot. The events are still kept.',
    'It is the state of an aggregate saved at a certain version. It exists to make loading faster: instead of folding all the events, you start from it and apply only the ones that came after it.',
    'A snapshot is, I think, a periodically saved state of an aggregate, used as a performance optimisation so that rebuilding does not have to go through the whole history each time.',
    "A snapshot is a serialised copy of an aggregate's state at a known event number. It is an optimisation: rehydration starts from the snapshot and only the subsequent events are applied; the events remain the source of truth.",
    'A snapshot does not replace the events: it is a cache of the state at version N, so that loading an order reads the snapshot plus the few events after it, which is quicker.',
    'A checkpoint of the state, taken every so many events, so that loading an order with a long history is quick: start from the checkpoint, then apply what happened since.',
  ],
};

const STYLES = ['textbook', 'terse', 'bullet lists', 'non-native English', 'pronouns', 'hedged', 'British spelling', 'contrastive', 'paraphrase'] as const;

function section(pick: Record<Q, string>, headings = 0, order: readonly Q[] = ORDER): string {
  return headed(order.map((q) => [HEADINGS[headings]![q], pick[q]] as const));
}

function rightSet(i: number, stride = 1): Record<Q, string> {
  const pick = {} as Record<Q, string>;
  ORDER.forEach((q, k) => {
    const variants = RIGHT[q];
    pick[q] = variants[(i + stride * k) % variants.length]!;
  });
  return pick;
}

function sameStyle(i: number): Record<Q, string> {
  const pick = {} as Record<Q, string>;
  for (const q of ORDER) pick[q] = RIGHT[q][i]!;
  return pick;
}

const REORDERED: readonly Q[] = ['snapshot', 'difference', 'replay', 'store'];
const REVERSED: readonly Q[] = [...ORDER].reverse();

const passes: CorpusCase[] = [
  ...STYLES.map((style, i) => ({
    name: `all four right, ${style}`,
    verdict: 'pass' as const,
    why: `every question answered correctly (${style})`,
    section: section(sameStyle(i), i % HEADINGS.length),
  })),
  ...Array.from({ length: 9 }, (_, i) => ({
    name: `all four right, mixed wordings ${i + 1}`,
    verdict: 'pass' as const,
    why: 'every question answered correctly, wordings mixed',
    section: section(rightSet(i + 1), (i + 1) % HEADINGS.length),
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    name: `all four right, mixed wordings ${i + 10}`,
    verdict: 'pass' as const,
    why: 'every question answered correctly, wordings mixed',
    section: section(rightSet(i, 2), (i + 2) % HEADINGS.length),
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    name: `all four right, questions in another order ${i + 1}`,
    verdict: 'pass' as const,
    why: 'right answers under their own headings, in another order',
    section: section(rightSet(i + 3, 4), i % HEADINGS.length, i % 2 === 0 ? REORDERED : REVERSED),
  })),
  {
    name: 'long answers with the seed order example',
    verdict: 'pass',
    why: 'correct and complete, just long',
    section: section({
      difference:
        'In the CRUD twin of the Order Service there is one row per order. When order 1001 goes from processing to shipped, the status column is overwritten and nothing remembers that it was ever processing. In event sourcing, the order is a stream of events — OrderPlaced, OrderPaid, OrderShipped — that are only ever appended, and the current state is what you get by applying them in order. The history is the data; the state is derived.',
      store:
        'An event store is the database of an event-sourced system. It keeps a stream of events per aggregate, each event with a position in its stream and a global position. The events must be immutable and append-only: once written they are never updated and never deleted, and a correction is a new event. An append states the version it expects, so two writers cannot both extend the same stream from the same version.',
      replay:
        'To replay is to read events that are already stored, from the first one onwards, and apply them again in order — to an aggregate, to rebuild its state, or to a projection, to rebuild a read model. It is valuable when we add a new read model, for example a top-customers table: we replay all past events into it and it is complete from day one, as if it had always existed.',
      snapshot:
        'A snapshot is the state of an aggregate written down at a given version, for example order 1001 after its 500th event. When the order is loaded, the latest snapshot is read and only the events after its version are applied. It is used because folding a very long stream every time is slow; the events themselves stay in the store and remain the source of truth.',
    }, 0),
  },
  {
    name: 'synonyms: removed, modified, erased, re-applied',
    verdict: 'pass',
    why: 'correct in other words',
    section: section({
      difference: 'State-based storage modifies the record in place and keeps only its latest version; event sourcing keeps the list of changes and derives the current state from it.',
      store: 'A log of events to which new events are only added. They cannot be modified or removed, and their order is preserved.',
      replay: 'Re-applying the recorded events in order to reconstruct state. Valuable for rebuilding a read model after changing its schema.',
      snapshot: 'A stored copy of an aggregate at some version, so loading only re-applies the events after it; older events are not removed.',
    }, 1),
  },
  {
    name: 'tiny answers, one line each',
    verdict: 'pass',
    why: 'minimal but each asserts the right idea',
    section: section({
      difference: 'CRUD stores current state; ES stores the events and derives state from them.',
      store: 'An append-only log of immutable, ordered events.',
      replay: 'Re-apply past events in order; e.g. to rebuild a projection.',
      snapshot: 'Saved state at version N, so only later events are replayed (performance).',
    }, 2),
  },
];

type Wrong = { readonly q: Q; readonly name: string; readonly why: string; readonly answer: string; readonly mentions?: string };

const WRONG: readonly Wrong[] = [
  // difference
  { q: 'difference', name: 'sides swapped: state-based keeps the history', why: 'swaps which one keeps the history', answer: 'State-based persistence keeps the full history of changes, while event sourcing stores only the current state of each order.' },
  { q: 'difference', name: 'difference as a list of terms', why: 'terms listed, no claim', answer: 'State, events, history, current state, append-only, replay.' },
  { q: 'difference', name: 'state read from the table, events only a log', why: 'in event sourcing the state is derived from the events', answer: 'Event sourcing stores the current state in a table and also writes events to a log for debugging; the state is always read from the table, never from the events.' },
  { q: 'difference', name: 'no real difference', why: 'denies the difference', answer: 'There is no real difference: both store the current state; event sourcing just sends events to a bus as well.' },
  { q: 'difference', name: 'only one side described', why: 'no contrast with state-based persistence, no derived state', answer: 'Event sourcing uses events.' },
  { q: 'difference', name: 'long answer with a wrong sentence in the middle', why: 'says events are overwritten when the order changes', answer: 'State-based persistence keeps the current row only. In event sourcing each order has its own stream, and when the order changes its last event is overwritten with the new status. The current state is derived by replaying the stream.' },
  // store
  { q: 'store', name: 'events can be fixed in place', why: 'events are immutable; they are never updated', answer: 'An event store is a database of events. Events are kept in order, and if an event has a mistake you fix it by updating it in place.' },
  { q: 'store', name: 'old events removed after a snapshot', why: 'events are never deleted', answer: 'It is a log of events; old events are removed once a snapshot is taken to save space. They must be ordered.' },
  { q: 'store', name: 'admins clean up wrong events', why: 'events are never edited', answer: 'The event store keeps the events in order; administrators clean up wrong events by editing their payload.' },
  { q: 'store', name: 'event store without its requirements', why: 'the requirements for the events are not given', answer: 'An event store is a database that stores events.' },
  { q: 'store', name: 'event store as a list of terms', why: 'terms listed, nothing asserted', answer: 'Events, store, immutable, database, append, order.' },
  { q: 'store', name: 'events adjusted afterwards', why: 'events are immutable; they are not adjusted', answer: 'The event store holds the events of each order in sequence. They can be adjusted afterwards when, say, a price turns out to be wrong.' },
  { q: 'store', name: 'nothing stops you from editing an event', why: 'allows editing events', answer: 'An append-only database of events, kept in order — though nothing stops you from editing an event when its data was wrong.' },
  // replay
  { q: 'replay', name: 'replay as re-running the commands', why: 'replay re-applies events, not commands', answer: 'Replaying means sending the original commands to the command handler again so it redoes the work. Use case: recovering after a crash.' },
  { q: 'replay', name: 'replay without a use case', why: 'no use case given', answer: 'Replaying means re-applying the stored events in order to rebuild the state.' },
  { q: 'replay', name: 'replay repairs the events', why: 'replay does not change stored events', answer: 'Replaying means going through the stored events, repairing the ones that are wrong and applying them again. Use case: cleaning up bad data.' },
  { q: 'replay', name: 'replay means reading only the latest event', why: 'replay applies all events in order, not the last one', answer: 'Replay means taking the latest event of the order and applying it to get the current state. Use case: showing the order status.' },
  { q: 'replay', name: 'replay as a list of terms', why: 'terms listed, nothing asserted', answer: 'Replay: events, order, state, rebuild, projection.' },
  { q: 'replay', name: 'replay deletes and starts over', why: 'replay does not delete the events', answer: 'Replaying events means deleting the old events and recreating them from the current state. Use case: migrating to a new schema.' },
  // snapshot
  { q: 'snapshot', name: 'snapshot deletes the older events', why: 'snapshots do not remove events', answer: 'A snapshot is the state at some point; after taking it the older events are deleted to save space.' },
  { q: 'snapshot', name: 'snapshot as a nightly backup', why: 'a snapshot is aggregate state for faster loading, not a backup', answer: 'A snapshot is a backup of the whole database taken every night, used for disaster recovery.' },
  { q: 'snapshot', name: 'snapshot without why', why: 'why it is used is not said', answer: 'A snapshot is the saved state of an aggregate at a version.' },
  { q: 'snapshot', name: 'snapshot replaces the events', why: 'snapshots do not replace events', answer: 'A snapshot replaces the events before it, so the store stays small and loading is faster.' },
  { q: 'snapshot', name: 'events before the snapshot no longer needed', why: 'events are kept; they are the source of truth', answer: 'Snapshots are used for performance: loading starts from the snapshot, and the events before it are no longer needed, so they can be thrown away.' },
  { q: 'snapshot', name: 'after a snapshot, replay from the start no longer possible', why: 'false claim: the events stay and can always be replayed', answer: 'A snapshot is the state of an aggregate at a version. Once it is taken, replaying from the first event is no longer possible, so loading must start from the snapshot.' },
  { q: 'snapshot', name: 'snapshot as a list of terms', why: 'terms listed, nothing asserted', answer: 'Snapshot: state, version, performance, events.' },
];

const fails: CorpusCase[] = WRONG.map((w, i) => {
  const pick = rightSet(i + 2);
  pick[w.q] = w.answer;
  const order = i % 5 === 4 ? REORDERED : ORDER;
  return { name: w.name, verdict: 'fail', why: w.why, section: section(pick, i % HEADINGS.length, order), ...(w.mentions ? { mentions: w.mentions } : {}) };
});

const structural: CorpusCase[] = [
  { name: 'the replay question left as TODO', verdict: 'fail', why: 'one question unanswered', section: section({ ...rightSet(4), replay: 'TODO' }, 0) },
  {
    name: 'the snapshot question missing altogether',
    verdict: 'fail',
    why: 'one question unanswered (heading and answer missing)',
    section: headed(ORDER.filter((q) => q !== 'snapshot').map((q) => [HEADINGS[1]![q], rightSet(5)[q]] as const)),
  },
];

export const REQUIREMENT_4_CORPUS: readonly CorpusCase[] = [...passes, ...fails, ...structural];
