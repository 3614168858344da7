import type { Projector } from '../../projections/projector';
import type { AnyProjection } from '../../projections/types';
import type { SubjectKeyStore } from '../../privacy/keyStore';
import { customerSubject, type SubjectId } from '../../privacy/personalData';
import type { ReadCache } from '../readCache/queryCache';

/** What "Forget customer" did. */
export type Forgetting = {
  readonly subject: SubjectId;
  /** Keys deleted: 0 when the customer had none (never seen, or already forgotten). */
  readonly keysDeleted: number;
  /** Read models rebuilt from the log, in which the customer's fields now read as forgotten. */
  readonly rebuilt: readonly string[];
};

type Parts = {
  readonly keys: SubjectKeyStore;
  readonly projector: Pick<Projector, 'rebuild'>;
  readonly projections: readonly AnyProjection[];
  readonly readCache: Pick<ReadCache, 'clear'>;
};

/**
 * Crypto-shredding a customer: their keys are deleted, which is the only write to anything the log depends on.
 * Read models were computed while the key existed and hold the plain values, so each one is rebuilt from the log:
 * the rebuild reads the fields as forgotten (the store's decrypting layer finds no key), and the facts that are not
 * personal (totals, statuses, counts) come out as before. Cached query answers go with the old documents.
 */
export async function forgetSubject(parts: Parts, customerId: string): Promise<Forgetting> {
  const subject = customerSubject(customerId);
  const keysDeleted = await parts.keys.forget(subject);
  for (const projection of parts.projections) await parts.projector.rebuild(projection.name);
  parts.readCache.clear();
  return { subject, keysDeleted, rebuilt: parts.projections.map((projection) => projection.name) };
}
