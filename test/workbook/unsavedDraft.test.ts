import { describe, expect, it } from 'vitest';
import { forgetUnsavedDraft, keepUnsavedDraft, unsavedDraftNewerThan, type DraftStorage } from '../../src/workbook/unsavedDraft';

/** The words typed just before a reload come back when the autosave had no time to write them, and only then. */

const key = 'event-workbook:exercise-06:unsaved-answers';

function memoryStorage(): DraftStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
}

describe('the unsaved draft of a student’s answers', () => {
  it('comes back after a reload when it is newer than the saved text, or when nothing was saved', () => {
    const storage = memoryStorage();
    keepUnsavedDraft(storage, key, 'CQRS stands for Command Query Responsibility Segregation', new Date('2026-03-02T10:00:05Z'));
    expect(unsavedDraftNewerThan(storage, key, '2026-03-02T10:00:00.000Z')).toBe('CQRS stands for Command Query Responsibility Segregation');
    expect(unsavedDraftNewerThan(storage, key, undefined)).toBe('CQRS stands for Command Query Responsibility Segregation');
  });

  it('does not replace text saved after it was typed (the autosave did write it, or a later edit)', () => {
    const storage = memoryStorage();
    keepUnsavedDraft(storage, key, 'older words', new Date('2026-03-02T10:00:05Z'));
    expect(unsavedDraftNewerThan(storage, key, '2026-03-02T10:00:06.000Z')).toBeUndefined();
  });

  it('is gone once forgotten, and a damaged draft counts as none', () => {
    const storage = memoryStorage();
    keepUnsavedDraft(storage, key, 'words');
    forgetUnsavedDraft(storage, key);
    expect(unsavedDraftNewerThan(storage, key, undefined)).toBeUndefined();

    storage.setItem(key, '{"text": "cut off');
    expect(unsavedDraftNewerThan(storage, key, undefined)).toBeUndefined();
    storage.setItem(key, JSON.stringify({ text: 42, at: 'yesterday' }));
    expect(unsavedDraftNewerThan(storage, key, undefined)).toBeUndefined();
  });

  it('a full or missing storage keeps nothing and throws nothing: the autosave still runs', () => {
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => keepUnsavedDraft(full, key, 'words')).not.toThrow();
    expect(unsavedDraftNewerThan(full, key, undefined)).toBeUndefined();
    expect(() => keepUnsavedDraft(undefined, key, 'words')).not.toThrow();
    expect(unsavedDraftNewerThan(undefined, key, undefined)).toBeUndefined();
  });
});
