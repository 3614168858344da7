import { describe, expect, it } from 'vitest';
import { firstLineOf } from '../../../src/simulator/apiConsole/history';

describe('the line a response and a history entry are named by', () => {
  it('shows a real method in capitals and the path as typed', () => {
    expect(firstLineOf('post /orders/ {"customer_id": "1"}')).toBe('POST /orders/');
  });

  it('keeps a first word that is not a method as the person typed it', () => {
    expect(firstLineOf('hello')).toBe('hello');
    expect(firstLineOf('fetch /orders/')).toBe('fetch /orders/');
  });
});
