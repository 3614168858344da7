import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRequirement } from '../../src/grading';
import { questions } from './answers/case';
import { REQUIREMENT_1_CORPUS } from './corpus/requirement1.corpus';
import { REQUIREMENT_4_CORPUS } from './corpus/requirement4.corpus';

/**
 * Perturbations of correct answers that must fail, as properties: the claim negated, its subject and object
 * swapped, its words shuffled into a list of terms, and a misconception sentence inserted in the middle of a long
 * correct answer. Each correct answer below carries every idea of its question in one claim, so breaking that claim
 * must break the answer, whatever else surrounds it.
 */

type Claim = {
  /** The claim as a student writes it. */
  readonly right: string;
  /** The same sentence denied. */
  readonly negated: string;
  /** The same sentence with who and whom exchanged. */
  readonly swapped: string;
};

/** Requirement 4's four questions: per question, one claim sentence per idea, each with its two breakings. */
const REQUIREMENT_4_CLAIMS: readonly (readonly Claim[])[] = [
  [
    {
      right: 'State-based persistence keeps only the current state and overwrites it on every change.',
      negated: 'State-based persistence never keeps the current state and never overwrites it.',
      swapped: 'Event sourcing keeps only the current state and overwrites it on every change.',
    },
    {
      right: 'Event sourcing stores every change as an event in an append-only log.',
      negated: 'Event sourcing does not store the changes as events.',
      swapped: 'State-based persistence stores every change as an event in an append-only log.',
    },
  ],
  [
    {
      right: 'An event store is the database that keeps the events, and a stored event is never updated or deleted.',
      negated: 'An event store is the database that keeps the events, and a stored event can be updated or deleted.',
      swapped: 'An event store is the database that keeps the events, and an event can update or delete the stored data whenever it likes.',
    },
  ],
  [
    {
      right: 'Replaying means applying the stored events again, in order, to rebuild the state.',
      negated: 'Replaying does not mean applying the stored events again; the state is never rebuilt from them.',
      swapped: 'Replaying means the state applies its commands again to the events, sending them once more.',
    },
    {
      right: 'A use case is auditing what happened to an order last week.',
      negated: 'There is no use case for it.',
      swapped: 'A use case is nothing.',
    },
  ],
  [
    {
      right: 'A snapshot saves the state as of a given event.',
      negated: 'A snapshot does not save the state.',
      swapped: 'The state saves a snapshot of nothing in particular.',
    },
    {
      right: 'Loading then replays only the events after the snapshot instead of the whole history, which is faster.',
      negated: 'Loading still replays every event of the whole history, whatever the snapshot.',
      swapped: 'The whole history replays the loading of the snapshot.',
    },
  ],
];

/** Sentences a correct answer may hold around its claims, true and about the subject but carrying no idea alone. */
const SURROUNDINGS = [
  'This is an important part of the design.',
  'Order 1001 is a good example to think about.',
  'Teams often discuss this early in a project.',
  'The seed describes an order service.',
];

const MISCONCEPTIONS_OF_EVENTS = [
  'Stored events can be edited later to fix mistakes.',
  'When an order changes, its old events are updated in place.',
  'Old events are deleted once they are no longer needed.',
  'Nothing stops you from repairing a wrong event directly in the store.',
  'An admin may remove events from the log to clean up the data.',
];

const requirement4 = (answers: readonly string[]) => checkRequirement(4, `# Answers\n\n## Requirement 4\n\n${questions(...answers)}\n`);

function answerOf(claims: readonly string[], before: readonly string[], after: readonly string[]): string {
  return [...before, ...claims, ...after].join(' ');
}

const surroundings = fc.array(fc.constantFrom(...SURROUNDINGS), { maxLength: 2 });
/** Which question of requirement 4 and which of its claims to break. */
const target = fc.integer({ min: 0, max: REQUIREMENT_4_CLAIMS.length - 1 }).chain((q) => fc.tuple(fc.constant(q), fc.integer({ min: 0, max: REQUIREMENT_4_CLAIMS[q]!.length - 1 })));

function withBroken(question: number, claim: number, broken: string, before: readonly string[], after: readonly string[]): string[] {
  return REQUIREMENT_4_CLAIMS.map((claims, q) => answerOf(claims.map((c, k) => (q === question && k === claim ? broken : c.right)), before, after));
}

