/**
 * The solution's answers.md with `text` added under every question and inside every code block: how the tests and
 * `npm run bench` feed the grader a very long answer in every place a student can write one.
 */
export function longAnswerDocuments(solution: string, text: string): [string, string] {
  return [solution.replace(/^(### .*)$/gm, `$1\n\n${text}\n`), solution.replace(/^```(\w*)\n/gm, `\`\`\`$1\n${text}\n`)];
}
