import { startingOrder } from './grade';
import { readModelLabel } from './readModels';
import type { SelfCheck, SelfCheckQuestion } from './types';

/**
 * The self-checks as one Markdown file for instructors: every question, its choices, the right answers and every
 * explanation. `npm run self-checks` writes it to docs/self-checks.md; the Lessons screen offers the same text as a
 * download. Pure, so both produce the same bytes.
 */

export type LessonTitle = { readonly id: string; readonly title: string };

const kindLabel: Readonly<Record<SelfCheckQuestion['kind'], string>> = {
  choice: 'one answer',
  order: 'put in order',
  'read-model': 'which read model answers this query',
};

export function selfChecksMarkdown(selfChecks: readonly SelfCheck[], lessons: readonly LessonTitle[]): string {
  const questionCount = selfChecks.reduce((sum, check) => sum + check.questions.length, 0);
  const lines = [
    '# Self-checks: questions, answers and explanations',
    '',
    `The ${questionCount} questions at the end of the workbook's ${selfChecks.length} lessons, with the right answers and the`,
    'explanation a student sees beside every choice after checking. Generated from `content/self-checks/` by',
    '`npm run self-checks`; edit the questions there, not here.',
  ];
  for (const check of selfChecks) {
    const index = lessons.findIndex((lesson) => lesson.id === check.lessonId);
    const title = lessons[index]?.title ?? check.lessonId;
    lines.push('', `## Lesson ${index + 1}: ${title}`);
    check.questions.forEach((question, position) => lines.push('', ...questionLines(question, position + 1)));
  }
  return `${lines.join('\n')}\n`;
}

function questionLines(question: SelfCheckQuestion, number: number): string[] {
  const kind = question.kind === 'choice' && question.multiple ? 'check every right choice' : kindLabel[question.kind];
  const heading = [`### ${number}. ${question.prompt}`, '', `*${kind.charAt(0).toUpperCase()}${kind.slice(1)}.*`, ''];
  switch (question.kind) {
    case 'choice':
      return [...heading, ...question.choices.map((choice) => choiceLine(choice.correct, choice.text, choice.explanation))];
    case 'read-model':
      return [...heading, ...question.choices.map((choice) => choiceLine(choice.correct, `\`${readModelLabel(choice.readModel)}\``, choice.explanation))];
    case 'order': {
      const textOf = (id: string): string => question.items.find((item) => item.id === id)?.text ?? id;
      return [
        ...heading,
        'The right order:',
        '',
        ...question.items.map((item, index) => `${index + 1}. ${item.text}: ${item.explanation}`),
        '',
        `Students start from: ${startingOrder(question).map(textOf).join('; ')}.`,
      ];
    }
  }
}

const choiceLine = (correct: boolean, text: string, explanation: string): string =>
  `- ${correct ? '**Right**' : 'Wrong'}: ${text}  \n  ${explanation}`;
