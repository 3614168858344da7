import type { RecordedEvent } from '../../eventStore/types';
import { type WorkbookSimulator } from '../simulator';
import { createMemorySimulator } from '../memorySimulators';
import { orderQuestions, userQuestions, type CrudStory, type StoryQuestion, type StoryStep, type StorySubject } from './crudStory';
import { answerFromCrud, answerFromEvents, type CrudRowView, type StoryAnswer } from './storyQuestions';

/** Something a CRUD overwrite destroyed, as the story marks it. */
export type StoryLoss = { readonly field: string; readonly oldValue: string; readonly newValue: string; readonly at: string };

/** Both sides of the comparison after the first `done` steps of a story. */
export type StoryFrame = {
  readonly story: CrudStory;
  readonly done: number;
  /** The step just applied (undefined before the first). */
  readonly lastStep: StoryStep | undefined;
  /** The subject's events (for a scripted story, the sandbox's whole log, which holds only them). */
  readonly events: readonly RecordedEvent[];
  /** The CRUD twin's row for the story's subject, in the seed's `GET` shape. */
  readonly crudRow: CrudRowView | undefined;
  readonly losses: readonly StoryLoss[];
  readonly answers: readonly { readonly question: StoryQuestion; readonly fromEvents: StoryAnswer; readonly fromCrud: StoryAnswer }[];
  /** A step the sandbox refused (a story bug, shown rather than hidden). */
  readonly refusal: string | undefined;
};

const shown = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

/** The subject's CRUD row (in the seed's `GET` shape) and what overwrites destroyed, from a simulator's twin. */
async function crudSide(
  simulator: Pick<WorkbookSimulator, 'crud' | 'crudUsers'>,
  subject: StorySubject,
): Promise<{ crudRow: CrudRowView | undefined; losses: StoryLoss[] }> {
  if (subject.kind === 'order') {
    const row = await simulator.crud.get(subject.orderId);
    const losses = (await simulator.crud.lossesOf(subject.orderId)).map(({ field, oldValue, newValue, at }) => ({
      field,
      oldValue: field === 'order' ? 'the whole row (deleted)' : shown(oldValue),
      newValue: shown(newValue),
      at,
    }));
    return {
      crudRow: row && {
        order_id: row.orderId,
        customer_id: row.customerId,
        product: row.product,
        quantity: row.quantity,
        status: row.status,
        updatedAt: row.updatedAt,
      },
      losses,
    };
  }
  const row = await simulator.crudUsers.get(subject.userId);
  const losses = (await simulator.crudUsers.lossesOf(subject.userId)).map(({ field, oldValue, newValue, at }) => ({ field, oldValue, newValue, at }));
  return {
    crudRow: row && { user_id: row.userId, first_name: row.firstName, last_name: row.lastName, email: row.email, updatedAt: row.updatedAt },
    losses,
  };
}

function answersOf(story: CrudStory, events: readonly RecordedEvent[], crudRow: CrudRowView | undefined): StoryFrame['answers'] {
  return story.questions.map((question) => ({
    question,
    fromEvents: answerFromEvents(question, story.subject, events),
    fromCrud: answerFromCrud(question, crudRow),
  }));
}

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
    const { crudRow, losses } = await crudSide(sandbox, story.subject);
    const lastStep = count === 0 ? undefined : story.steps[count - 1];
    return { story, done: count, lastStep, events, crudRow, losses, answers: answersOf(story, events, crudRow), refusal };
  } finally {
    sandbox.close();
  }
}

/**
 * The same comparison over the app's own simulator, for an order or user a person made: its real CRUD row and
 * losses, its real events. Nothing is replayed; this is how both stores stand now.
 */
export async function frameFromSimulator(
  simulator: Pick<WorkbookSimulator, 'store' | 'crud' | 'crudUsers'>,
  subject: StorySubject,
): Promise<StoryFrame> {
  const streamId = subject.kind === 'order' ? `order-${subject.orderId}` : `user-${subject.userId}`;
  const story: CrudStory = {
    id: 'mine',
    title: subject.kind === 'order' ? `Your order ${subject.orderId}` : `Your user ${subject.userId}`,
    seed: 'Your simulator',
    subject,
    steps: [],
    questions: subject.kind === 'order' ? orderQuestions(subject.orderId) : userQuestions(subject.userId),
  };
  const events = await simulator.store.readStream(streamId);
  const { crudRow, losses } = await crudSide(simulator, subject);
  return { story, done: 0, lastStep: undefined, events, crudRow, losses, answers: answersOf(story, events, crudRow), refusal: undefined };
}
