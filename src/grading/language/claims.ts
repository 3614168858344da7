import { ACTIONS } from './actions';
import type { ActionId } from './actions';
import { CONCEPTS } from './concepts';
import type { ConceptId } from './concepts';
import { polarityWords } from './polarity';
import { BREAK, sentencesOf, tokenOf, tokensOf } from './tokens';
import type { Token } from './tokens';

/**
 * What an answer asserts, clause by clause: who (a concept) does what (an action) to what (a concept), and whether
 * the clause says it or denies it. A list of terms asserts nothing, since a claim needs an action with its roles;
 * "queries never change state" and "nothing stops a query from changing state" have opposite polarity.
 */
export type Claim = {
  readonly agent: readonly ConceptId[];
  readonly action: readonly ActionId[];
  /** The concepts the action is done to, and the actions named after it ("triggers an update"). */
  readonly patient: readonly (ConceptId | ActionId)[];
  readonly negated: boolean;
  /** The words of the sentence, lemmatized, for manner checks ("in order", "one by one"). */
  readonly words: readonly string[];
  /** The words from the claim's clause to the end of its sentence, where a correction would follow it. */
  readonly rest: readonly string[];
  /** Every concept and action the sentence names, for symmetric claims ("split the part that changes data from the part that reads it"). */
  readonly named: readonly (ConceptId | ActionId)[];
  /** The student's sentence, quoted in messages. */
  readonly sentence: string;
};

type Mention =
  | { readonly kind: 'concept'; readonly ids: readonly ConceptId[]; readonly plural: boolean; readonly afterPreposition: boolean; readonly leadsClause: boolean }
  | { readonly kind: 'action'; readonly ids: readonly ActionId[]; readonly passive: boolean; readonly afterConjunction: boolean }
  | { readonly kind: 'pronoun'; readonly plural: boolean | undefined; readonly relative: boolean }
  | { readonly kind: 'negator'; readonly ofObject: boolean }
  | { readonly kind: 'by' };

type Lexicon = { readonly words: readonly string[]; readonly concepts: readonly ConceptId[]; readonly actions: readonly ActionId[] }[];

const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'each', 'every', 'all', 'any', 'some', 'both', 'whole', 'entire', 'full', 'complete']);
const PREPOSITIONS = new Set(['in', 'with', 'for', 'of', 'from', 'on', 'at', 'to', 'under', 'via', 'into', 'onto', 'about', 'than', 'like', 'as', 'per', 'within', 'across', 'over']);
const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'yet', 'whilst', 'because', 'since', 'so', 'if', 'when', 'whenever', 'once', 'until', 'unless', 'therefore', 'thus', 'hence', 'whereby']);
const COPULAS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'gets', 'got', 'gotten', 'become', 'becomes', 'remain', 'remains', 'stay', 'stays']);
const PRONOUNS: Record<string, boolean | undefined> = { it: false, this: false, they: true, them: true, these: true, those: true, itself: false, themselves: true, one: undefined, ones: true };
/** Denials that stand where the object would: "changes nothing", "has no side effects". */
const OBJECT_NEGATORS = new Set(['no', 'nothing', 'none', 'no one', 'nobody', 'neither']);
const RELATIVES = new Set(['which', 'that', 'who']);
const PERSONAL = new Set<ConceptId>(['person']);

let lexicon: Lexicon | undefined;

