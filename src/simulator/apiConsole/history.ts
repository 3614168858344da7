import { httpMethods } from './types';

/** The console's history: what was sent and what came back, newest first, kept for the browser tab's session. */

export type HistoryEntry = {
  readonly request: string;
  /** `POST /orders/`, or the first line as typed when the request could not be read. */
  readonly requestLine: string;
  readonly status: number;
  readonly statusText: string;
};

export const maxHistory = 30;

export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history].slice(0, maxHistory);
}

const isEntry = (value: unknown): value is HistoryEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['request'] === 'string' &&
    typeof entry['requestLine'] === 'string' &&
    typeof entry['status'] === 'number' &&
    typeof entry['statusText'] === 'string'
  );
};

/** Stored text is checked entry by entry: a damaged or hand-edited session entry is dropped, not trusted. */
export function historyFromStorage(stored: string | null): HistoryEntry[] {
  if (stored === null) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter(isEntry).slice(0, maxHistory) : [];
  } catch {
    return [];
  }
}

/** The line a history entry is named by: the request line as typed, shortened. */
export function firstLineOf(request: string): string {
  const line = request.split(/\r?\n/).find((candidate) => candidate.trim() !== '')?.trim() ?? '';
  const [method = '', target = ''] = line.split(/\s+/);
  // Only a real method is shown in capitals: "hello" stays as typed, so the person sees what they sent.
  const upper = method.toUpperCase();
  const shown = `${(httpMethods as readonly string[]).includes(upper) ? upper : method} ${target}`.trim();
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}
