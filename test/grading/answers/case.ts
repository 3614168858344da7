/** One graded answer: the text of a requirement's section, and what the grader must say about it. */
export type GradedCase = {
  readonly name: string;
  /** The section's content, without its `## Requirement N` heading. */
  readonly section: string;
  readonly verdict: 'pass' | 'fail';
  /** On fail: words the message must contain, so the failure is the RIGHT one. */
  readonly mentions?: string;
};

/** Requirements 1 and 4: answers under `###` headings, in order. */
export function questions(...answers: readonly string[]): string {
  return answers.map((answer, index) => `### Question ${index + 1}\n\n${answer}\n`).join('\n');
}
