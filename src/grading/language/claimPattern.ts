import { ACTIONS } from './actions';
import type { ActionId } from './actions';
import type { Claim } from './claims';
import { CONCEPTS } from './concepts';
import type { ConceptId } from './concepts';

/**
 * A claim a rubric looks for, written as `who does what`: `'query change state'`, `'* delete event'` (anyone),
 * `'event-sourcing store event|history'` (alternatives with `|`), `'query NOT change state'` (denied). A trailing
 * `what` is optional: `'query read'`. `either` makes who and what interchangeable, for symmetric actions such as
 * separating reads from writes. `how` lists phrases one of which must stand in the same sentence
 * ("in order"), `unless` phrases that take the claim back where they follow it in its sentence ("…by appending a new event").
 */
export type ClaimPattern = string | { readonly claim: string; readonly how?: readonly string[]; readonly unless?: readonly string[]; readonly either?: boolean };

type Compiled = {
  readonly who: readonly ConceptId[] | undefined;
  readonly does: readonly ActionId[];
  readonly what: readonly (ConceptId | ActionId)[] | undefined;
  readonly negated: boolean;
  readonly how: readonly (readonly string[])[] | undefined;
  readonly unless: readonly (readonly string[])[] | undefined;
  readonly either: boolean;
};

const cache = new Map<string, Compiled>();

export function compileClaim(pattern: ClaimPattern): Compiled {
  const source = typeof pattern === 'string' ? pattern : pattern.claim;
  const key = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const words = source.trim().split(/\s+/);
  const negated = words.includes('NOT');
  const [who, does, what] = words.filter((w) => w !== 'NOT');
  if (who === undefined || does === undefined) throw new Error(`A claim needs who and does: '${source}'`);
  const compiled: Compiled = {
    who: who.split('|').includes('*') ? undefined : (ids(who, source, typeof pattern !== 'string' && pattern.either === true ? 'either' : 'concept') as ConceptId[]),
    does: ids(does, source, 'action') as ActionId[],
    // `state|*`: the alternatives only document what is meant; anything (or nothing) is accepted.
    what: what === undefined || what.split('|').includes('*') ? undefined : ids(what, source, 'either'),
    negated,
    how: typeof pattern === 'string' ? undefined : pattern.how?.map((p) => p.toLowerCase().split(/\s+/)),
    unless: typeof pattern === 'string' ? undefined : pattern.unless?.map((p) => p.toLowerCase().split(/\s+/)),
    either: typeof pattern !== 'string' && pattern.either === true,
  };
  cache.set(key, compiled);
  return compiled;
}

function ids(alternatives: string, source: string, kind: 'concept' | 'action' | 'either'): (ConceptId | ActionId)[] {
  return alternatives.split('|').map((id) => {
    const known = (kind !== 'action' && id in CONCEPTS) || (kind !== 'concept' && id in ACTIONS);
    if (!known) throw new Error(`Unknown ${kind} '${id}' in the claim '${source}': add it to language/${kind === 'action' ? 'actions' : 'concepts'}.ts`);
    return id as ConceptId | ActionId;
  });
}

/**
 * Whether a claim of the answer asserts the pattern. `strict` (for misconceptions) needs the agent named; an idea
 * also accepts a clause that names no agent ("events are appended"), since its other roles already say it.
 */
export function claimMatches(pattern: ClaimPattern, claim: Claim, strict: boolean): boolean {
  const p = compileClaim(pattern);
  if (p.negated !== claim.negated) return false;
  if (!p.does.some((id) => claim.action.includes(id))) return false;
  if (p.how !== undefined && !p.how.some((phrase) => containsPhrase(claim.words, phrase))) return false;
  if (p.unless !== undefined && p.unless.some((phrase) => containsPhrase(claim.rest, phrase))) return false;
  const agentFits = (who: readonly string[] | undefined) => who === undefined || who.some((id) => (claim.agent as readonly string[]).includes(id)) || (!strict && claim.agent.length === 0);
  const patientFits = (what: readonly string[] | undefined) => what === undefined || what.some((id) => (claim.patient as readonly string[]).includes(id));
  if (agentFits(p.who) && patientFits(p.what)) return true;
  if (!p.either) return false;
  const everyone = [...claim.agent, ...claim.patient, ...claim.named] as readonly string[];
  return (p.who ?? []).some((id) => everyone.includes(id)) && (p.what ?? []).some((id) => everyone.includes(id));
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  return words.some((_, i) => phrase.every((w, k) => words[i + k] !== undefined && (w.endsWith('*') ? words[i + k]!.startsWith(w.slice(0, -1)) : words[i + k] === w)));
}
