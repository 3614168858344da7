/** How the metrics read on screen: few digits, units that match the size of the number. */

/** 0.42 ms, 3.17 ms, 12.4 ms, 230 ms, 1.2 s; an em dash when there is nothing to show yet. */
export function formatMilliseconds(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** Lag in time: "0 s" when caught up, tenths below a minute. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds === 0) return '0 s';
  if (seconds >= 60) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${seconds.toFixed(1)} s`;
}

/** 75 %, 66.7 %; an em dash when no saga finished. */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  const percent = share * 100;
  return `${Number.isInteger(Math.round(percent * 10) / 10) ? Math.round(percent) : percent.toFixed(1)} %`;
}

/** Events per second: whole numbers from 10 up, one decimal below. */
export const formatRate = (perSecond: number): string => (perSecond >= 10 ? `${Math.round(perSecond)}` : perSecond.toFixed(1));
