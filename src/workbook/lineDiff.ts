/**
 * A line diff for the goal view: the expected result's lines beside the student's, each marked as shared, only
 * expected (missing from the student's) or only actual (extra in the student's). Longest common subsequence:
 * the texts are small pretty-printed JSON, a few hundred lines at most.
 */
export type DiffLine = { readonly kind: 'same' | 'missing' | 'extra'; readonly text: string };

export function lineDiff(expectedText: string, actualText: string): DiffLine[] {
  const expected = expectedText.split('\n');
  const actual = actualText.split('\n');
  // lengths[i][j] = LCS length of expected[i..] and actual[j..]
  const lengths: number[][] = Array.from({ length: expected.length + 1 }, () => new Array<number>(actual.length + 1).fill(0));
  for (let i = expected.length - 1; i >= 0; i--) {
    for (let j = actual.length - 1; j >= 0; j--) {
      lengths[i]![j] = expected[i] === actual[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < expected.length && j < actual.length) {
    if (expected[i] === actual[j]) {
      lines.push({ kind: 'same', text: expected[i]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      lines.push({ kind: 'missing', text: expected[i++]! });
    } else {
      lines.push({ kind: 'extra', text: actual[j++]! });
    }
  }
  while (i < expected.length) lines.push({ kind: 'missing', text: expected[i++]! });
  while (j < actual.length) lines.push({ kind: 'extra', text: actual[j++]! });
  return lines;
}
