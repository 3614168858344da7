import { describe, expect, it, vi } from 'vitest';
import { createCoalescedRefresh } from '../../src/simulator/coalescedRefresh';

describe('coalesced refresh', () => {
  it('runs one refresh at a time and exactly one more for every request made meanwhile', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const refresh = createCoalescedRefresh(async () => {
      runs += 1;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });

    const first = refresh.request();
    const followUps = [refresh.request(), refresh.request(), refresh.request()];
    expect(runs).toBe(1);
    release();
    await first;
    await vi.waitFor(() => expect(runs).toBe(2));
    release();
    await Promise.all(followUps);
    expect(runs).toBe(2);
  });

  it('keeps refreshing after a refresh failed', async () => {
    let runs = 0;
    const refresh = createCoalescedRefresh(async () => {
      runs += 1;
      if (runs === 1) throw new Error('store closed');
    });
    await refresh.request();
    await refresh.request();
    expect(runs).toBe(2);
  });
});
