import { isUnanswered } from './answersDocument';
import type { QuestionAnswer, RequirementSection } from './answersDocument';
import { judgeAnswer } from './rubric';
import type { AnswerRubric } from './rubric';

export type QuestionRubric = { readonly title: string; readonly rubric: AnswerRubric };

/** Seed 003's questions as the starter's headings write them, in the seed's order (the rubrics' order). */
const SEED_QUESTIONS: Readonly<Record<number, readonly string[]>> = {
  1: [
    'What does CQRS stand for? In one sentence, state the core idea.',
    'What is a Command? Give two examples from the Order Service.',
    'What is a Query? Give two examples from the Order Service.',
    'What is the Read Model (projection)? How does it differ from the Write Model?',
    'In a CQRS system, what triggers an update to the Read Model?',
  ],
  4: [
    'What is the key difference between traditional state-based persistence and event sourcing?',
    'What is an event store? What are the requirements for events stored in it?',
    'What does it mean to replay events? Give one use case where replaying events is valuable.',
    'What is a snapshot in event sourcing and why is it used?',
  ],
};

/**
 * Requirements 1 and 4: each question's answer is the text under the `###` heading that names it, found by the
 * heading's words (in any order, numbered or not, reworded), as a teacher reads them; a heading that names no
 * question ("### Question 3", "### 3.") is taken by its number. Each answer is judged by its question's rubric;
 * `extra` adds checks a rubric cannot express (counting examples). Returns the problems found.
 */
export function judgeQuestions(
  section: RequirementSection,
  questions: readonly QuestionRubric[],
  extra: (index: number, text: string) => string | undefined = () => undefined,
): string[] {
  const wording = questions.map((question, index) => SEED_QUESTIONS[section.number]?.[index] ?? question.title);
  const answers = matchQuestions(section.questions, questions.map((question, index) => `${question.title} ${wording[index]}`));
  const nothingWritten = section.questions.length > 0 ? section.questions.every((q) => isUnanswered(q.text)) : isUnanswered(section.prose);
  if (nothingWritten) {
    return [`none of the ${questions.length} questions of requirement ${section.number} is answered yet: write an answer under each question (in answers.md, under its '###' heading)`];
  }
  const missing = questions.flatMap((_, index) => (answers[index] === undefined ? [`question ${index + 1} (${wording[index]})`] : []));
  const problems: string[] = [];
  if (missing.length > 0) {
    problems.push(
      `requirement ${section.number} needs ${questions.length} answers, each under a '###' heading with its question; there is no heading for ${missing.join(' or ')}`,
    );
  }
  questions.forEach((question, index) => {
    const answer = answers[index];
    if (answer === undefined) return;
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

/**
 * Which heading answers which question: every heading is scored against every question by the words they share,
 * a word counting more the fewer questions use it ("snapshot" names one question, "event" four), and the best
 * pairs are taken first. Headings that share no telling word are taken by their number, if they have one.
 */
export function matchQuestions(headings: readonly QuestionAnswer[], questions: readonly string[]): (QuestionAnswer | undefined)[] {
  const questionWords = questions.map((question) => new Set(contentWords(question)));
  const weight = (word: string): number => {
    const using = questionWords.filter((words) => words.has(word)).length;
    return using === 0 ? 0 : Math.log((questions.length + 1) / using);
  };
  const pairs: { heading: number; question: number; score: number }[] = [];
  headings.forEach((heading, h) => {
    const words = new Set(contentWords(heading.heading));
    questionWords.forEach((wordsOfQuestion, q) => {
      const score = [...words].filter((word) => wordsOfQuestion.has(word)).reduce((sum, word) => sum + weight(word), 0);
      // A word every question shares ("event" in requirement 4) tells nothing on its own.
      if (score >= Math.log((questions.length + 1) / Math.max(1, questions.length - 1))) pairs.push({ heading: h, question: q, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || Math.abs(a.heading - a.question) - Math.abs(b.heading - b.question));
  const answers: (QuestionAnswer | undefined)[] = questions.map(() => undefined);
  const taken = new Set<number>();
  for (const { heading, question } of pairs) {
    if (taken.has(heading) || answers[question] !== undefined) continue;
    answers[question] = headings[heading];
    taken.add(heading);
  }
  headings.forEach((heading, h) => {
    if (taken.has(h)) return;
    const number = numberOf(heading.heading);
    if (number !== undefined && number >= 1 && number <= questions.length && answers[number - 1] === undefined && !pairs.some((p) => p.heading === h)) {
      answers[number - 1] = heading;
      taken.add(h);
    }
  });
  return answers;
}

/** "Question 3", "Q3", "3.", "(c)", "c)": the question's number, when the heading gives one. */
function numberOf(heading: string): number | undefined {
  const match = /^\W*(?:q(?:uestion)?\.?\s*)?(\d+)\b|^\W*\(?([a-h])\)/i.exec(heading.trim());
  if (match === null) return undefined;
  return match[1] !== undefined ? Number(match[1]) : match[2]!.toLowerCase().charCodeAt(0) - 96;
}

const STOP_WORDS = new Set(
  'a an the is are was be what whats which who how why does do did it its in on of to for from and or with by as at this that these those give two one example examples order service services your you we our my i me vs versus between key traditional main question answer sentence'.split(
    ' ',
  ),
);

/** The words of a heading that can tell questions apart, reduced to a common stem ("replaying" → "replay"). */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? [])
    .filter((word) => !STOP_WORDS.has(word) && !/^q\d*$/.test(word))
    .map(stem)
    .filter((word) => word.length > 1);
}

function stem(word: string): string {
  if (/^(differ|distinct|contrast|compar)/.test(word)) return 'differ';
  if (/^(trigger|caus|drive|prompt)/.test(word)) return 'trigger';
  return word
    .replace(/ies$/, 'y')
    .replace(/(ing|ed|es|s)$/, '')
    .replace(/e$/, '');
}
