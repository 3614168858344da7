import * as v from 'valibot';
import { ProgressDb, type AnswerRow, type ProgressRow, type SelfCheckRow } from '../db/schema';
import { selfCheckRowSchema } from './selfCheck/answerSchema';

/**
 * A student's work in ProgressDb: the text they wrote per exercise (answers) and how far they got per item
 * (progress). Shared by the coding exercises screen and the Exercise 06 page, so both save, reset, export and
 * import the same way.
 */

/**
 * The file a student downloads with "Export progress" and can load back with "Import progress". Version 2 added the
 * lessons' self-checks; a version 1 file (which has none) still imports.
 */
export type ProgressFile = {
  readonly format: typeof progressFileFormat;
  readonly version: 1 | 2;
  readonly exportedAt: string;
  readonly answers: readonly AnswerRow[];
  readonly progress: readonly ProgressRow[];
  readonly selfChecks: readonly SelfCheckRow[];
};

export const progressFileFormat = 'event-workbook-progress';

/** What an import did, or why it did nothing. */
export type ImportOutcome =
  | { readonly ok: true; readonly answers: number; readonly progress: number; readonly selfChecks: number }
  | { readonly ok: false; readonly reason: string };

const nowIso = (): string => new Date().toISOString();

/** Every progress row of one exercise (one per requirement for Exercise 06, one `'exercise'` row for code). */
export async function loadProgress(db: ProgressDb, exerciseId: string): Promise<ProgressRow[]> {
  return db.progress.where('exerciseId').equals(exerciseId).toArray();
}

/** All progress rows, for "N of M done" over the whole list. */
export async function loadAllProgress(db: ProgressDb): Promise<ProgressRow[]> {
  return db.progress.toArray();
}

export async function saveProgress(db: ProgressDb, row: ProgressRow): Promise<void> {
  await db.progress.put(row);
}

/**
 * Changes some fields of one progress row, starting from an unchecked row when there is none yet. The read and
 * the write share a transaction so a hint opened while a test run finishes is not lost.
 */
export async function updateProgress(
  db: ProgressDb,
  exerciseId: string,
  itemId: string,
  change: Partial<Pick<ProgressRow, 'status' | 'message' | 'hintsRevealed' | 'gaveUp'>>,
): Promise<ProgressRow> {
  return db.transaction('rw', db.progress, async () => {
    const current = (await db.progress.get([exerciseId, itemId])) ?? emptyProgress(exerciseId, itemId);
    const next: ProgressRow = { ...current, ...change, updatedAt: nowIso() };
    await db.progress.put(next);
    return next;
  });
}

/** The row of an item nobody has touched yet. */
export function emptyProgress(exerciseId: string, itemId: string): ProgressRow {
  return { exerciseId, itemId, status: 'unchecked', message: '', hintsRevealed: 0, gaveUp: false, updatedAt: '' };
}

export async function loadAnswer(db: ProgressDb, exerciseId: string): Promise<AnswerRow | undefined> {
  return db.answers.get(exerciseId);
}

export async function saveAnswer(db: ProgressDb, exerciseId: string, text: string): Promise<AnswerRow> {
  const row: AnswerRow = { exerciseId, text, updatedAt: nowIso() };
  await db.answers.put(row);
  return row;
}

/** Forgets one exercise's text and progress (its starter comes back), or everything when no id is given. */
export async function resetProgress(db: ProgressDb, exerciseId?: string): Promise<void> {
  await db.transaction('rw', db.answers, db.progress, async () => {
    if (exerciseId === undefined) {
      await db.answers.clear();
      await db.progress.clear();
      return;
    }
    await db.answers.delete(exerciseId);
    await db.progress.where('exerciseId').equals(exerciseId).delete();
  });
}

export async function exportProgress(db: ProgressDb): Promise<ProgressFile> {
  const [answers, progress, selfChecks] = await db.transaction('r', db.answers, db.progress, db.selfChecks, () =>
    Promise.all([db.answers.toArray(), db.progress.toArray(), db.selfChecks.toArray()]),
  );
  return { format: progressFileFormat, version: 2, exportedAt: nowIso(), answers, progress, selfChecks };
}

/** The file's text, pretty-printed so a student can read what they are handing in. */
export function progressFileText(file: ProgressFile): string {
  return JSON.stringify(file, null, 2);
}

