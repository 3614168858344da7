import { claimMatches } from './language/claimPattern';
import type { ClaimPattern } from './language/claimPattern';
import { claimsOf, conceptsNamed, isListOfTerms } from './language/claims';
import { sentencesOf } from './language/tokens';
import type { Claim } from './language/claims';
import type { ConceptId } from './language/concepts';
import { claims as clauseSays, prepare, says } from './meaning';

/**
 * A rubric is data: the ideas a correct answer must assert and the misconceptions that make it wrong. Ideas and
 * misconceptions of written answers are claims (see language/claimPattern.ts): an idea counts only where a clause
 * asserts it, and a misconception asserted anywhere fails the answer with the student's sentence quoted. The
 * table cells of requirement 3, which are fragments with no verb ("Limited: one database"), keep word patterns
 * (see meaning.ts), their claim being given by their row and column.
 */
export type Idea = {
  /** Completes "… doesn't say …": "that events are never changed after they are stored". */
  readonly says: string;
  readonly claims?: readonly ClaimPattern[];
  /** Names that are themselves the answer (what CQRS stands for), matched as phrases. */
  readonly names?: readonly string[];
  /**
   * The concepts that, named alone, answer the question: to "what triggers an update to the read model?" the
   * answer "Events from the write side." is a claim, its verb given by the question.
   */
  readonly answeredBy?: { readonly first: readonly ConceptId[]; readonly also?: readonly ConceptId[]; readonly needs?: readonly ConceptId[] };
  /** Formulas that state the idea in code: `fold(apply, empty, events)`. */
  readonly formulas?: readonly RegExp[];
  /** Word patterns, for table cells only. */
  readonly patterns?: readonly string[];
};

export type Misconception = {
  /** Completes "… says …": "that queries change state". */
  readonly says: string;
  /** What is true instead, in one clause. */
  readonly correction: string;
  readonly claims?: readonly ClaimPattern[];
  readonly patterns?: readonly string[];
};

export type AnswerRubric = {
  /** What an answer to this question is about, standing in for "it" and for a subject left out. */
  readonly topic?: readonly ConceptId[];
  /** What "the first" / "the former" and "the second" / "the latter" stand for, where the question names two things. */
  readonly ordinals?: readonly [readonly ConceptId[], readonly ConceptId[]];
  readonly ideas: readonly Idea[];
  readonly misconceptions: readonly Misconception[];
};

export type Judgement = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Judges one answer; `subject` names it in the message ("Question 2", "The CQRS cell of 'Data consistency'"). */
export function judgeAnswer(subject: string, rubric: AnswerRubric, text: string): Judgement {
  const claims = claimsOf(text, rubric.topic, rubric.ordinals);
  const prepared = prepare(text);
  for (const misconception of rubric.misconceptions) {
    const made = claims.find((claim) => (misconception.claims ?? []).some((p) => claimMatches(p, claim, true)));
    if (made !== undefined) {
      return { ok: false, problem: `${subject} says ${misconception.says} ("${quote(made.sentence)}"), but ${misconception.correction}` };
    }
    if (misconception.patterns !== undefined && clauseSays(prepared, misconception.patterns)) {
      return { ok: false, problem: `${subject} says ${misconception.says}, but ${misconception.correction}` };
    }
  }
  // Word patterns (a use case, a reason) are read only in sentences, never in a list of terms.
  const lists = sentencesOf(text).filter(isListOfTerms);
  const prose = lists.length === 0 ? prepared : prepare(sentencesOf(text).filter((sentence) => !isListOfTerms(sentence)).join('\n\n'));
  const missing = rubric.ideas.filter((idea) => !asserts(idea, claims, text, idea.claims === undefined ? prepared : prose));
  if (missing.length > 0) {
    const listed = lists.length > 0 ? ` (it lists terms, "${quote(lists[0]!)}", without a sentence that says what they do)` : '';
    return { ok: false, problem: `${subject} doesn't say ${joinIdeas(missing.map((idea) => idea.says))}${listed}` };
  }
  return { ok: true };
}

function asserts(idea: Idea, claims: readonly Claim[], text: string, prepared: ReturnType<typeof prepare>): boolean {
  if ((idea.claims ?? []).some((p) => claims.some((claim) => claimMatches(p, claim, false)))) return true;
  const plain = text.replace(/\*\*|__|`/g, '');
  if (idea.answeredBy !== undefined && fragmentAnswers(plain, idea.answeredBy)) return true;
  if (idea.formulas !== undefined && idea.formulas.some((formula) => formula.test(text))) return true;
  if (idea.names !== undefined && idea.names.some((name) => new RegExp(`\\b${name.replace(/\s+(?:and\s+)?/g, '[\\s/-]+(?:and[\\s-]+)?')}\\b`, 'i').test(plain))) return true;
  return idea.patterns !== undefined && says(prepared, idea.patterns);
}

/**
 * True when the answer opens with a sentence without a verb ("Events from the write side.", "A checkpoint of the
 * state."), whose first concept is one of `first`, that names nothing outside `first` and `also`, and names one of
 * `needs` where given.
 */
function fragmentAnswers(text: string, by: NonNullable<Idea['answeredBy']>): boolean {
  const sentence = (text.trim().split(/(?<=[.!?])\s|\n\s*\n/)[0] ?? '').slice(0, 2_000);
  // "Event, bus, handler, read model, update." names terms; it does not answer.
  if (sentence.split(/,/).filter((part) => part.trim().split(/\s+/).length <= 2).length >= 3) return false;
  const opening = sentence.split(/(?<=[,;:])\s|\s[—–(]/)[0] ?? '';
  if (claimsOf(opening).length > 0) return false;
  const named = conceptsNamed(opening);
  const allowed = [...by.first, ...(by.also ?? [])];
  return named.length > 0 && by.first.includes(named[0]!) && named.every((id) => allowed.includes(id)) && (by.needs === undefined || by.needs.some((id) => named.includes(id)));
}

/** The student's sentence, cut where it is long, for a message. */
export function quote(sentence: string): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  return clean.length > 160 ? `${clean.slice(0, 157)}…` : clean;
}

function joinIdeas(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}
