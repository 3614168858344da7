/** Commands accepted and conflicts answered per class, over a sliding window of whole seconds (this process's). */
export function createActivityCounter(windowSeconds: number, now: () => number = Date.now) {
  const counts = new Map<string, Map<number, { commands: number; conflicts: number }>>();
  const bucket = (code: string) => {
    const second = Math.floor(now() / 1000);
    let byClass = counts.get(code);
    if (!byClass) counts.set(code, (byClass = new Map()));
    for (const key of byClass.keys()) if (key <= second - windowSeconds) byClass.delete(key);
    let entry = byClass.get(second);
    if (!entry) byClass.set(second, (entry = { commands: 0, conflicts: 0 }));
    return entry;
  };
  return {
    windowSeconds,
    command(code: string) {
      bucket(code).commands += 1;
    },
    conflict(code: string) {
      bucket(code).conflicts += 1;
    },
    /** Per second, over the last `windowSeconds` (the current second counted as a whole one). */
    rates(code: string): { commandsPerSecond: number; conflictsPerSecond: number } {
      bucket(code);
      let commands = 0;
      let conflicts = 0;
      for (const entry of counts.get(code)!.values()) {
        commands += entry.commands;
        conflicts += entry.conflicts;
      }
      return { commandsPerSecond: commands / windowSeconds, conflictsPerSecond: conflicts / windowSeconds };
    },
  };
}
