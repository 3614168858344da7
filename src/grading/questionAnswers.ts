import { isUnanswered } from './answersDocument';
import type { RequirementSection } from './answersDocument';
import { judgeAnswer } from './rubric';
import type { AnswerRubric } from './rubric';

export type QuestionRubric = { readonly title: string; readonly rubric: AnswerRubric };

/**
 * Requirements 1 and 4: the answers under the section's `###` headings, taken in the seed's order, each judged by
 * its rubric. `extra` adds checks a rubric cannot express (counting examples). Returns the problems found.
 */
export function judgeQuestions(
  section: RequirementSection,
  questions: readonly QuestionRubric[],
  extra: (index: number, text: string) => string | undefined = () => undefined,
): string[] {
  if (section.questions.length < questions.length) {
    const found = section.questions.length;
    return [
      `requirement ${section.number} has ${found} '###' question heading${found === 1 ? '' : 's'}; it needs ${questions.length}, one per question of the exercise, in its order`,
    ];
  }
  if (questions.every((_, index) => isUnanswered(section.questions[index]!.text))) {
    return [`none of the ${questions.length} questions of requirement ${section.number} is answered yet: write an answer under each question (in answers.md, under its '###' heading)`];
  }
  const problems: string[] = [];
  questions.forEach((question, index) => {
    const answer = section.questions[index]!;
    const subject = `Question ${index + 1} (${question.title})`;
    if (isUnanswered(answer.text)) {
      problems.push(`${subject} is not answered yet`);
      return;
    }
    const judgement = judgeAnswer(subject, question.rubric, answer.text);
    if (!judgement.ok) {
      problems.push(judgement.problem);
      return;
    }
    const more = extra(index, answer.text);
    if (more !== undefined) problems.push(`${subject} ${more}`);
  });
  return problems;
}
