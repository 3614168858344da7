import { vi } from 'vitest';
import type { WorkbookDb } from '../../src/db/schema';

/**
 * The IndexedDB transactions one connection opens while `work` runs, as `mode:table+table` in order: Dexie opens
 * every transaction of its own, explicit or not, through its core. Observed only: each call goes through unchanged.
 */
export async function transactionsDuring<T>(db: WorkbookDb, work: () => Promise<T>): Promise<{ result: T; transactions: string[] }> {
  const transactions: string[] = [];
  const open = db.core.transaction.bind(db.core);
  const spy = vi.spyOn(db.core, 'transaction').mockImplementation((tables, mode, options) => {
    transactions.push(`${mode}:${[...tables].sort().join('+')}`);
    return open(tables, mode, options);
  });
  try {
    return { result: await work(), transactions };
  } finally {
    spy.mockRestore();
  }
}
