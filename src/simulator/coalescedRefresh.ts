/**
 * Runs a refresh at most once at a time. The simulator reports a change after every append and every projector
 * batch: seeding 100,000 events is hundreds of notices a second. A view that re-queried on each one would pile up
 * reads; this runs one, and if notices came in meanwhile, exactly one more after it, so the view ends up current.
 */
export type CoalescedRefresh = {
  /** Asks for a refresh; resolves when a refresh that started after this request has finished. */
  request(): Promise<void>;
};

export function createCoalescedRefresh(refresh: () => Promise<void>): CoalescedRefresh {
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;

  const start = (): Promise<void> => {
    running = refresh()
      // The refresh shows its own errors (it is a view's loader); here a failure only must not stop the next one.
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    request() {
      if (running === null) return start();
      // One follow-up serves every request made while the current refresh runs.
      again ??= running.then(() => {
        again = null;
        return start();
      });
      return again;
    },
  };
}
