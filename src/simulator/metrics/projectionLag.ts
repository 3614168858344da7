import type { EventStore } from '../../eventStore/types';
import type { ProjectorStatus } from '../../projections/projector';
import type { ProjectionLag } from './types';

/**
 * Every projection's lag, in events (head − checkpoint, from the projector) and in time: how long ago the oldest
 * event it has not applied was recorded. Lag in events says how much work is left; lag in time says how stale the
 * read model a query reads is, which is what "projection lag time" in seed 004's dashboard means.
 */
export async function projectionLags(
  status: ProjectorStatus,
  store: Pick<EventStore, 'readAll'>,
  nowMs: number,
): Promise<ProjectionLag[]> {
  // Projections usually share a checkpoint (all caught up, or all behind the same delay): one read each.
  const oldestUnapplied = new Map<number, Promise<number | null>>();
  const recordedAfter = (checkpoint: number): Promise<number | null> => {
    let read = oldestUnapplied.get(checkpoint);
    if (read === undefined) {
      read = store.readAll({ after: checkpoint, limit: 1 }).then(
        ([event]) => (event === undefined ? null : Date.parse(event.metadata.recordedAt)),
        () => null,
      );
      oldestUnapplied.set(checkpoint, read);
    }
    return read;
  };
  return Promise.all(
    status.projections.map(async (projection): Promise<ProjectionLag> => {
      const base = {
        name: projection.name,
        checkpoint: projection.checkpoint,
        head: status.headPosition,
        lag: projection.lag,
        state: projection.status,
      };
      if (projection.lag === 0) return { ...base, lagSeconds: 0 };
      const recordedAt = await recordedAfter(projection.checkpoint);
      return {
        ...base,
        lagSeconds: recordedAt === null || Number.isNaN(recordedAt) ? null : Math.max(0, nowMs - recordedAt) / 1000,
      };
    }),
  );
}

/**
 * The furthest-behind projection: the lag a dashboard alerts on. Its time is the largest one known (an event that
 * could not be read leaves its projection's time out); null only when no projection's time is known.
 */
export function maxLag(lags: readonly ProjectionLag[]): { readonly events: number; readonly seconds: number | null } {
  const known = lags.flatMap((lag) => (lag.lagSeconds === null ? [] : [lag.lagSeconds]));
  return { events: Math.max(0, ...lags.map((lag) => lag.lag)), seconds: known.length === 0 ? null : Math.max(...known) };
}
