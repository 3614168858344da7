import nlp from 'compromise';
import { withoutComments } from '../htmlComments';

/**
 * The words of an answer as the NLP library reads them: each with its lemma ("stored" → store, "queries" → query)
 * and part-of-speech tags, and a clause break where punctuation separates two clauses. compromise is used rather
 * than wink-nlp: 146 KB gzip against 1 MB for wink's model, and on this grader's own sentences it tags the verbs that
 * matter ("stores", "updates") as verbs where wink's statistical tagger read them as nouns (see the note).
 */
export type Token = {
  /** The word as written, lowercased ("stored"). */
  readonly raw: string;
  /** Its dictionary form ("store"); the same as `raw` where the library has none. */
  readonly lemma: string;
  readonly tags: ReadonlySet<string>;
  /** The forms a vocabulary word may match: the word, its lemma, and the word without a regular ending. */
  readonly forms: readonly string[];
};

/** A clause break: a comma, semicolon, colon, dash or bracket. */
export const BREAK: Token = { raw: '|', lemma: '|', tags: new Set(['Break']), forms: ['|'] };

type Term = { readonly pre: string; readonly text: string; readonly post: string; readonly normal: string; readonly root?: string; readonly implicit?: string; readonly tags: readonly string[] };

/** Splits prose into sentences (paragraphs and list items joined first, so hard-wrapped lines stay whole). */
export function sentencesOf(text: string): string[] {
  const blocks = normalizeProse(text)
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)|\n(?=\s*\|)/)
    .map((block) => block.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/\s*\n\s*/g, ' ').trim())
    .filter((block) => block !== '');
  return blocks.flatMap((block) => block.split(/(?<=[.!?;])\s+(?=\S)|\s+[—–]\s+(?=[A-Z])/).map((s) => s.trim()).filter((s) => s !== ''));
}

function normalizeProse(text: string): string {
  return withoutComments(text, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/\b(e\.g|i\.e|etc|vs|cf)\./gi, '$1')
    .replace(/`([^`]*)`/g, '$1')
    // 10,000 is one number, not two clauses.
    .replace(/(\d),(\d{3})/g, '$1$2');
}

/** The tokens of one sentence. Identifiers read as the words they are made of: PlaceOrder → place order. */
export function tokensOf(sentence: string): Token[] {
  const spaced = sentence
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // A lookahead, not `([A-Z]+)([A-Z][a-z])`: that one backtracks through every run of capitals (a 100,000-letter
    // answer froze the page for a minute).
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .replace(/[_/]/g, ' ');
  const doc = nlp(spaced);
  doc.compute('root');
  const tokens: Token[] = [];
  for (const sentence of doc.json() as { terms: Term[] }[]) {
    for (const term of sentence.terms) {
      if (/[([{—–]/.test(term.pre) && tokens.length > 0) tokens.push(BREAK);
      const raw = (term.implicit ?? term.normal).toLowerCase().replace(/[^a-z0-9'-]/g, '');
      if (raw !== '') tokens.push(tokenOf(raw, (term.implicit ?? term.root ?? term.normal).toLowerCase().replace(/[^a-z0-9'-]/g, '') || raw, new Set(term.tags)));
      if (/[,;:)\]}—–]|\s-\s/.test(term.post)) tokens.push(BREAK);
    }
    tokens.push(BREAK);
  }
  while (tokens.at(-1) === BREAK) tokens.pop();
  return tokens;
}

export function tokenOf(raw: string, lemma: string, tags: ReadonlySet<string>): Token {
  return { raw, lemma, tags, forms: [...new Set([raw, lemma, ...withoutEnding(raw)])] };
}

/** "updated" → update, updat; "copies" → copy; "stopped" → stop: where the library left an inflected word as it is. */
function withoutEnding(word: string): string[] {
  const forms: string[] = [];
  const undouble = (w: string) => (/([bdgmnprt])\1$/.test(w) ? [w, w.slice(0, -1)] : [w]);
  if (word.length > 4 && /ies$|ied$/.test(word)) forms.push(`${word.slice(0, -3)}y`);
  if (word.length > 4 && word.endsWith('ed')) forms.push(...undouble(word.slice(0, -2)), word.slice(0, -1));
  if (word.length > 5 && word.endsWith('ing')) forms.push(...undouble(word.slice(0, -3)), `${word.slice(0, -3)}e`);
  if (word.length > 3 && word.endsWith('es')) forms.push(word.slice(0, -2), word.slice(0, -1));
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}
