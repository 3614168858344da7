import { describe, expect, it } from 'vitest';
import { bodyPreview, sizeInWords } from '../../src/ui/text/bodyPreview';

describe('bodyPreview', () => {
  it('keeps a body within the limit whole', () => {
    expect(bodyPreview('a\nb\nc', 5)).toEqual({ shown: 'a\nb\nc', cut: false, shownLines: 3, totalLines: 3 });
    expect(bodyPreview('', 5)).toEqual({ shown: '', cut: false, shownLines: 1, totalLines: 1 });
  });

  it('cuts a longer body at the last line end within the limit, and counts both', () => {
    const body = JSON.stringify(Array.from({ length: 100 }, (_, index) => ({ orderId: `o-${index}` })), null, 2);
    const preview = bodyPreview(body, 200);
    expect(preview.cut).toBe(true);
    expect(preview.shown.length).toBeLessThanOrEqual(200);
    expect(body.startsWith(preview.shown)).toBe(true);
    // Whole lines only: what follows the cut is the line end it stopped at.
    expect(body[preview.shown.length]).toBe('\n');
    expect(preview.shownLines).toBe(preview.shown.split('\n').length);
    expect(preview.totalLines).toBe(body.split('\n').length);
    expect(preview.shownLines).toBeLessThan(preview.totalLines);
  });

  it('cuts a single line longer than the limit at the limit', () => {
    expect(bodyPreview('x'.repeat(50), 20)).toEqual({ shown: 'x'.repeat(20), cut: true, shownLines: 1, totalLines: 1 });
    // A line end only at the very start does not leave an empty preview.
    expect(bodyPreview(`\n${'y'.repeat(50)}`, 20).shown).toBe(`\n${'y'.repeat(19)}`);
  });

  it('refuses a limit that is not a whole number of characters', () => {
    expect(() => bodyPreview('abc', 0)).toThrow(/at least 1 character, not 0/);
    expect(() => bodyPreview('abc', 2.5)).toThrow(RangeError);
  });
});

describe('sizeInWords', () => {
  it('says a size in characters, KB or MB', () => {
    expect(sizeInWords(950)).toBe('950 characters');
    expect(sizeInWords(312_400)).toBe('312 KB');
    expect(sizeInWords(1_240_628)).toBe('1.2 MB');
  });
});
