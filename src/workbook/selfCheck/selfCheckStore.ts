import type { ProgressDb, SelfCheckRow } from '../../db/schema';
import type { SelfCheckAnswer } from './types';

/**
 * The self-check answers in the student's ProgressDb, beside their exercise progress: exported and imported with it
 * (progressStore.ts), kept apart from the simulator's events.
 */

/** Every saved answer, of every lesson: what the lesson list needs to say which lessons are understood. */
export async function loadSelfCheckAnswers(db: ProgressDb): Promise<SelfCheckRow[]> {
  return db.selfChecks.toArray();
}

/** One lesson's saved answers, through the table's lessonId index. */
export async function loadLessonSelfCheckAnswers(db: ProgressDb, lessonId: string): Promise<SelfCheckRow[]> {
  return db.selfChecks.where('lessonId').equals(lessonId).toArray();
}

/** Keeps the student's latest checked answer to one question, replacing the one before. */
export async function saveSelfCheckAnswer(db: ProgressDb, lessonId: string, questionId: string, answer: SelfCheckAnswer): Promise<SelfCheckRow> {
  const row: SelfCheckRow = { lessonId, questionId, answer, updatedAt: new Date().toISOString() };
  await db.selfChecks.put(row);
  return row;
}
