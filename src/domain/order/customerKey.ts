/**
 * The one key a customer is known by, on every read model and in every query. Seed 002 keys customers by email, and
 * people type an email in any case: `Ada@Example.com` and `ada@example.com` are one person, so an id or email with an
 * `@` is compared trimmed and lowercased. Other ids (seed 004's UUIDs, seed 000's "123") are compared as they are.
 * The events keep what was typed; only the read side normalises, so changing this rule is a rebuild, not a migration.
 */
export function customerKey(idOrEmail: string): string {
  const trimmed = idOrEmail.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}

/** Whether two customer ids or emails name the same customer; a missing one names nobody. */
export const sameCustomer = (a: string | null | undefined, b: string | null | undefined): boolean =>
  a !== null && a !== undefined && b !== null && b !== undefined && customerKey(a) === customerKey(b);
