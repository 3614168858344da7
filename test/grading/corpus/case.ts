/**
 * One answer of the independent corpus: a requirement's section as a student wrote it, and the verdict a teacher of
 * the subject gave it. Written from the exercise and the seed, never from the grader's rubrics.
 */
export type CorpusCase = {
  readonly name: string;
  readonly verdict: 'pass' | 'fail';
  /** The teacher's note: why it passes, or in a few words what is wrong. */
  readonly why: string;
  /** The markdown under `## Requirement N`. */
  readonly section: string;
  /** On fail, optionally: a term the grader's message should plausibly name. */
  readonly mentions?: string;
};

/** Requirements 1, 4 and 6: `###` headings with the answers under them, in the order given. */
export function headed(pairs: readonly (readonly [heading: string, answer: string])[]): string {
  return pairs.map(([heading, answer]) => `### ${heading}\n\n${answer}\n`).join('\n');
}

/** A fenced block. */
export function fence(body: string, lang = 'text'): string {
  return `\`\`\`${lang}\n${body}\n\`\`\`\n`;
}
