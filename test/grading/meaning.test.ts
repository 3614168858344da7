import { describe, expect, it } from 'vitest';
import { claims, prepare, says } from '../../src/grading/meaning';

/** The matcher under the rubrics: word order and inflection do not matter, negation does. */
describe('judging what a sentence says', () => {
  const changesState = ['{query|queri*} {chang*|modif*} state'];
  const neverChangesState = ['NOT {chang*|modif*} state'];

  it('tells "queries change state" from "queries do not change state"', () => {
    expect(claims(prepare('Queries change state.'), changesState)).toBe(true);
    expect(claims(prepare("Queries don't change state."), changesState)).toBe(false);
    expect(claims(prepare('A query never modifies the state.'), changesState)).toBe(false);
    expect(says(prepare('A query never modifies the state.'), neverChangesState)).toBe(true);
    expect(says(prepare('A query modifies the state.'), neverChangesState)).toBe(false);
  });

  it('ignores word order and inflection', () => {
    expect(claims(prepare('The state is changed by every query.'), changesState)).toBe(true);
    expect(says(prepare('Stored events are replayed.'), ['replay* {event}'])).toBe(true);
  });

  it('keeps a negation inside its clause', () => {
    expect(claims(prepare('Commands change state, queries do not.'), changesState)).toBe(false);
    expect(says(prepare("Queries don't read it, but commands change state."), ['command chang* state'])).toBe(true);
  });

  it('reads "instead of" and "unlike" as negations, and ~patterns ignore them', () => {
    expect(claims(prepare('Instead of updating events in place, we append new ones.'), ['event* updat* in_place'])).toBe(false);
    expect(says(prepare('Instead of keeping the current state, ES keeps events.'), ['~current state'])).toBe(true);
  });

  it('reads identifiers as words', () => {
    expect(says(prepare('Examples: PlaceOrder.'), ['place order'])).toBe(true);
  });
});
