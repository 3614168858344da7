import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../../src/grading/language/claims';
import { claimMatches } from '../../../src/grading/language/claimPattern';
import type { ClaimPattern } from '../../../src/grading/language/claimPattern';
import type { ConceptId } from '../../../src/grading/language/concepts';

/** What a clause asserts: who does what to what, with its polarity, read from the sentence and not from its words. */
const asserts = (text: string, pattern: ClaimPattern, topic: readonly ConceptId[] = []) => claimsOf(text, topic).some((claim) => claimMatches(pattern, claim, true));

describe('reading claims from sentences', () => {
  it('reads polarity by clause, with the negations of English rather than a word list', () => {
    expect(asserts('Queries change the state.', 'query change state')).toBe(true);
    expect(asserts('Queries never change the state.', 'query change state')).toBe(false);
    expect(asserts('Queries never change the state.', 'query NOT change state')).toBe(true);
    expect(asserts('It is impossible to change an event once it is stored.', '* change event')).toBe(false);
    expect(asserts('There is no need to replay all the events.', '* NOT apply event')).toBe(true);
    expect(asserts('A query returns data and changes nothing.', 'query NOT change')).toBe(true);
  });

  it('counts two denials as an assertion: "nothing stops you from editing" says events can be edited', () => {
    expect(asserts('Nothing stops you from repairing old events in place.', '* change event')).toBe(true);
    expect(asserts('Nothing prevents a query from changing the state.', 'query change state')).toBe(true);
  });

  it('keeps a denial inside its clause', () => {
    expect(asserts('Commands change state, queries do not.', 'command change state')).toBe(true);
    expect(asserts('Events are never deleted and new ones are appended.', '* store event')).toBe(true);
  });

  it('tells who does what: swapping the sides swaps the claim', () => {
    const right = 'The write side keeps the full history and the read side only keeps the current state.';
    const swapped = 'The read side keeps the full history and the write side only keeps the current state.';
    expect(asserts(right, 'write-model store history')).toBe(true);
    expect(asserts(swapped, 'write-model store history')).toBe(false);
    expect(asserts(swapped, 'read-model store history')).toBe(true);
  });

  it('reads passives: the thing a passive verb is done to is its object', () => {
    expect(asserts('The state is changed by every query.', 'query change state')).toBe(true);
    expect(asserts('Stored events are never modified.', '* NOT change event')).toBe(true);
    expect(asserts('The read model is updated whenever an event arrives.', 'query change read-model')).toBe(false);
  });

  it('resolves pronouns to the nearest earlier concept of their number', () => {
    expect(asserts("Load the order's events and apply them in order.", '* apply event')).toBe(true);
    expect(asserts('The event store keeps every event. It never deletes them.', 'event-store NOT delete event')).toBe(true);
    expect(asserts('It only reads.', 'query read', ['query'])).toBe(true);
  });

  it('asserts nothing for terms strung together', () => {
    expect(claimsOf('Events, store, immutable, database, append, order.')).toEqual([]);
    expect(claimsOf('Event, bus, handler, read model, update.')).toEqual([]);
    expect(claimsOf('Commands (writes) and queries (reads) go through different models.').length).toBeGreaterThan(0);
  });

  it('reads a denying frame: "unlike a query, a command changes state" is about the command', () => {
    expect(asserts('Unlike a query, a command changes state.', 'command change state')).toBe(true);
    expect(asserts('Unlike a query, a command changes state.', 'query change state')).toBe(false);
    expect(asserts('Unlike the write model, it is always consistent.', 'read-model always-consistent', ['read-model'])).toBe(true);
  });

  it('refuses a rubric claim naming a concept or action the vocabulary lacks', () => {
    expect(() => claimMatches('query frobnicate state', claimsOf('Queries read data.')[0]!, true)).toThrow(/Unknown action 'frobnicate'/);
  });
});

describe('sentences read again', () => {
  it('give the same claims from the kept words as from a first reading', () => {
    const sentence = 'The projector reads every event and updates the read model.';
    const first = claimsOf(sentence);
    expect(first.length).toBeGreaterThan(0);
    expect(claimsOf(sentence)).toEqual(first);
    // The same words in another sentence, read after it, are read for that sentence.
    expect(claimsOf('The projector never reads every event and never updates the read model.').every((claim) => claim.negated)).toBe(true);
    expect(claimsOf(sentence)).toEqual(first);
  });
});
