import { describe, expect, it } from 'vitest';
import { plural } from '../../src/ui/text/plural';

describe('plural', () => {
  it('puts the noun in the number of its count, irregular plurals included', () => {
    expect(plural(1, 'command')).toBe('1 command');
    expect(plural(0, 'command')).toBe('0 commands');
    expect(plural(2, 'command')).toBe('2 commands');
    expect(plural(1, 'progress entry', 'progress entries')).toBe('1 progress entry');
    expect(plural(3, 'progress entry', 'progress entries')).toBe('3 progress entries');
  });
});
