import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { classCodeAlphabet, classCodeLength } from '../../src/classroom/protocol';

/** A class code: `classCodeLength` characters drawn uniformly (crypto) from the readable alphabet. */
export function newClassCode(): string {
  let code = '';
  for (let index = 0; index < classCodeLength; index += 1) code += classCodeAlphabet[randomInt(classCodeAlphabet.length)];
  return code;
}

/** A bearer token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a copy of the database logs no one in. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares a presented token with the expected one in constant time (over their digests, so lengths may differ). */
export function sameToken(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
