import type { FieldIssue } from '../../domain/core/errors';

/**
 * Query-string values arrive as text. These read one as the type an endpoint needs, collecting one issue per bad
 * parameter so that a 400 lists them all at once.
 */
export class QueryReader {
  readonly issues: FieldIssue[] = [];

  constructor(private readonly query: Readonly<Record<string, string>>) {}

  text(name: string): string | undefined {
    const value = this.query[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** A whole number in min..max; absent → `fallback`. */
  wholeNumber(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.issues.push({ field: name, message: `must be a whole number from ${min} to ${max}` });
      return fallback;
    }
    return value;
  }

  /** One of the listed words. */
  oneOf<const Word extends string>(name: string, words: readonly Word[]): Word | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    const word = words.find((candidate) => candidate === raw.toLowerCase());
    if (word === undefined) this.issues.push({ field: name, message: `must be one of: ${words.join(', ')}` });
    return word;
  }

  /** An ISO date (2026-11-23) or date-time. */
  date(name: string): string | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) || Number.isNaN(Date.parse(raw))) {
      this.issues.push({ field: name, message: 'must be a date like 2026-11-23 or 2026-11-23T10:00:00Z' });
      return undefined;
    }
    return raw;
  }
}
