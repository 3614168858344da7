import { headed } from './case';
import type { CorpusCase } from './case';

/**
 * Requirement 6 (when to use CQRS + event sourcing), three scenarios from seed 003. A teacher expects: the HR
 * leave-request system (50 employees) is not a good fit (tiny load, simple domain, the extra parts cost more than they
 * give); the trading platform is a good fit (an append-only event log is the audit trail, and replay reconstructs any
 * past state); the high-traffic Order Service with complex reporting is a good fit (reads scale apart from writes,
 * read models shaped for each report). Every case holds all three; a wrong case varies one and keeps the others right.
 */

type S = 'hr' | 'trading' | 'orders';
const ORDER: readonly S[] = ['hr', 'trading', 'orders'];

const HEADINGS: readonly Record<S, string>[] = [
  {
    hr: 'A simple HR leave-request system used by 50 employees',
    trading: 'A financial trading platform where every trade must be auditable and replayable',
    orders: 'The Order Service of a high-traffic e-commerce platform with complex order reporting needs',
  },
  {
    hr: '1. HR leave requests (50 employees)',
    trading: '2. Financial trading platform',
    orders: '3. High-traffic e-commerce Order Service',
  },
  {
    hr: 'Scenario A – HR leave-request system',
    trading: 'Scenario B – Trading platform (auditable, replayable)',
    orders: 'Scenario C – E-commerce order service with complex reporting',
  },
];

const RIGHT: Record<S, readonly string[]> = {
  hr: [
    'Verdict: not a good fit\n\nFifty users and a few simple forms: the load is tiny and reads and writes look alike. The extra moving parts of CQRS/ES (event bus, projections, eventual consistency) cost more than they give; plain CRUD is enough.',
    '**Not a good fit**\n\nSmall user base, simple domain. A single CRUD database handles it easily; CQRS would only add complexity.',
    'Verdict — not a good fit\n\n- only 50 employees, very low traffic\n- simple create/approve/reject workflow\n- the overhead of separate models and an event store is not justified',
    'fit: no\n\nIt is too small and too simple. Its reads and writes are few and similar, so separating them gains nothing, and eventual consistency would only confuse the users.',
    'Verdict: not a good fit\n\nI would say CRUD is probably enough here: with about 50 users there is no scaling problem to solve, and the domain is simple, so CQRS/ES would most likely be over-engineering.',
    'Verdict: not a good fit\n\nThe system is small and its behaviour is simple; the cost of organising two models, a message bus and projections outweighs any benefit. A normalised CRUD schema is the sensible choice.',
    'Verdict: not a good fit\n\nThis is a small application, not a good place for CQRS: few users, not much data, and no complex queries. An audit of leave changes, if needed, can be a simple history table.',
    '**Verdict:** not a good fit\n\nThe load is negligible and the rules are simple (request, approve, reject), so a single CRUD model serves both the forms and the lists; CQRS/ES would add components to build and run for no benefit.',
    'Not a good fit. With 50 employees nothing needs to scale, and the team would pay for an event bus, projections and eventual consistency without needing any of them.',
  ],
  trading: [
    'Verdict: good fit\n\nEvery trade must be auditable and replayable, which is exactly what an append-only event log gives: a full audit trail, and the ability to replay the history to reconstruct any past position.',
    '**Good fit**\n\nThe immutable event log is the audit trail regulators want, and replaying the events rebuilds the state at any moment.',
    'Verdict — good fit\n\n- every trade is recorded as an immutable event: a complete audit trail\n- replay reconstructs positions and balances at any past time\n- high read load (dashboards, risk) can be served by separate read models',
    'fit: yes\n\nIt needs exactly what event sourcing provides: nothing is ever overwritten, so every trade can be audited, and the history can be replayed to see how a position was reached.',
    'Verdict: good fit\n\nAs far as I can see this is the textbook case: the events are never changed or deleted, so auditors can see every trade, and replaying them reproduces any past state for investigations.',
    'Verdict: good fit\n\nAuditability and replay are requirements here, and an event store gives both by design: each trade is stored as an event that is never modified, and the state at any point in time can be recomputed from them.',
    'Verdict: good fit\n\nRegulation demands a record of every trade; with event sourcing the record is the data itself, kept in order and never changed. Replay lets you rebuild the book at any past instant.',
    '**Verdict:** good fit\n\nAn append-only store of trade events is an audit log that cannot be tampered with, and replaying it answers "what did the account look like at 10:32?".',
    'Good fit. The two requirements, auditable and replayable, are the two things an immutable event log provides out of the box.',
  ],
  orders: [
    'Verdict: good fit\n\nHigh traffic and complex reporting: separate read models (search, reports) can be scaled independently of the write side, and the events feed new reports without touching the order logic.',
    '**Good fit**\n\nReads far outnumber writes and the reports need their own shapes, so read models per report scale and evolve separately from the write model.',
    'Verdict — good fit\n\n- heavy read traffic: the query side scales independently\n- complex reporting: projections tailored to each report (e.g. Elasticsearch)\n- the order history as events is useful for analytics and auditing',
    'fit: yes\n\nIt is high-traffic and it has complicated reports. With CQRS the write side stays small and consistent while the read side is scaled out and shaped for each report.',
    'Verdict: good fit\n\nProbably the strongest case for CQRS: the read and write loads differ a lot, so scaling them independently pays off, and new reporting views can be built by replaying the order events.',
    'Verdict: good fit\n\nThe reporting requirements are complex and the traffic is high; denormalised read models optimised for each report take that load off the transactional write side.',
    '**Verdict:** good fit\n\nThe query side takes most of the traffic and needs report-specific views; giving it its own read stores lets it scale without slowing down order placement.',
    'Good fit. Complex reports get read models built for them, and because reads and writes are separated the read side can be scaled out for peak traffic.',
    'Verdict: partial fit\n\nCQRS clearly fits: the heavy read traffic and the complex reports call for read models that scale and are shaped separately from the write side. Full event sourcing is optional here; it pays off if the business also wants the order history for audit or analytics.',
  ],
};

