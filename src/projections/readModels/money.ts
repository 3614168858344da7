/**
 * Read models that add and subtract totals keep whole cents: a running float sum drifts (0.1 + 0.2 − 0.1 is not 0.2),
 * and a summary maintained event by event must end equal to the same sum computed from scratch.
 */
export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;
