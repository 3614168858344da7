/**
 * AES-GCM on one field. The stored form is one string, so the event's shape (and every schema that checks a string
 * there) stays as it was:
 *
 *     encrypted:aes-gcm:v1:<keyId>:<iv, base64url>:<ciphertext with its tag, base64url>
 *
 * The key id names the subject's key in the key table (never the key itself). The field's name is bound in as
 * additional data, so a ciphertext copied into another field does not decrypt there.
 */

export const envelopePrefix = 'encrypted:aes-gcm:v1:';

/** A well-formed stored field, as an import checks it: the prefix, a key id, an iv and a ciphertext (base64url). */
export const envelopePattern = /^encrypted:aes-gcm:v1:[A-Za-z0-9_.-]{1,100}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22,5000}$/;

export type Envelope = { readonly keyId: string; readonly iv: Uint8Array; readonly ciphertext: Uint8Array };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export const isEnvelope = (value: unknown): value is string => typeof value === 'string' && value.startsWith(envelopePrefix);

/** The parts of a stored field, or undefined when it is not a well-formed envelope. */
export function parseEnvelope(value: string): Envelope | undefined {
  const parts = value.slice(envelopePrefix.length).split(':');
  if (parts.length !== 3 || parts.some((part) => part.length === 0)) return undefined;
  try {
    return { keyId: parts[0]!, iv: fromBase64Url(parts[1]!), ciphertext: fromBase64Url(parts[2]!) };
  } catch {
    return undefined;
  }
}

/** A fresh AES-256-GCM key. Not extractable: the page can use it, not read it, and it never leaves the key table. */
export function generateSubjectKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function encryptField(key: CryptoKey, keyId: string, field: string, value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(field) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return `${envelopePrefix}${keyId}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(ciphertext))}`;
}

/** The field's value, or undefined when this key does not open it (a wrong key, a tampered or moved ciphertext). */
export async function decryptField(key: CryptoKey, field: string, envelope: Envelope): Promise<unknown> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: envelope.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(field) },
      key,
      envelope.ciphertext as Uint8Array<ArrayBuffer>,
    );
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    return undefined;
  }
}
