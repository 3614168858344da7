import { gradeAnswer } from './grade';
import type { SelfCheck, SelfCheckAnswer } from './types';

/**
 * How far a student is with one lesson's self-check, from their saved answers: what the lesson list shows
 * ("not tried", "2 of 4", "understood"). Answers are graded again here rather than trusting a stored verdict, so a
 * question whose content was corrected is judged by what it says now; answers to questions that no longer exist
 * are left out.
 */

/** One saved answer, as ProgressDb keeps it (db/schema.ts `SelfCheckRow`). */
export type SavedAnswer = { readonly lessonId: string; readonly questionId: string; readonly answer: SelfCheckAnswer };

export type LessonCheckState =
  | { readonly state: 'not-tried'; readonly right: 0; readonly total: number; readonly text: string }
  | { readonly state: 'started'; readonly right: number; readonly total: number; readonly text: string }
  | { readonly state: 'understood'; readonly right: number; readonly total: number; readonly text: string };

export function lessonCheckState(selfCheck: SelfCheck, saved: readonly SavedAnswer[]): LessonCheckState {
  const total = selfCheck.questions.length;
  const answers = new Map(saved.filter((row) => row.lessonId === selfCheck.lessonId).map((row) => [row.questionId, row.answer]));
  const tried = selfCheck.questions.filter((question) => answers.has(question.id));
  if (tried.length === 0) return { state: 'not-tried', right: 0, total, text: 'not tried' };
  const right = tried.filter((question) => gradeAnswer(question, answers.get(question.id)).verdict === 'right').length;
  if (right === total) return { state: 'understood', right, total, text: 'understood' };
  return { state: 'started', right, total, text: `${right} of ${total} right` };
}
