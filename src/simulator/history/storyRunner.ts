import type { RecordedEvent } from '../../eventStore/types';
import { createMemorySimulator } from '../simulator';
import type { CrudStory, StoryQuestion, StoryStep } from './crudStory';
import { answerFromCrud, answerFromEvents, type CrudRowView, type StoryAnswer } from './storyQuestions';

/** Something a CRUD overwrite destroyed, as the story marks it. */
export type StoryLoss = { readonly field: string; readonly oldValue: string; readonly newValue: string; readonly at: string };

/** Both sides of the comparison after the first `done` steps of a story. */
export type StoryFrame = {
  readonly story: CrudStory;
  readonly done: number;
  /** The step just applied (undefined before the first). */
  readonly lastStep: StoryStep | undefined;
  /** The event store's whole log. */
  readonly events: readonly RecordedEvent[];
  /** The CRUD twin's row for the story's subject, in the seed's `GET` shape. */
  readonly crudRow: CrudRowView | undefined;
  readonly losses: readonly StoryLoss[];
  readonly answers: readonly { readonly question: StoryQuestion; readonly fromEvents: StoryAnswer; readonly fromCrud: StoryAnswer }[];
  /** A step the sandbox refused (a story bug, shown rather than hidden). */
  readonly refusal: string | undefined;
};

const shown = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

/**
 * Plays the first `done` steps of the story in a fresh in-memory simulator: the same commands reach the event store
 * and the CRUD twin through `execute`, exactly as in the app. Going back a step replays from the start, because
 * neither side can be rewound (CRUD has nothing to rewind to; events are never deleted).
 */
export async function playStory(story: CrudStory, done: number): Promise<StoryFrame> {
  const count = Math.max(0, Math.min(done, story.steps.length));
  let clock = story.steps[0]?.at ?? new Date(0).toISOString();
  let nextId = 0;
  const sandbox = await createMemorySimulator({ now: () => clock, newId: () => `${story.id}-command-${++nextId}` });
  try {
    let refusal: string | undefined;
    for (const step of story.steps.slice(0, count)) {
      clock = step.at;
      const outcome = await sandbox.execute(step.command, step.input);
      if (!outcome.ok) {
        refusal = `${step.request}: ${outcome.message}`;
        break;
      }
    }
    const events = await sandbox.store.readAll();
    const subject = story.subject;
    let crudRow: CrudRowView | undefined;
    let losses: StoryLoss[];
    if (subject.kind === 'order') {
      const row = await sandbox.crud.get(subject.orderId);
      crudRow = row && {
        order_id: row.orderId,
        customer_id: row.customerId,
        product: row.product,
        quantity: row.quantity,
        status: row.status,
        updatedAt: row.updatedAt,
      };
      losses = (await sandbox.crud.lossesOf(subject.orderId)).map(({ field, oldValue, newValue, at }) => ({
        field,
        oldValue: shown(oldValue),
        newValue: shown(newValue),
        at,
      }));
    } else {
      const row = await sandbox.crudUsers.get(subject.userId);
      crudRow = row && {
        user_id: row.userId,
        first_name: row.firstName,
        last_name: row.lastName,
        email: row.email,
        updatedAt: row.updatedAt,
      };
      losses = (await sandbox.crudUsers.lossesOf(subject.userId)).map(({ field, oldValue, newValue, at }) => ({ field, oldValue, newValue, at }));
    }
    return {
      story,
      done: count,
      lastStep: count === 0 ? undefined : story.steps[count - 1],
      events,
      crudRow,
      losses,
      answers: story.questions.map((question) => ({
        question,
        fromEvents: answerFromEvents(question, subject, events),
        fromCrud: answerFromCrud(question, crudRow),
      })),
      refusal,
    };
  } finally {
    sandbox.close();
  }
}
