/** Requirement 6, the seed's three scenarios: which verdicts are right and which factors decide them. */

export type Verdict = 'good fit' | 'not a good fit' | 'partial fit';

export type ScenarioRubric = {
  readonly name: string;
  /** Recognises the scenario's `###` heading (or, failing that, its first line). */
  readonly heading: RegExp;
  readonly accepted: readonly Verdict[];
  /** Why the accepted verdict is right, for the message when the verdict is wrong. */
  readonly because: string;
  /** The deciding factor the reasons must name. */
  readonly factor: { readonly says: string; readonly patterns: readonly string[] };
};

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