const STYLES = ['textbook', 'bold verdicts', 'dash verdicts and bullets', 'fit: yes/no', 'hedged', 'British', 'varied'] as const;

function section(pick: Record<S, string>, headings = 0, order: readonly S[] = ORDER): string {
  return headed(order.map((s) => [HEADINGS[headings]![s], pick[s]] as const));
}

function rightSet(i: number, stride = 1): Record<S, string> {
  const pick = {} as Record<S, string>;
  ORDER.forEach((s, k) => {
    pick[s] = RIGHT[s][(i + stride * k) % RIGHT[s].length]!;
  });
  return pick;
}

const REORDERED: readonly S[] = ['orders', 'hr', 'trading'];

const passes: CorpusCase[] = [
  ...STYLES.map((style, i) => ({
    name: `all three right, ${style}`,
    verdict: 'pass' as const,
    why: `right verdicts with true reasons (${style})`,
    section: section(rightSet(i, 0), i % HEADINGS.length),
  })),
  ...Array.from({ length: 18 }, (_, i) => ({
    name: `all three right, mixed ${i + 1}`,
    verdict: 'pass' as const,
    why: 'right verdicts with true reasons, styles mixed',
    section: section(rightSet(i + 1, 1 + Math.floor(i / 9)), (i + 1) % HEADINGS.length, i % 4 === 3 ? REORDERED : ORDER),
  })),
  {
    name: 'non-native English',
    verdict: 'pass',
    why: 'right verdicts, true reasons, imperfect grammar',
    section: section(
      {
        hr: 'Verdict: not a good fit\n\nOnly 50 person use it, the system is very simple, normal CRUD is enough. CQRS add too much complexity for this.',
        trading: 'Verdict: good fit\n\nEach trade must be audit and replay. Event sourcing keep all the events forever and never change them, so we can audit everything and replay for see the past state.',
        orders: 'Verdict: good fit\n\nMany traffic and complex report. With CQRS the read side can scale alone and have special model for each report.',
      },
      0,
    ),
  },
  {
    name: 'pronouns and paraphrase',
    verdict: 'pass',
    why: 'right verdicts; reasons paraphrased',
    section: section(
      {
        hr: 'Verdict: not a good fit\n\nIt has a handful of users and simple screens; splitting it into a write side and a read side would double the work for no gain.',
        trading: 'Verdict: good fit\n\nThey need to prove what happened to every trade and to rerun history; keeping each change as a permanent record, and rebuilding state from those records, is exactly that.',
        orders: 'Verdict: good fit\n\nIt is read far more than it is written and its reports are complicated; giving them their own stores, shaped for them and scaled on their own, is what CQRS is for.',
      },
      1,
    ),
  },
  {
    name: 'one-line answers',
    verdict: 'pass',
    why: 'terse but each reason is a true claim',
    section: section(
      {
        hr: 'Verdict: not a good fit — too small and simple; CRUD suffices.',
        trading: 'Verdict: good fit — the append-only event log gives the audit trail and replay.',
        orders: 'Verdict: good fit — reads scale independently and each report gets its own read model.',
      },
      2,
    ),
  },
];

