/** Conflicts answered per class by this server, over a sliding window of whole seconds. */
export function createActivityCounter(windowSeconds: number, now: () => number = Date.now) {
  const counts = new Map<string, Map<number, { conflicts: number }>>();
  const bucket = (code: string) => {
    const second = Math.floor(now() / 1000);
    let byClass = counts.get(code);
    if (!byClass) counts.set(code, (byClass = new Map()));
    for (const key of byClass.keys()) if (key <= second - windowSeconds) byClass.delete(key);
    let entry = byClass.get(second);
    if (!entry) byClass.set(second, (entry = { conflicts: 0 }));
    return entry;
  };
  return {
    windowSeconds,
    conflict(code: string) {
      bucket(code).conflicts += 1;
    },
    /** Per second, over the last `windowSeconds` (the current second counted as a whole one). */
    rates(code: string): { conflictsPerSecond: number } {
      bucket(code);
      let conflicts = 0;
      for (const entry of counts.get(code)!.values()) conflicts += entry.conflicts;
      return { conflictsPerSecond: conflicts / windowSeconds };
    },
  };
}
