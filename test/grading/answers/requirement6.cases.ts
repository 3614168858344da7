import type { GradedCase } from './case';

/** Requirement 6 (scenarios): verdicts written in several ways, and wrong verdicts or reasons. */

const HR = '### A simple HR leave-request system used by 50 employees';
const TRADING = '### A financial trading platform where every trade must be auditable and replayable';
const SHOP = '### The Order Service of a high-traffic e-commerce platform with complex order reporting needs';

function scenarios(hr: string, trading: string, shop: string): string {
  return `${HR}\n\n${hr}\n\n${TRADING}\n\n${trading}\n\n${SHOP}\n\n${shop}\n`;
}

const GOOD_HR = 'Verdict: not a good fit\n\nFifty users and simple forms: the complexity is not worth it, CRUD is enough.';
const GOOD_TRADING = 'Verdict: good fit\n\nEvery trade must be auditable and replayable: the event log gives exactly that.';
const GOOD_SHOP = 'Verdict: good fit\n\nHigh traffic and complex reporting: read models scale independently.';

export const REQUIREMENT_6_CASES: readonly GradedCase[] = [
  { name: 'plain verdict lines', section: scenarios(GOOD_HR, GOOD_TRADING, GOOD_SHOP), verdict: 'pass' },
  {
    name: 'bold verdicts with reasons on the same line',
    section: scenarios(
      '**Verdict:** Not a good fit — overkill for 50 people; the overhead of projections and a bus is not repaid.',
      '**Verdict:** Good fit — regulators need a full audit trail and the ability to replay trades.',
      '**Verdict:** Partial fit — CQRS for the heavy reporting and search load; event sourcing only where history matters.',
    ),
    verdict: 'pass',
  },
  {
    name: 'verdicts as list items with short reasons',
    section: scenarios(
      '- Verdict: NOT a good fit\n- Low traffic, simple domain.',
      '- Verdict: good fit\n- Compliance: immutable history of every trade.',
      '- Verdict: good fit\n- Scale reads separately; reporting from projections.',
    ),
    verdict: 'pass',
  },
  {
    name: 'long reasoning paragraphs',
    section: scenarios(
      'Verdict: not a good fit.\n\nThe team would pay for eventual consistency, an event bus and projection code, while the system has a handful of requests per day. A CRUD app with an audit column is cheaper to build and maintain.',
      'Verdict: good fit.\n\nRegulators can ask how a position came to be; with an append-only event store the history is the source of truth and can be replayed to reconstruct any past state.',
      'Verdict: good fit.\n\nThe order service takes many writes at peak, but far more reads, and reporting needs (revenue per day, top customers) are best served by dedicated read models fed by events.',
    ),
    verdict: 'pass',
  },
  {
    name: 'scenarios in another order',
    section: `${SHOP}\n\n${GOOD_SHOP}\n\n${HR}\n\n${GOOD_HR}\n\n${TRADING}\n\n${GOOD_TRADING}\n`,
    verdict: 'pass',
  },
  {
    name: 'CQRS+ES recommended for the 50-person leave system',
    section: scenarios('Verdict: good fit\n\nEvent sourcing keeps a history of every leave request.', GOOD_TRADING, GOOD_SHOP),
    verdict: 'fail',
    mentions: 'not a good fit',
  },
  {
    name: 'trading platform rejected',
    section: scenarios(GOOD_HR, 'Verdict: not a good fit\n\nToo complex.', GOOD_SHOP),
    verdict: 'fail',
    mentions: 'auditable',
  },
  {
    name: 'verdict without the deciding factor',
    section: scenarios(GOOD_HR, 'Verdict: good fit\n\nIt is a good idea here.', GOOD_SHOP),
    verdict: 'fail',
    mentions: "don't name",
  },
  {
    name: 'a scenario without a Verdict line',
    section: scenarios(GOOD_HR, GOOD_TRADING, 'I think it works well because of the traffic.'),
    verdict: 'fail',
    mentions: 'has no verdict',
  },
  {
    name: 'a scenario missing',
    section: `${HR}\n\n${GOOD_HR}\n\n${TRADING}\n\n${GOOD_TRADING}\n`,
    verdict: 'fail',
    mentions: 'e-commerce',
  },
  {
    name: 'an unreadable verdict',
    section: scenarios(GOOD_HR, GOOD_TRADING, 'Verdict: hmm\n\nHigh traffic.'),
    verdict: 'fail',
    mentions: "'hmm'",
  },
];
