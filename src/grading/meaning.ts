/**
 * Judging a written answer by what it says rather than by its wording. Rubrics (see rubrics/) list ideas as small
 * patterns; this module matches them against the student's sentences, tolerant of word order and inflection and
 * aware of negation, so "queries never change state" and "queries change state" are told apart.
 *
 * Pattern language (one pattern = the terms that must all occur in one sentence, in any order):
 *   `store`          a word, matched on its stem (store, stores, stored, storing)
 *   `consisten*`     a prefix (consistent, consistency, consistently)
 *   `read_model`     a phrase: consecutive words
 *   `{a|b c|d*}`     alternatives; a space inside braces separates alternatives too
 *   `NOT`            a negation (not, never, no, without, cannot, instead of...) whose scope covers the NEXT term
 *   `~` (leading)    polarity-free: match even inside a negation ("instead of keeping the current state")
 * A pattern without NOT only matches terms that are not negated.
 */

import { withoutComments } from './htmlComments';

type Word = { readonly kind: 'stem'; readonly stem: string } | { readonly kind: 'prefix'; readonly prefix: string };
type Term = { readonly alternatives: readonly (readonly Word[])[] };
type CompiledPattern = {
  readonly source: string;
  readonly terms: readonly Term[];
  /** Index in `terms` of the term that must be negated, when the pattern has NOT. */
  readonly negatedTerm: number | undefined;
  readonly polarityFree: boolean;
};

type Token = { readonly raw: string; readonly stem: string; readonly negated: boolean };
/** A sentence (for ideas) or a clause (for misconceptions), tokenized. */
export type Span = readonly Token[];

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'cannot', 'nor', 'neither', 'none', 'nothing', 'instead', 'rather', 'unlike', 'avoid', 'avoids', 'avoiding', 'myth', 'mistake', 'misconception', 'wrongly', 'nobody']);
/** Words that start a new clause: a negation before them does not reach past them. */
const CLAUSE_BREAKERS = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'yet', 'whilst']);
const DROPPED = new Set(['a', 'an', 'the']);
const NEGATION_REACH = 9;
const BREAK = '|';

/** A light suffix stripper: the same function runs on patterns and text, so both sides agree. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && !w.endsWith('ses')) w = w.slice(0, -1);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  // "stopp(ed)", "ship(ped)": a doubled final consonant left by -ed/-ing.
  if (w.length > 4 && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

const compiled = new Map<string, CompiledPattern>();

export function compilePattern(source: string): CompiledPattern {
  const cached = compiled.get(source);
  if (cached !== undefined) return cached;
  let text = source.trim();
  const polarityFree = text.startsWith('~');
  if (polarityFree) text = text.slice(1).trim();
  const terms: Term[] = [];
  let negatedTerm: number | undefined;
  let pendingNot = false;
  for (const piece of text.match(/\{[^}]*\}|\S+/g) ?? []) {
    if (piece === 'NOT') {
      pendingNot = true;
      continue;
    }
    const alternatives = piece.startsWith('{') ? piece.slice(1, -1).split(/[|\s]+/).filter((a) => a !== '') : [piece];
    terms.push({ alternatives: alternatives.map(wordsOf) });
    if (pendingNot) {
      negatedTerm = terms.length - 1;
      pendingNot = false;
    }
  }
  const pattern = { source, terms, negatedTerm, polarityFree };
  compiled.set(source, pattern);
  return pattern;
}

function wordsOf(alternative: string): Word[] {
  return alternative
    .split('_')
    .filter((w) => w !== '')
    .map((w) => (w.endsWith('*') ? { kind: 'prefix', prefix: w.slice(0, -1).toLowerCase() } : { kind: 'stem', stem: stem(w) }));
}

/** Splits prose into sentences (paragraphs and list items joined first, so hard-wrapped lines stay whole). */
export function sentencesOf(text: string): string[] {
  const blocks = normalizeProse(text)
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)|\n(?=\s*\|)/)
    .map((block) => block.replace(/\s*\n\s*/g, ' ').trim())
    .filter((block) => block !== '');
  return blocks.flatMap((block) => block.split(/(?<=[.!?;])\s+|\s+[—–]\s+(?=[A-Z])/).map((s) => s.trim()).filter((s) => s !== ''));
}

