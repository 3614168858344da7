import { lessons, type LessonEntry } from '../../content/index';

/** The lesson list and how to move through it; the markdown itself is in content/. */

export { lessons, type LessonEntry };

/** The lesson at `#/lessons/<id>`, or the first lesson when the address names none or an unknown one. */
export function lessonFor(id: string | undefined): { readonly lesson: LessonEntry; readonly known: boolean } {
  const first = lessons[0];
  if (first === undefined) throw new Error('content/index.ts lists no lessons.');
  const found = lessons.find((lesson) => lesson.id === id);
  return { lesson: found ?? first, known: found !== undefined || id === undefined };
}

/** The lessons before and after `id` in teaching order (undefined at either end). */
export function neighboursOf(id: string): { readonly previous?: LessonEntry; readonly next?: LessonEntry } {
  const index = lessons.findIndex((lesson) => lesson.id === id);
  if (index < 0) return {};
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  return { ...(previous && { previous }), ...(next && { next }) };
}

/** `1. CRUD loses history`: the number a person sees in the list. */
export const lessonNumber = (id: string): number => lessons.findIndex((lesson) => lesson.id === id) + 1;
