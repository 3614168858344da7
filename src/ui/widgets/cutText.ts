/**
 * Long values cut for drawing. A log may hold a value far longer than anything the commands accept today (an
 * import from before the limits, a row written by an older version); drawing a megabyte of text in a table cell
 * freezes the page, so screens draw the start of it and offer the whole on request (<cut-text>).
 */

/** Characters of a value drawn before it is cut: a long product name fits, a pasted page does not. */
export const drawnCharacters = 300;

/** The text as drawn: its start and an ellipsis when it is longer than `max`. */
export function cutText(text: string, max = drawnCharacters): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Pretty JSON whose long strings are cut (each says how long it was), and whether any was: the event log shows
 * this, and the whole JSON only when asked.
 */
export function cutJson(value: unknown, max = drawnCharacters): { readonly text: string; readonly cut: boolean } {
  let cut = false;
  const text = JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item !== 'string' || item.length <= max) return item;
      cut = true;
      return `${item.slice(0, max)}… (${item.length.toLocaleString('en-US')} characters)`;
    },
    2,
  );
  return { text, cut };
}
