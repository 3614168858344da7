import { describe, expect, it } from 'vitest';
import { breakableParts } from '../../src/ui/widgets/breakableText';

describe('breakable text', () => {
  it('wraps ids and emails only between their parts, and loses no character', () => {
    expect(breakableParts('customer-0f6c1e2a-94d1')).toEqual(['customer-', '0f6c1e2a-', '94d1']);
    expect(breakableParts('ada.lovelace@mail.example.org')).toEqual(['ada', '.lovelace@', 'mail', '.example', '.org']);
    expect(breakableParts('saga-1/chargePayment:0')).toEqual(['saga-', '1/', 'chargePayment:', '0']);
    expect(breakableParts('bd1a54b8')).toEqual(['bd1a54b8']);
    const text = 'order-v2-1001_copy:x/y@z.w';
    expect(breakableParts(text).join('')).toBe(text);
  });
});