type Wrong = { readonly s: S; readonly name: string; readonly why: string; readonly answer: string; readonly mentions?: string };

const WRONG: readonly Wrong[] = [
  // HR
  { s: 'hr', name: 'HR: good fit', why: 'wrong verdict: a 50-user CRUD system does not need CQRS/ES', answer: 'Verdict: good fit\n\nEvery leave request would be fully auditable and the read side could scale.' },
  { s: 'hr', name: 'HR: good fit because it has few users', why: 'wrong verdict with a false reason', answer: 'Verdict: good fit\n\nCQRS fits the HR system because it has few users, so the extra components are cheap to run.' },
  { s: 'hr', name: 'HR: not a good fit because event sourcing makes auditing impossible', why: 'right verdict, false reason', answer: 'Verdict: not a good fit\n\nEvent sourcing makes it impossible to audit who approved a leave request.' },
  { s: 'hr', name: 'HR: no extra complexity, so use it', why: 'denies the complexity cost; wrong verdict', answer: '**Good fit**\n\nThere is no extra complexity in CQRS, so there is no reason not to use it, even for 50 people.' },
  { s: 'hr', name: 'HR: verdict only, no reasons', why: 'no reasons given', answer: 'Verdict: not a good fit' },
  { s: 'hr', name: 'HR: reasons only, no verdict', why: 'no verdict and no assessment, only a description of the system', answer: 'The system has 50 users. Employees request leave, managers approve or reject it, and HR sees the balances.' },
  { s: 'hr', name: 'HR: reason is keywords', why: 'reason is terms without a claim', answer: 'Verdict: not a good fit\n\nCRUD, complexity, 50 employees.' },
  // trading
  { s: 'trading', name: 'trading: not a good fit', why: 'wrong verdict: audit and replay are what ES gives', answer: 'Verdict: not a good fit\n\nEvent sourcing is too slow for trading; a relational database with updates in place is better.' },
  { s: 'trading', name: 'trading: good fit because wrong trades can be corrected in the log', why: 'right verdict, false reason: events are never edited', answer: 'Verdict: good fit\n\nWith event sourcing, a wrong trade can simply be corrected by editing its event in the log, so the history is always clean.' },
  { s: 'trading', name: 'trading: good fit because reads are always immediately consistent', why: 'right verdict, false reason', answer: '**Good fit**\n\nThe read model is always immediately consistent with the trades, so reports are exact at every instant.' },
  { s: 'trading', name: 'trading: keywords as the reason', why: 'reason is terms without a claim', answer: 'Verdict: good fit\n\nAudit, replay, events.' },
  { s: 'trading', name: 'trading: snapshots replace the old trades', why: 'right verdict, misconception in the reason', answer: 'Verdict: good fit\n\nEvery trade is an event, and snapshots replace the old events every night so the audit stays fast.' },
  { s: 'trading', name: 'trading: fit: no', why: 'wrong verdict', answer: 'fit: no\n\nAuditing can be done with a log table; there is no need for events or replay.' },
  // orders
  { s: 'orders', name: 'orders: not a good fit', why: 'wrong verdict: high traffic and complex reports are the case for CQRS', answer: 'Verdict: not a good fit\n\nHigh traffic is best served by one CRUD database shared by reads and writes.' },
  { s: 'orders', name: 'orders: good fit because CQRS makes the code simpler', why: 'right verdict, false reason: CQRS adds complexity', answer: 'Verdict: good fit\n\nCQRS makes the code simpler than CRUD, so it is always the better choice for a big service.' },
  { s: 'orders', name: 'orders: good fit because the reports read the write database', why: 'right verdict, false reason', answer: 'Verdict — good fit\n\nThe complex reports can query the write database directly, which keeps the read side free.' },
  { s: 'orders', name: 'orders: keywords as the reason', why: 'reason is terms without a claim', answer: 'Verdict: good fit\n\nCQRS, events, read model, Kafka.' },
  { s: 'orders', name: 'orders: long reason with a buried misconception', why: 'claims CQRS requires event sourcing', answer: 'Verdict: good fit\n\nThe read traffic is far higher than the write traffic, so the query side should scale on its own. CQRS cannot be used without event sourcing, so the orders must be event-sourced too. Reports get their own read models, shaped for each query.' },
  { s: 'orders', name: 'orders: verdict only', why: 'no reasons given', answer: '**Good fit**' },
  { s: 'hr', name: 'HR: not a good fit because CQRS only works with event sourcing', why: 'right verdict, false reason (CQRS does not require ES)', answer: 'Verdict: not a good fit\n\nCQRS can only be used together with event sourcing, and HR data cannot be stored as events.' },
  { s: 'trading', name: 'trading: good fit because bad trades can be deleted', why: 'right verdict, false reason: events are never deleted', answer: 'Verdict: good fit\n\nNothing stops an administrator from deleting a bad trade event, so the log stays accurate for the auditors.' },
  { s: 'trading', name: 'trading: partial fit, replay impossible', why: 'verdict hedged on a false claim about replay', answer: 'Verdict: partial fit\n\nCQRS helps with the load, but with event sourcing it is impossible to replay trades once they are stored.' },
  { s: 'orders', name: 'orders: good fit although reports are far from complex', why: 'reason contradicts the scenario; no true reason', answer: 'Verdict: good fit\n\nThe reports are far from complex and the traffic is low, but CQRS is fashionable.' },
  { s: 'orders', name: 'orders: good fit because queries update the orders', why: 'misconception: queries change state', answer: 'Verdict: good fit\n\nThe reporting queries update the order status as they read it, so the reports and the orders always agree.' },
];

const fails: CorpusCase[] = WRONG.map((w, i) => {
  const pick = rightSet(i + 2, 1 + (i % 2));
  pick[w.s] = w.answer;
  return { name: w.name, verdict: 'fail', why: w.why, section: section(pick, i % HEADINGS.length, i % 5 === 4 ? REORDERED : ORDER), ...(w.mentions ? { mentions: w.mentions } : {}) };
});

const structural: CorpusCase[] = [
  {
    name: 'the trading scenario missing',
    verdict: 'fail',
    why: 'one scenario not assessed',
    section: headed((['hr', 'orders'] as const).map((s) => [HEADINGS[0]![s], rightSet(3)[s]] as const)),
  },
  {
    name: 'all three good fit',
    verdict: 'fail',
    why: 'HR said to be a good fit',
    section: section({ ...rightSet(1), hr: 'Verdict: good fit\n\nCQRS and event sourcing are modern best practice and every system should use them.' }, 1),
  },
];

export const REQUIREMENT_6_CORPUS: readonly CorpusCase[] = [...passes, ...fails, ...structural];
