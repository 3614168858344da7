import type { Misconception } from '../rubric';
import { EVENTS_ARE_CHANGED, QUERIES_CHANGE_STATE } from './shared';

/** Requirement 6, the seed's three scenarios: which verdicts are right and which factors decide them. */

export type Verdict = 'good fit' | 'not a good fit' | 'partial fit';

export type ScenarioRubric = {
  readonly name: string;
  /** Recognises the scenario's `###` heading (or, failing that, its first line). */
  readonly heading: RegExp;
  readonly accepted: readonly Verdict[];
  /** Why the accepted verdict is right, for the message when the verdict is wrong. */
  readonly because: string;
  /** The deciding factor the reasons must name, in a sentence that asserts something (not a list of terms). */
  readonly factor: { readonly says: string; readonly patterns: readonly string[] };
  /** False claims that make the reasons wrong even under the right verdict. */
  readonly misconceptions: readonly Misconception[];
};

/** Misconceptions any reason can hold. */
const IN_ANY_REASON: readonly Misconception[] = [
  EVENTS_ARE_CHANGED,
  QUERIES_CHANGE_STATE,
  {
    says: 'that snapshots replace the old events',
    correction: 'a snapshot is a shortcut for loading; the events stay in the log',
    claims: ['snapshot overwrite|delete|change event|history'],
  },
  {
    says: 'that CQRS requires event sourcing',
    correction: 'CQRS works with any write store; event sourcing is a separate choice that often goes with it',
    claims: ['cqrs need event-sourcing', { claim: '* NOT use|act|be|need', how: ['without event sourc*', 'without es', 'without event-sourc*', 'without event'] }],
  },
];

export const REQUIREMENT_6_SCENARIOS: readonly ScenarioRubric[] = [
  {
    name: 'HR leave-request system (50 employees)',
    heading: /\bhr\b|leave|employee|human resources|\b50\b/i,
    accepted: ['not a good fit'],
    because: 'fifty users and simple forms do not repay the extra moving parts of CQRS/ES: plain CRUD is enough',
    factor: {
      says: 'the deciding factor (its small scale and simple needs against the complexity cost of CQRS/ES)',
      patterns: [
        '{small*|few|50|fifty|low*|simpl*|overkill|over_engineer*|overengineer*|complex*|cost*|overhead|crud|unnecessar*|worth|too_much|maintenan*|effort|scale|traffic|load|volume|tiny|modest|little|burden|moving_parts|budget}',
      ],
    },
    misconceptions: [
      {
        says: 'that the HR system has a heavy load or complex reporting',
        correction: 'fifty employees filing leave requests is a small, simple system',
        patterns: ['{high|heavy|massive|huge|enormous|large} {traffic|load|volume|scale}', 'million*', 'thousands_of_request*', 'need* scal*'],
      },
      ...IN_ANY_REASON,
    ],
  },
  {
    name: 'financial trading platform (auditable, replayable trades)',
    heading: /trad|financ|audit/i,
    accepted: ['good fit'],
    because: 'every trade must be auditable and replayable, which is exactly what an append-only event log gives',
    factor: {
      says: 'the deciding factor (every trade must be auditable and replayable, which the event log gives)',
      patterns: ['{audit*|replay*|compliance|regulat*|trace*|traceab*|histor*|immutabl*|reconstruct*|forensic*|legal|append_only|trail|rebuild*|every_trade|log}'],
    },
    misconceptions: [
      {
        says: 'that auditing or replay does not matter for trading',
        correction: 'every trade must be auditable and replayable: that is the scenario',
        patterns: ['{audit*|replay*} NOT {need*|requir*|important|matter*}', '{audit*|replay*} {unnecessar*|irrelevant|optional}'],
      },
      ...IN_ANY_REASON,
    ],
  },
  {
    name: 'high-traffic e-commerce Order Service with complex reporting',
    heading: /commerce|order|traffic|report/i,
    accepted: ['good fit', 'partial fit'],
    because: 'high traffic and complex reporting are what separate, independently scaled read models are for',
    factor: {
      says: 'the deciding factor (high traffic and complex reporting, served by separately scaled read models)',
      patterns: ['{scal*|traffic|load|throughput|report*|read_model*|projection*|quer*|independent*|read_heavy|volume|analytic*|perform*|dashboard*|search*}'],
    },
    misconceptions: [
      {
        says: 'that the traffic is low or the reports simple',
        correction: 'the scenario is high traffic with complex reporting, which is what separately scaled read models are for',
        patterns: ['traffic* {low|light|small|modest|little|tiny}', '{low|light|little|modest|small} {traffic|load|volume}', 'report* NOT complex*', 'report* {simpl*|trivial|easy}', '{fashionab*|trend*|hype*|cool}'],
      },
      {
        says: 'that the reports should read the write database',
        correction: 'with CQRS the reports read their own read models, so the write database is left to the commands',
        claims: [{ claim: 'read-model|query|person read|ask write-model', unless: ['not', 'never', 'instead'] }],
      },
      ...IN_ANY_REASON,
    ],
  },
];

/** Reads a `Verdict:` line's wording into one of the three verdicts. */
export function verdictOf(text: string): Verdict | undefined {
  const words = text.toLowerCase().replace(/[*_`.!]/g, ' ').trim();
  if (/partial|partly|mixed|it depends|depends|cqrs yes|cqrs only|maybe/.test(words)) return 'partial fit';
  if (/\b(not|poor|bad|no|weak|over-?kill|unsuitable|inappropriate)\b/.test(words)) return 'not a good fit';
  if (/\b(good|great|strong|excellent|yes|fit|suitable|ideal|perfect|appropriate|recommended)\b/.test(words)) return 'good fit';
  return undefined;
}