describe('perturbed correct answers fail', { timeout: 120_000 }, () => {
  it('the unbroken answers pass, whatever surrounds their claims', () => {
    fc.assert(
      fc.property(surroundings, surroundings, (before, after) => {
        const result = requirement4(REQUIREMENT_4_CLAIMS.map((claims) => answerOf(claims.map((c) => c.right), before, after)));
        expect(result.status, result.message).toBe('pass');
      }),
      { numRuns: 20 },
    );
  });

  it('fail when one claim is negated', () => {
    fc.assert(
      fc.property(target, surroundings, surroundings, ([q, k], before, after) => {
        const result = requirement4(withBroken(q, k, REQUIREMENT_4_CLAIMS[q]![k]!.negated, before, after));
        expect(result.status, `negated: ${REQUIREMENT_4_CLAIMS[q]![k]!.negated}`).toBe('fail');
        expect(result.message).toContain(`Question ${q + 1}`);
      }),
      { numRuns: 40 },
    );
  });

  it('fail when one claim has its subject and object swapped', () => {
    fc.assert(
      fc.property(target, surroundings, surroundings, ([q, k], before, after) => {
        const result = requirement4(withBroken(q, k, REQUIREMENT_4_CLAIMS[q]![k]!.swapped, before, after));
        expect(result.status, `swapped: ${REQUIREMENT_4_CLAIMS[q]![k]!.swapped}`).toBe('fail');
      }),
      { numRuns: 40 },
    );
  });

  it('fail when the words of one answer are shuffled into a list of terms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (q, seed) => {
        const words = REQUIREMENT_4_CLAIMS[q]!.map((c) => c.right).join(' ').replace(/[.,;]/g, '').split(/\s+/);
        const shuffled = shuffle(words, seed).join(', ');
        const answers = REQUIREMENT_4_CLAIMS.map((claims, i) => (i === q ? `${shuffled}.` : claims.map((c) => c.right).join(' ')));
        expect(requirement4(answers).status, shuffled).toBe('fail');
      }),
      { numRuns: 40 },
    );
  });

  it('fail, quoting it, when a misconception is inserted in the middle of a long correct answer (every right answer of the corpus)', () => {
    const right = [...REQUIREMENT_4_CORPUS].filter((c) => c.verdict === 'pass');
    fc.assert(
      fc.property(fc.constantFrom(...right), fc.constantFrom(...MISCONCEPTIONS_OF_EVENTS), fc.nat(), (answer, misconception, at) => {
        const parts = answer.section.split(/(?=^### )/m).filter((part) => part.trim() !== '');
        const which = at % parts.length;
        const broken = parts.map((part, i) => (i === which ? part.replace(/\n\n([\s\S]*)$/, (_all, body: string) => `\n\n${insertMiddle(body, misconception)}`) : part)).join('\n');
        const result = checkRequirement(4, `# Answers\n\n## Requirement 4\n\n${broken}\n`);
        expect(result.status, `${answer.name} + ${misconception}`).toBe('fail');
        expect(result.message).toContain(misconception.replace(/\.$/, '').slice(0, 30));
      }),
      { numRuns: 60 },
    );
  });

  it('fail when a requirement 1 answer says queries change state, in the middle of any right answer set', () => {
    const right = [...REQUIREMENT_1_CORPUS].filter((c) => c.verdict === 'pass');
    const saysQueriesChange = ['A query may also update the order it reads.', 'Queries modify the data they return.', 'Nothing prevents a query from changing the state.'];
    fc.assert(
      fc.property(fc.constantFrom(...right), fc.constantFrom(...saysQueriesChange), (answer, misconception) => {
        const broken = answer.section.replace(/(^### [^\n]*quer[^\n]*\n+)([^\n]+)/im, (_all, heading: string, body: string) => `${heading}${insertMiddle(body, misconception)}`);
        fc.pre(broken !== answer.section);
        const result = checkRequirement(1, `# Answers\n\n## Requirement 1\n\n${broken}\n`);
        expect(result.status, `${answer.name} + ${misconception}`).toBe('fail');
      }),
      { numRuns: 40 },
    );
  });
});

/** The text with `sentence` put after its middle sentence. */
function insertMiddle(text: string, sentence: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const middle = Math.max(1, Math.floor(sentences.length / 2));
  return [...sentences.slice(0, middle), sentence, ...sentences.slice(middle)].join(' ');
}

/** A seeded Fisher–Yates shuffle, so a failing case replays. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
