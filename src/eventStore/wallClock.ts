/**
 * The wall clock as an ISO string, formatted once per millisecond: `toISOString` costs about as much as the rest
 * of an append, and a burst of appends within one millisecond stamps the same time anyway.
 */
export function wallClockIso(): () => string {
  let lastMs = Number.NaN;
  let lastIso = '';
  return () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    return lastIso;
  };
}