/** Denials the word list does not hold, written as the "not" it does: "no longer possible to scale" → "not possible…". */
export function plainDenials(text: string): string {
  return text.replace(/\b(?:far from|no longer|by no means|hardly|impossible to|unable to|there is no need to|no need to)\b/gi, 'not');
}

function normalizeProse(text: string): string {
  return plainDenials(withoutComments(text, ' '))
    .replace(/\b(e\.g|i\.e|etc|vs|cf)\./gi, '$1')
    .replace(/`([^`]*)`/g, '$1')
    // 10,000 is one number, not two clauses.
    .replace(/(\d),(\d{3})/g, '$1$2');
}

/** Tokens of one sentence, with a break marker at each clause boundary (comma, colon, dash, "but"...). */
export function tokenize(sentence: string): Span {
  const spaced = sentence
    // PlaceOrder → Place Order, so identifiers read as the words they are made of.
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // HTMLParser → HTML Parser. A lookahead, not `([A-Z]+)([A-Z][a-z])`: that one backtracks through every run of
    // capitals from each of its letters, and a 100,000-letter answer froze the page for a minute.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .replace(/n['’]t\b/gi, ' not')
    .replace(/['’]s\b/g, '')
    .replace(/[,:;()[\]—–]|\s-\s/g, ` ${BREAK} `)
    .toLowerCase()
    .replace(/[^a-z0-9|#]+/g, ' ');
  const raws = spaced.split(/\s+/).filter((w) => w !== '' && !DROPPED.has(w));
  const tokens: Token[] = [];
  let negationLeft = 0;
  for (const raw of raws) {
    if (raw === BREAK || CLAUSE_BREAKERS.has(raw)) {
      negationLeft = 0;
      tokens.push({ raw: BREAK, stem: BREAK, negated: false });
      continue;
    }
    const negator = NEGATORS.has(raw);
    tokens.push({ raw, stem: stem(raw), negated: negationLeft > 0 && !negator });
    if (negator) negationLeft = NEGATION_REACH;
    else if (negationLeft > 0) negationLeft -= 1;
  }
  return tokens;
}

/** The clauses of a tokenized sentence (split at its break markers), for the stricter misconception matching. */
export function clausesOf(tokens: Span): Span[] {
  const clauses: Token[][] = [[]];
  for (const token of tokens) {
    if (token.raw === BREAK) clauses.push([]);
    else clauses.at(-1)!.push(token);
  }
  return clauses.filter((c) => c.length > 0);
}

function wordMatches(word: Word, token: Token): boolean {
  return word.kind === 'stem' ? token.stem === word.stem : token.raw.startsWith(word.prefix);
}

/** Start positions where a term occurs in the span, with whether that occurrence is negated. */
function occurrences(term: Term, span: Span): { index: number; negated: boolean }[] {
  const found: { index: number; negated: boolean }[] = [];
  for (let i = 0; i < span.length; i += 1) {
    for (const words of term.alternatives) {
      if (words.every((word, k) => span[i + k] !== undefined && wordMatches(word, span[i + k]!))) {
        found.push({ index: i, negated: words.some((_, k) => span[i + k]!.negated) });
        break;
      }
    }
  }
  return found;
}

export function patternMatches(source: string, span: Span): boolean {
  const pattern = compilePattern(source);
  return pattern.terms.every((term, index) => {
    const found = occurrences(term, span);
    // In a NOT pattern the other terms are context: "does not replay ALL events" has "all" inside the negation too.
    if (pattern.polarityFree || (pattern.negatedTerm !== undefined && index !== pattern.negatedTerm)) return found.length > 0;
    if (index === pattern.negatedTerm) return found.some((o) => o.negated);
    return found.some((o) => !o.negated);
  });
}

/** An answer prepared once for many patterns. */
export type PreparedAnswer = { readonly sentences: readonly Span[]; readonly clauses: readonly Span[] };

export function prepare(text: string): PreparedAnswer {
  const sentences = sentencesOf(text).map(tokenize);
  return { sentences, clauses: sentences.flatMap(clausesOf) };
}

/** True when some sentence says what one of the patterns says. */
export function says(answer: PreparedAnswer, patterns: readonly string[]): boolean {
  return patterns.some((p) => answer.sentences.some((s) => patternMatches(p, s)));
}

/** True when some single clause says what one of the patterns says: misconceptions must be stated, not pieced together. */
export function claims(answer: PreparedAnswer, patterns: readonly string[]): boolean {
  return patterns.some((p) => answer.clauses.some((c) => patternMatches(p, c)));
}
