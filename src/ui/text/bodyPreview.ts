/**
 * The start of a long response body, cut at a line end, for a screen that would otherwise lay out megabytes of text:
 * at 100,000 events `GET /api/v1/orders/status/shipped` answers 1.2 MB of JSON, which took the API console 1.6 s to
 * draw (and left the page sluggish) where its query took 0.16 s. The whole body stays one click away.
 */
export type BodyPreview = {
  /** What to draw: the whole text, or its first lines. */
  readonly shown: string;
  /** Whether `shown` is only the start of the text. */
  readonly cut: boolean;
  readonly shownLines: number;
  readonly totalLines: number;
};

/** Characters of a body drawn before it is cut (some 4,000 lines of pretty-printed orders, 100 KB). */
export const previewChars = 100_000;

const linesIn = (text: string): number => {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
};

/**
 * The text whole when it has at most `maxChars` characters; otherwise its lines up to the last line end within
 * `maxChars` (a single line longer than that is cut at `maxChars`).
 */
export function bodyPreview(text: string, maxChars: number = previewChars): BodyPreview {
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`A preview is at least 1 character, not ${maxChars}.`);
  const totalLines = linesIn(text);
  if (text.length <= maxChars) return { shown: text, cut: false, shownLines: totalLines, totalLines };
  const lastBreak = text.lastIndexOf('\n', maxChars);
  const shown = text.slice(0, lastBreak > 0 ? lastBreak : maxChars);
  return { shown, cut: true, shownLines: linesIn(shown), totalLines };
}

/** A size in characters as a person reads it: `950 characters`, `312 KB`, `1.2 MB` (1 KB = 1,000 characters). */
export function sizeInWords(chars: number): string {
  if (chars < 1_000) return `${chars} characters`;
  if (chars < 1_000_000) return `${Math.round(chars / 1_000)} KB`;
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}