/** Every phrase of the vocabulary, longest first, so "read model" is found before "read". */
function lexiconOf(): Lexicon {
  if (lexicon !== undefined) return lexicon;
  const byPhrase = new Map<string, { concepts: ConceptId[]; actions: ActionId[] }>();
  const entry = (phrase: string) => {
    const key = phrase.toLowerCase().replace(/-/g, ' ').trim();
    const found = byPhrase.get(key) ?? { concepts: [], actions: [] };
    byPhrase.set(key, found);
    return found;
  };
  for (const [id, phrases] of Object.entries(CONCEPTS) as [ConceptId, readonly string[]][]) for (const p of phrases) entry(p).concepts.push(id);
  for (const [id, phrases] of Object.entries(ACTIONS) as [ActionId, readonly string[]][]) for (const p of phrases) entry(p).actions.push(id);
  lexicon = [...byPhrase.entries()]
    .map(([key, ids]) => ({ words: key.split(/\s+/).filter((w) => !DETERMINERS.has(w)), ...ids }))
    .filter((e) => e.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  return lexicon;
}

function wordMatches(word: string, token: Token): boolean {
  if (word.endsWith('*')) {
    const prefix = word.slice(0, -1);
    return token.raw.startsWith(prefix) || token.lemma.startsWith(prefix);
  }
  return token.forms.includes(word);
}

const isVerb = (t: Token) => t.tags.has('Verb') || t.tags.has('Infinitive') || t.tags.has('Gerund') || t.tags.has('PastTense') || t.tags.has('PresentTense');

/**
 * The words of the sentences read lately. Tagging a sentence is most of the grader's time, and the same sentences come
 * back: a student checks an answer again after changing one line of it, and "Check all" reads the sentences each
 * requirement quotes. Kept as read (tokens are never changed), the oldest forgotten first.
 */
const sentencesRead = new Map<string, readonly Token[]>();
const sentencesKept = 2000;

/** Splits hyphenated words ("append-only") so they match the vocabulary's spaced phrases. */
function wordsOfSentence(sentence: string): readonly Token[] {
  const kept = sentencesRead.get(sentence);
  if (kept !== undefined) return kept;
  const words = Object.freeze(
    tokensOf(sentence).flatMap((t) =>
      t.raw.includes('-') && t.raw.length > 1 ? t.raw.split('-').filter((w) => w !== '').map((w) => tokenOf(w, w, t.tags)) : [t],
    ),
  );
  if (sentencesRead.size >= sentencesKept) sentencesRead.delete(sentencesRead.keys().next().value!);
  sentencesRead.set(sentence, words);
  return words;
}

/** The claims of every clause of an answer, in order. `topic` is what an answer without a subject is about. */
export function claimsOf(text: string, topic: readonly ConceptId[] = [], ordinals?: readonly [readonly ConceptId[], readonly ConceptId[]]): Claim[] {
  const claims: Claim[] = [];
  const earlier: { ids: readonly ConceptId[]; plural: boolean }[] = [];
  let lastSubject: ClauseContext['lastSubject'];
  for (const sentence of sentencesOf(text.slice(0, MAX_ANSWER)).map((s) => s.slice(0, MAX_SENTENCE))) {
    let frame: readonly ConceptId[] = [];
    let denyingFrame = false;
    const tokens = wordsOfSentence(sentence);
    const words = tokens.filter((t) => t !== BREAK && !DETERMINERS.has(t.raw)).map((t) => t.lemma);
    const clauses = clausesOf(tokens).map((clause) => ({ clause, mentions: mentionsOf(clause, ordinals) }));
    if (isListOfTerms(sentence)) continue;
    const named = clauses.flatMap(({ mentions }) => mentions.flatMap((m) => (m.kind === 'concept' || m.kind === 'action' ? m.ids : [])));
    let subject: readonly ConceptId[] = [];
    let nextSubject: ClauseContext['lastSubject'];
    for (const [index, { clause, mentions }] of clauses.entries()) {
      const concepts = mentions.filter((m) => m.kind === 'concept');
      if (!mentions.some((m) => m.kind === 'action') && concepts.length >= 1) {
        // "In event sourcing," / "With CRUD:" at the start is the frame the rest of the sentence speaks in; "Unlike
        // CRUD, where rows are overwritten" denies what its relative clause says.
        if ((index === 0 || PREPOSITIONS.has(clause[0]?.raw ?? '')) && concepts.length === 1) {
          denyingFrame = mentions.some((m) => m.kind === 'negator');
          // "Unlike the write model, it is…": "it" is not the thing set aside.
          if (denyingFrame) continue;
          frame = concepts[0]!.ids;
        } else {
          // "current state only, overwritten in place": a clause without a verb names what the next one is about.
          subject = concepts.flatMap((c) => c.ids);
        }
        for (const c of concepts) earlier.push({ ids: c.ids, plural: c.plural });
        continue;
      }
      const inherited = denyingFrame && ['where', 'which', 'in'].includes(clause[0]?.raw ?? '');
      denyingFrame = false;
      const rest = clauses.slice(index).flatMap(({ clause: c }) => c.filter((t) => t !== BREAK && !DETERMINERS.has(t.raw)).map((t) => t.lemma));
      const context = { earlier, topic: frame.length > 0 ? frame : topic, frame, words, rest, sentence, inherited, named, previousSubject: subject };
      const found = claimsOfClause(mentions, { ...context, lastSubject });
      claims.push(...found.claims);
      subject = found.subject;
      if (nextSubject === undefined && found.stated.length > 0 && !found.stated.every((id) => PERSONAL.has(id))) nextSubject = { ids: found.stated, plural: found.plural };
    }
    if (nextSubject !== undefined) lastSubject = nextSubject;
  }
  return claims;
}

/**
 * "Events, store, immutable, database, append": terms strung together assert nothing. A sentence counts as such a
 * list when three or more of its comma-separated parts are single words and those words mix concepts with
 * actions. Glosses in brackets ("commands (writes)") are not parts, and "Requirements: immutable, ordered, never
 * updated" lists properties, which is a claim.
 */
export function isListOfTerms(sentence: string): boolean {
  const parts = sentence
    .replace(/\([^)]*\)/g, ' ')
    .split(/,/)
    .map((part) => part.replace(/[.!?]+$/, '').trim())
    // Examples are named, not listed terms: `PlaceOrder`, CancelOrder.
    .filter((part) => part !== '' && !/`|[a-z][A-Z]/.test(part));
  const short = parts.filter((part) => part.split(/\s+/).filter((w) => !DETERMINERS.has(w.toLowerCase())).length === 1);
  if (short.length < 3) return false;
  const kinds = new Set(short.flatMap((part) => mentionsOf(wordsOfSentence(part)).map((m) => m.kind)));
  return kinds.has('concept') && kinds.has('action');
}

/** Clauses: split at punctuation, at subordinating words, and at "and"/"or" where a new subject and verb follow. */
function clausesOf(tokens: readonly Token[]): Token[][] {
  const clauses: Token[][] = [[]];
  tokens.forEach((token, index) => {
    if (token === BREAK || CLAUSE_WORDS.has(token.raw)) {
      clauses.push([]);
      if (token !== BREAK) clauses.at(-1)!.push(token);
      return;
    }
    if ((token.raw === 'and' || token.raw === 'or') && startsNewClause(tokens, index + 1) && clauses.at(-1)!.some(isVerb)) {
      clauses.push([]);
      return;
    }
    clauses.at(-1)!.push(token);
  });
  return clauses.filter((c) => c.length > 0);
}

/** After "and": a noun or pronoun, then a verb before the next break ("and the write side keeps…"). */
function startsNewClause(tokens: readonly Token[], from: number): boolean {
  let sawNoun = false;
  for (let i = from; i < tokens.length && tokens[i] !== BREAK; i += 1) {
    const t = tokens[i]!;
    if (DETERMINERS.has(t.raw)) continue;
    if (!sawNoun) {
      if (isVerb(t) && !t.tags.has('Noun') && !isConceptWord(t)) return false;
      if (t.tags.has('Noun') || t.tags.has('Pronoun') || isConceptWord(t)) sawNoun = true;
      continue;
    }
    if (isVerb(t) && !t.tags.has('Noun')) return true;
  }
  return false;
}

/** The vocabulary's longest phrase at `at`, with the ids of every entry of that length that matches there. */
function longestMatch(tokens: readonly Token[], at: number): Lexicon[number] | undefined {
  const token = tokens[at];
  // "ordered", "storing": a verb form names no thing, even where its lemma does ("order", "store").
  const verbForm = token !== undefined && isVerb(token) && !token.tags.has('Noun') && /(ed|ing)$/.test(token.raw);
  const matches = lexiconOf().filter(
    (e) => e.words.every((w, k) => tokens[at + k] !== undefined && wordMatches(w, tokens[at + k]!)) && !(verbForm && e.words.length === 1 && e.actions.length === 0),
  );
  if (matches.length === 0) return undefined;
  const length = matches[0]!.words.length;
  const longest = matches.filter((e) => e.words.length === length);
  return { words: longest[0]!.words, concepts: [...new Set(longest.flatMap((e) => e.concepts))], actions: [...new Set(longest.flatMap((e) => e.actions))] };
}

function isConceptWord(token: Token): boolean {
  return lexiconOf().some((e) => e.words.length === 1 && e.concepts.length > 0 && wordMatches(e.words[0]!, token));
}

/**
 * How much of an answer the reader parses: far more than any answer a student writes (the model answer's longest is
 * 600 characters, a sentence of it 300), and small enough that a pasted 100,000-character answer is graded in moments on the page's thread.
 */
const MAX_ANSWER = 20_000;
const MAX_SENTENCE = 600;

const ORDINALS: Record<string, 0 | 1> = { first: 0, former: 0, second: 1, latter: 1 };

function mentionsOf(clause: readonly Token[], ordinals?: readonly [readonly ConceptId[], readonly ConceptId[]]): Mention[] {
  const tokens = clause.filter((t) => !DETERMINERS.has(t.raw));
  // "take that load off": a noun after a determiner is not the verb it could be.
  const afterDeterminer = new Set(clause.flatMap((t, k) => (k > 0 && (DETERMINERS.has(clause[k - 1]!.raw) || ['that', 'this', 'these', 'those', 'no'].includes(clause[k - 1]!.raw)) ? [t] : [])));
  const mentions: Mention[] = [];
  const negators = polarityWords();
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const negator = negators.find((words) => words.every((w, k) => tokens[i + k] !== undefined && wordMatches(w, tokens[i + k]!)));
    if (negator !== undefined) {
      mentions.push({ kind: 'negator', ofObject: OBJECT_NEGATORS.has(negator.join(' ')) });
      i += negator.length;
      continue;
    }
    // "The first keeps only the latest values… The second keeps every change": the question's two things.
    const ordinal = ORDINALS[token.raw];
    if (ordinals !== undefined && ordinal !== undefined && (tokens[i + 1] === undefined || !tokens[i + 1]!.tags.has('Noun') || isVerb(tokens[i + 1]!)) && clause[0] !== undefined) {
      mentions.push({ kind: 'concept', ids: ordinals[ordinal], plural: false, afterPreposition: false, leadsClause: false });
      i += 1;
      continue;
    }
    if (token.raw === 'by') {
      mentions.push({ kind: 'by' });
      i += 1;
      continue;
    }
    const determinerUse = ['this', 'one', 'these', 'those'].includes(token.raw) && tokens[i + 1] !== undefined && (tokens[i + 1]!.tags.has('Noun') || tokens[i + 1]!.tags.has('Adjective'));
    if (Object.hasOwn(PRONOUNS, token.raw) && !determinerUse) {
      mentions.push({ kind: 'pronoun', plural: PRONOUNS[token.raw], relative: false });
      i += 1;
      continue;
    }
    if (RELATIVES.has(token.raw) && (tokens[i + 1] === undefined || !tokens[i + 1]!.tags.has('Noun') || isVerb(tokens[i + 1]!))) {
      mentions.push({ kind: 'pronoun', plural: undefined, relative: true });
      i += 1;
      continue;
    }
    const match = longestMatch(tokens, i);
    if (match === undefined || (match.concepts.length === 0 && match.words.length === 1 && token.tags.has('Noun') && !isVerb(token) && afterDeterminer.has(token))) {
      i += 1;
      continue;
    }
    const last = tokens[i + match.words.length - 1]!;
    // A phrase that is both ("read", "write", "update") is read by its part of speech.
    const asAction =
      match.actions.length > 0 &&
      (match.concepts.length === 0 ||
        (((isVerb(token) && !token.tags.has('Noun')) || token.tags.has('Adjective')) && !isSubjectPosition(mentions, tokens, i + match.words.length)) ||
        isVerbPosition(mentions, tokens, i + match.words.length));
    if (!asAction && match.concepts.length > 0 && previousIsCopula(tokens, i)) mentions.push({ kind: 'action', ids: ['be'], passive: false, afterConjunction: false });
    if (asAction) {
      // "current state only, overwritten in place": a participle opening its clause is a passive without its copula.
      // "the state of an aggregate saved at some version": so is a participle right after its noun, with no object.
      const participle = token.tags.has('Participle') || (token.tags.has('PastTense') && /(ed|en|wn)$/.test(token.raw));
      const afterItsNoun = mentions.at(-1)?.kind === 'concept' && !mentions.some((m) => m.kind === 'action') && i > 0 && tokens[i - 1]!.tags.has('Noun');
      const objectFollows = tokens[i + match.words.length] !== undefined && longestMatch(tokens, i + match.words.length)?.concepts.length;
      const reduced = participle && ((mentions.length === 0 && i === 0) || (afterItsNoun && !objectFollows));
      mentions.push({ kind: 'action', ids: match.actions, passive: reduced || isPassive(tokens, i), afterConjunction: ['and', 'or', 'then', 'nor'].includes(previousWord(tokens, i, true)) });
    } else {
      const preposition = PREPOSITIONS.has(previousWord(tokens, i));
      mentions.push({ kind: 'concept', ids: match.concepts, plural: last.tags.has('Plural') || /[^s]s$/.test(last.raw), afterPreposition: preposition, leadsClause: preposition && mentions.length === 0 && PREPOSITIONS.has(tokens[0]?.raw ?? '') });
    }
    i += match.words.length;
  }
  return mentions;
}

/** "Reads and writes are separated": a verb-looking word before any subject, with a verb after it, is the subject. */
function isSubjectPosition(mentions: readonly Mention[], tokens: readonly Token[], after: number): boolean {
  if (mentions.some((m) => m.kind === 'action')) return false;
  const next = tokens.slice(after).find((t) => !t.tags.has('Adverb') || ['not', 'never'].includes(t.raw));
  return next !== undefined && (COPULAS.has(next.raw) || next.raw === 'and' || next.raw === 'or' || next.raw === 'not' || next.raw === 'never' || (isVerb(next) && !next.tags.has('Noun')));
}

/** "is the source of truth", "is a database": a copula, with only adjectives between it and the concept. */
function previousIsCopula(tokens: readonly Token[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 3; k -= 1) {
    const t = tokens[k]!;
    if (COPULAS.has(t.raw) || t.lemma === 'be') return true;
    if (!(t.tags.has('Adjective') || t.tags.has('Adverb') || t.tags.has('Value'))) return false;
  }
  return false;
}

/** "A command changes state", "Changes state: PlaceOrder": a noun-looking word before the clause's first object is its verb. */
function isVerbPosition(mentions: readonly Mention[], tokens: readonly Token[], after: number): boolean {
  if (mentions.some((m) => m.kind === 'action')) return false;
  const next = tokens[after];
  if (next === undefined || COPULAS.has(next.raw)) return false;
  // "Queries change the state": the next word is the verb, so this one is its subject.
  if (isVerb(next) && lexiconOf().some((e) => e.words.length === 1 && e.actions.length > 0 && wordMatches(e.words[0]!, next))) return false;
  return lexiconOf().some((e) => e.concepts.length > 0 && e.words.every((w, k) => tokens[after + k] !== undefined && wordMatches(w, tokens[after + k]!)));
}

function previousWord(tokens: readonly Token[], at: number, skipDenials = false): string {
  for (let k = at - 1; k >= 0; k -= 1) {
    const t = tokens[k]!;
    if (skipDenials && ['not', 'never', 'also', 'then', 'only'].includes(t.raw)) continue;
    if (t.tags.has('Adverb') && !['not', 'never'].includes(t.raw)) continue;
    return t.raw;
  }
  return '';
}

/** "are stored", "is never changed", "get replayed": a copula before a participle. */
function isPassive(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at]!;
  const participle = token.tags.has('PastTense') || token.tags.has('Passive') || token.tags.has('Participle') || /(ed|en|wn|pt)$/.test(token.raw);
  if (!participle) return false;
  for (let k = at - 1; k >= 0 && k >= at - 4; k -= 1) {
    const t = tokens[k]!;
    if (COPULAS.has(t.raw)) return true;
    if (!(t.tags.has('Adverb') || t.tags.has('Negative') || ['not', 'never', 'only', 'also', 'then', 'always'].includes(t.raw))) return false;
  }
  return false;
}

type ClauseContext = {
  readonly earlier: { ids: readonly ConceptId[]; plural: boolean }[];
  readonly topic: readonly ConceptId[];
  readonly frame: readonly ConceptId[];
  readonly words: readonly string[];
  readonly rest: readonly string[];
  readonly sentence: string;
  readonly inherited: boolean;
  readonly named: readonly (ConceptId | ActionId)[];
  /** The subject of the sentence's previous clause: "X handles commands, enforces the rules and is…". */
  readonly previousSubject: readonly ConceptId[];
  /** The subject of the previous sentence, for "It" opening the next one. */
  readonly lastSubject: { readonly ids: readonly ConceptId[]; readonly plural: boolean } | undefined;
};

type ClauseClaims = { readonly claims: Claim[]; readonly subject: readonly ConceptId[]; readonly stated: readonly ConceptId[]; readonly plural: boolean };

function claimsOfClause(mentions: readonly Mention[], context: ClauseContext): ClauseClaims {
  const { earlier, frame, words, rest, sentence, inherited, named } = context;
  const firstAction = mentions.findIndex((m) => m.kind === 'action');
  const resolved = mentions.map((m, index) => {
    if (m.kind === 'concept') earlier.push({ ids: m.ids, plural: m.plural });
    if (m.kind !== 'pronoun') return m;
    // A pronoun in subject position stands for the previous sentence's subject, where their number agrees ("The
    // event store keeps every event. It never deletes them."); elsewhere for the nearest earlier concept.
    const asSubject = (firstAction === -1 || index < firstAction) && !m.relative && context.lastSubject !== undefined && (m.plural === undefined || m.plural === context.lastSubject.plural);
    const ids = asSubject ? [...context.lastSubject!.ids] : resolve(m, earlier, context.topic);
    return { kind: 'concept' as const, ids, plural: m.plural ?? false, afterPreposition: false, leadsClause: false };
  });
  const stated = subjectBefore(resolved, firstAction === -1 ? resolved.length : firstAction);
  const subject = stated.length > 0 ? stated : context.previousSubject;
  // "In state-based persistence we keep…": a frame inside the clause.
  const leading = resolved[0]?.kind === 'concept' && resolved[0].afterPreposition && resolved[0].leadsClause ? resolved[0].ids : [];
  const scene = leading.length > 0 ? leading : context.topic;
  const claims: Claim[] = [];
  let negations = inherited ? 1 : 0;
  let actor = subject;
  let previousAction = -1;
  let previousDenied = false;
  resolved.forEach((mention, index) => {
    if (mention.kind === 'negator') negations += 1;
    if (mention.kind !== 'action') return;
    // A denial reaches the verb after it, and the verbs joined to that one without a denial of their own: "never
    // keeps it and never overwrites it" denies both, "cannot be changed or deleted" both, "do not change state and
    // are read-only" only the first.
    const denied = negations > 0 ? negations % 2 === 1 : mention.afterConjunction && previousDenied;
    negations = 0;
    // Each verb's subject: the nearest concept since the previous verb ("the store is a database that keeps
    // events"), or, for a verb joined by "and", the previous verb's ("handles commands and enforces the rules").
    if (previousAction !== -1 && !mention.afterConjunction) {
      const own = subjectBefore(resolved.slice(previousAction + 1, index), index - previousAction - 1);
      if (own.length > 0) actor = own;
    }
    previousAction = index;
    const subject = actor;
    const after = objectsAfter(resolved, index);
    const byAgent = after.by;
    const agentOf = (ids: readonly ConceptId[]) => (ids.length === 0 || ids.every((id) => PERSONAL.has(id)) ? [...ids, ...scene] : ids);
    // A passive without "by" names no agent: "the read model is updated" says nothing of who updates it.
    const agent = mention.passive ? (byAgent.length > 0 ? byAgent : leading.length > 0 ? [...leading] : [...frame]) : agentOf(subject);
    const patient = mention.passive ? [...subject, ...after.objects] : after.objects;
    previousDenied = denied;
    claims.push({ agent, action: mention.ids, patient, negated: denied !== after.deniedObject, words, rest, named, sentence });
  });
  const statedMentions = resolved.filter((m) => m.kind === 'concept' && stated.length > 0 && m.ids.every((id) => stated.includes(id)));
  const plural = statedMentions.length > 1 || statedMentions.some((m) => m.kind === 'concept' && m.plural);
  return { claims, subject: actor, stated, plural };
}

/**
 * The subject of a verb: the nearest concept before it that does not follow a preposition ("the state of the order is",
 * "I think state-based persistence stores"), with the concepts joined to it ("reads and writes are").
 */
function subjectBefore(mentions: readonly Mention[], end: number): ConceptId[] {
  let last = -1;
  for (let k = 0; k < end; k += 1) {
    const m = mentions[k]!;
    if (m.kind === 'concept' && !m.afterPreposition) last = k;
  }
  if (last === -1) return [];
  let first = last;
  while (first > 0 && mentions[first - 1]!.kind === 'concept') first -= 1;
  return mentions.slice(first, last + 1).flatMap((m) => (m.kind === 'concept' ? m.ids : []));
}

/** What follows an action up to the next action: its objects, and the agent after "by". */
function objectsAfter(mentions: readonly Mention[], at: number): { objects: (ConceptId | ActionId)[]; by: ConceptId[]; deniedObject: boolean } {
  const objects: (ConceptId | ActionId)[] = [];
  const by: ConceptId[] = [];
  let afterBy = false;
  let deniedObject = false;
  for (let k = at + 1; k < mentions.length; k += 1) {
    const m = mentions[k]!;
    if (m.kind === 'by') afterBy = true;
    else if (m.kind === 'negator' && m.ofObject && objects.length === 0) deniedObject = true;
    else if (m.kind === 'concept') (afterBy ? by : objects).push(...m.ids);
    else if (m.kind === 'action') {
      // "triggers an update", "asks the system to change it": the next action is what this one is about too.
      if (by.length === 0) objects.push(...m.ids);
      break;
    }
  }
  return { objects, by, deniedObject };
}

/** A pronoun stands for the nearest earlier concept of its number in the answer, or the question's topic. */
function resolve(pronoun: { plural: boolean | undefined; relative: boolean }, earlier: readonly { ids: readonly ConceptId[]; plural: boolean }[], topic: readonly ConceptId[]): ConceptId[] {
  for (let k = earlier.length - 1; k >= 0; k -= 1) {
    const candidate = earlier[k]!;
    if (candidate.ids.every((id) => PERSONAL.has(id))) continue;
    if (pronoun.plural === undefined || candidate.plural === pronoun.plural) return [...candidate.ids];
  }
  for (let k = earlier.length - 1; k >= 0; k -= 1) if (!earlier[k]!.ids.every((id) => PERSONAL.has(id))) return [...earlier[k]!.ids];
  return [...topic];
}

/** The concepts a text names, in order, whether or not a clause asserts anything of them. */
export function conceptsNamed(text: string): ConceptId[] {
  return sentencesOf(text).flatMap((sentence) => clausesOf(wordsOfSentence(sentence)).flatMap((clause) => mentionsOf(clause).flatMap((m) => (m.kind === 'concept' ? m.ids : []))));
}
