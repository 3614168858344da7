import type { DBCore, DBCoreMutateRequest } from 'dexie';
import type { WorkbookDb } from '../../src/db/schema';

/**
 * Makes adds to the `events` table fail the way a browser fails them: the rows do reach the transaction, then the
 * error arrives, so only the abort of the whole transaction keeps them out. `failure()` is asked on every add and
 * returns the error to throw, or undefined to let the add through. Call before `db.open()`.
 */
export function failEventAdds(db: WorkbookDb, name: string, failure: () => unknown): void {
  db.use({
    stack: 'dbcore',
    name,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (tableName !== 'events' || request.type !== 'add') return table.mutate(request);
            return table.mutate(request).then((response) => {
              const error = failure();
              if (error !== undefined) throw error;
              return response;
            });
          },
        };
      },
    }),
  });
}
