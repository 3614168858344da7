import type { ProgressDb, ProgressRow } from '../db/schema';
import { toStorageError } from '../db/errors';
import { beginWrite } from '../db/writesInFlight';
import type { RequirementResult } from '../grading/types';
import { emptyProgress, loadAnswer, loadProgress, saveAnswer, sharedProgressDb, updateProgress } from './progressStore';
import { requirementNumbers, type RequirementNumber } from './exercise06Document';
import { exercise06Id } from './exercise06Steps';

/**
 * Exercise 06's saved work: the answers.md text and one progress row per requirement ('1'..'6'), in ProgressDb
 * (through the shared progress store), so it survives reloads and works offline.
 */

/**
 * The app's one ProgressDb connection, the same one the exercises page uses: a second connection would let an
 * import or a reset there race this page's autosave on a separate handle, and hold a schema upgrade open twice.
 */
export function progressDb(): ProgressDb {
  return sharedProgressDb();
}

export type Exercise06Saved = {
  /** The saved answers.md, or undefined when the student has not typed anything yet (show the starter). */
  readonly text: string | undefined;
  /** When that text was saved (ISO); undefined with no text. */
  readonly savedAt: string | undefined;
  /** One row per requirement, unchecked where nothing was checked yet. */
  readonly progress: ReadonlyMap<RequirementNumber, ProgressRow>;
};

export async function loadExercise06(db: ProgressDb): Promise<Exercise06Saved> {
  const [answer, rows] = await Promise.all([loadAnswer(db, exercise06Id), loadProgress(db, exercise06Id)]);
  const progress = new Map<RequirementNumber, ProgressRow>();
  for (const n of requirementNumbers) {
    progress.set(n, rows.find((row) => row.itemId === String(n)) ?? emptyProgress(exercise06Id, String(n)));
  }
  return { text: answer?.text, savedAt: answer?.updatedAt, progress };
}

export async function saveExercise06Text(db: ProgressDb, text: string): Promise<void> {
  await saveAnswer(db, exercise06Id, text);
}

/** Keeps the grader's verdict and message for requirement `n`, shown again after a reload. */
export function recordCheck(db: ProgressDb, n: RequirementNumber, result: RequirementResult): Promise<ProgressRow> {
  return updateProgress(db, exercise06Id, String(n), { status: result.status, message: result.message });
}

export function recordHintsRevealed(db: ProgressDb, n: RequirementNumber, hintsRevealed: number): Promise<ProgressRow> {
  return updateProgress(db, exercise06Id, String(n), { hintsRevealed });
}

/** How many requirements passed their last check. */
export const passedCount = (progress: ReadonlyMap<RequirementNumber, ProgressRow>): number =>
  [...progress.values()].filter((row) => row.status === 'pass').length;

// ---------- autosave ----------

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: Date }
  | { readonly kind: 'error'; readonly message: string };

export type Autosaver = {
  /** Asks for `text` to be saved after a quiet spell; a later call replaces an earlier unsaved one. */
  readonly schedule: (text: string) => void;
  /** Saves what is pending now (before leaving the page, or an export). */
  readonly flush: () => Promise<void>;
  readonly dispose: () => void;
};

/**
 * Saves the newest text once typing pauses for `delayMs`, never two writes at once, and reports each stage so the
 * page can say "Saving…", "Saved" or why it failed (storage full...). Only the latest text is ever written.
 */
export function createAutosaver(save: (text: string) => Promise<void>, onStatus: (status: SaveStatus) => void, delayMs = 400): Autosaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | undefined;
  let running: Promise<void> = Promise.resolve();
  // From a keystroke until its text is stored, the page has unsaved work: a new version of the app must not reload
  // it meanwhile (src/db/writesInFlight.ts). A failed save ends it too; the text stays in the unsaved draft.
  let endUnsaved: (() => void) | undefined;

  const writePending = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    running = running.then(async () => {
      const text = pending;
      if (text === undefined) return;
      pending = undefined;
      onStatus({ kind: 'saving' });
      try {
        await save(text);
        if (pending === undefined) onStatus({ kind: 'saved', at: new Date() });
      } catch (error) {
        // Keep the text for the next attempt: losing typed work silently is the one thing autosave must not do.
        pending ??= text;
        onStatus({ kind: 'error', message: saveFailureMessage(error) });
      }
      if (pending === undefined || timer === undefined) {
        endUnsaved?.();
        endUnsaved = undefined;
      }
    });
    return running;
  };

  return {
    schedule(text) {
      endUnsaved ??= beginWrite();
      pending = text;
      onStatus({ kind: 'pending' });
      clearTimeout(timer);
      timer = setTimeout(() => void writePending(), delayMs);
    },
    flush: writePending,
    dispose() {
      clearTimeout(timer);
      endUnsaved?.();
      endUnsaved = undefined;
    },
  };
}

/**
 * Why a save failed, in words that fit "Not saved: …": a storage failure says what happened and what to do (a full
 * disk is a QuotaExceededError whose message is empty, which read "Not saved: QuotaExceededError ."), anything else
 * its message. Without a final period: the page goes on after it.
 */
export function saveFailureMessage(error: unknown): string {
  const storage = toStorageError(error);
  if (storage?.reason === 'quota')
    return "the browser's storage for this site is full. Your text stays on this page; free disk space or clear other sites' data, and the next change you type is saved again";
  const message = (storage?.message ?? (error instanceof Error ? error.message : String(error))).trim();
  return (message === '' ? 'the browser refused to store it' : message).replace(/\.$/, '');
}

/** After an import the old verdicts judge another text: they go back to unchecked (opened hints stay). */
export async function clearChecks(db: ProgressDb): Promise<void> {
  await Promise.all(requirementNumbers.map((n) => updateProgress(db, exercise06Id, String(n), { status: 'unchecked', message: '' })));
}