// ---------- import ----------

/** Limits that keep a wrong or hostile file from filling the database. */
const maxRows = 500;
const maxTextLength = 200_000;

const idSchema = v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(200, 'is too long'));

const answerSchema = v.object({
  exerciseId: idSchema,
  text: v.pipe(v.string('must be text'), v.maxLength(maxTextLength, 'is longer than 200,000 characters')),
  updatedAt: v.string('must be text'),
});

const progressSchema = v.object({
  exerciseId: idSchema,
  itemId: idSchema,
  status: v.picklist(['pass', 'fail', 'unchecked'], 'must be "pass", "fail" or "unchecked"'),
  message: v.pipe(v.string('must be text'), v.maxLength(10_000, 'is too long')),
  hintsRevealed: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'), v.maxValue(20, 'is too large')),
  gaveUp: v.boolean('must be true or false'),
  updatedAt: v.string('must be text'),
});

const progressFileSchema = v.object({
  format: v.literal(progressFileFormat, `must be "${progressFileFormat}" (this is not a workbook progress file)`),
  version: v.picklist([1, 2], 'must be 1 or 2 (a file from a newer workbook cannot be read here)'),
  exportedAt: v.string('must be text'),
  answers: v.pipe(v.array(answerSchema, 'must be a list'), v.maxLength(maxRows, `has more than ${maxRows} entries`)),
  progress: v.pipe(v.array(progressSchema, 'must be a list'), v.maxLength(maxRows, `has more than ${maxRows} entries`)),
  // Absent in a version 1 file, written before the self-checks existed.
  selfChecks: v.optional(v.pipe(v.array(selfCheckRowSchema, 'must be a list'), v.maxLength(maxRows, `has more than ${maxRows} entries`)), []),
});

/** Reads a progress file's text; the reason names the first thing wrong, never echoing the file's content. */
export function parseProgressFile(text: string): { ok: true; file: ProgressFile } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON. Choose a file saved with "Export progress".' };
  }
  const result = v.safeParse(progressFileSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const path = (issue?.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`)).join('');
    const where = path === '' ? 'The file' : `The field "${path.replace(/^\./, '')}" of the file`;
    const what = issue?.input === undefined && path !== '' ? 'is missing' : (issue?.message ?? 'is not valid');
    return { ok: false, reason: `${where} ${what}: is this a file saved with "Export progress"? Nothing was imported.` };
  }
  const file = result.output as ProgressFile;
  const duplicate = firstDuplicate(file.answers.map((row) => row.exerciseId));
  if (duplicate !== undefined) {
    return { ok: false, reason: `The file has two answers for exercise ${JSON.stringify(duplicate)}. Nothing was imported.` };
  }
  const duplicateCheck = firstDuplicate(file.selfChecks.map((row) => `question ${JSON.stringify(row.questionId)} of lesson ${JSON.stringify(row.lessonId)}`));
  if (duplicateCheck !== undefined) {
    return { ok: false, reason: `The file has two self-check answers to ${duplicateCheck}. Nothing was imported.` };
  }
  return { ok: true, file };
}

function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/**
 * Replaces all of the student's work with a progress file's: validated first, then written in one transaction,
 * so a bad file changes nothing. The file is data only: nothing in it is run.
 */
export async function importProgress(db: ProgressDb, text: string): Promise<ImportOutcome> {
  const parsed = parseProgressFile(text);
  if (!parsed.ok) return parsed;
  const { answers, progress, selfChecks } = parsed.file;
  await db.transaction('rw', db.answers, db.progress, db.selfChecks, async () => {
    await db.answers.clear();
    await db.progress.clear();
    await db.selfChecks.clear();
    await db.answers.bulkPut([...answers]);
    await db.progress.bulkPut([...progress]);
    await db.selfChecks.bulkPut([...selfChecks]);
  });
  return { ok: true, answers: answers.length, progress: progress.length, selfChecks: selfChecks.length };
}

let sharedDb: ProgressDb | undefined;

/** The page's one ProgressDb connection, opened by Dexie on first use. */
export function sharedProgressDb(): ProgressDb {
  sharedDb ??= new ProgressDb();
  return sharedDb;
}
