import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../src/workbook/lineDiff';

describe('the goal view\'s line diff', () => {
  it('marks lines only the expected result has, and lines only the student\'s has', () => {
    expect(lineDiff('[\n  "a",\n  "b"\n]', '[\n  "a",\n  "c"\n]')).toEqual([
      { kind: 'same', text: '[' },
      { kind: 'same', text: '  "a",' },
      { kind: 'missing', text: '  "b"' },
      { kind: 'extra', text: '  "c"' },
      { kind: 'same', text: ']' },
    ]);
  });

  it('equal texts have no marked line; an empty result is all extra or all missing', () => {
    expect(lineDiff('x\ny', 'x\ny').every((line) => line.kind === 'same')).toBe(true);
    expect(lineDiff('a\nb', '[]').map((line) => line.kind).sort()).toEqual(['extra', 'missing', 'missing']);
  });
});
