import type { CommandName } from '../types';

/**
 * The scripted stories of the CRUD-vs-event-sourcing screen, as data: the same commands go to the CRUD twin and
 * to the event store, one per step, at fixed times so every run (and every projector in the room) shows the same.
 */

export type StoryId = 'seed-000' | 'seed-001';

/** What the story follows: one order (seed 000) or one user (seed 001). */
export type StorySubject = { readonly kind: 'order'; readonly orderId: string } | { readonly kind: 'user'; readonly userId: string };

export type StoryStep = {
  readonly command: CommandName;
  /** The command's input, as a form or the API console would hand it over. */
  readonly input: unknown;
  /** The time the command is issued (the sandbox's clock). */
  readonly at: string;
  /** The request as the seed writes it, shown big in presenter mode. */
  readonly request: string;
  /** One sentence for the room. */
  readonly narration: string;
};

export type StoryQuestionId =
  | 'processingStartedAt'
  | 'timeInPending'
  | 'statusesVisited'
  | 'emailBefore'
  | 'userCreatedAt';

export type StoryQuestion = { readonly id: StoryQuestionId; readonly text: string };

export type CrudStory = {
  /** `mine`: not a script but the app's own simulator data, shown as it stands. */
  readonly id: StoryId | 'mine';
  readonly title: string;
  readonly seed: string;
  readonly subject: StorySubject;
  readonly steps: readonly StoryStep[];
  /** Questions CRUD can no longer answer by the end of the story. */
  readonly questions: readonly StoryQuestion[];
};

/** What CRUD can no longer answer about an order once its status has been written over. */
export function orderQuestions(orderId: string): StoryQuestion[] {
  return [
    { id: 'processingStartedAt', text: `When did order ${orderId} start processing?` },
    { id: 'timeInPending', text: `How long did order ${orderId} sit in pending?` },
    { id: 'statusesVisited', text: `Which statuses has order ${orderId} been through?` },
  ];
}

/** What CRUD can no longer answer about a user once the email has been written over. */
export function userQuestions(userId: string): StoryQuestion[] {
  return [
    { id: 'emailBefore', text: 'What was the email before the change?' },
    { id: 'userCreatedAt', text: `When was user ${userId} created?` },
  ];
}

const seed000: CrudStory = {
  id: 'seed-000',
  title: 'An order is shipped: what happens to "processing"?',
  seed: 'Seed 000',
  subject: { kind: 'order', orderId: '1' },
  steps: [
    {
      command: 'PlaceOrder',
      input: { orderId: '1', customerId: '123', customerEmail: null, items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }] },
      at: '2026-03-02T09:00:00.000Z',
      request: 'POST /orders/ {"customer_id": "123", "product": "Laptop", "quantity": 2}',
      narration: 'Create order 1: customer 123 orders 2 laptops. It starts pending.',
    },
    {
      // Seed 000's own sequence: its service sets any status directly (no state machine), processing then shipped.
      command: 'SetOrderStatus',
      input: { orderId: '1', status: 'processing' },
      at: '2026-03-02T10:15:00.000Z',
      request: 'PUT /orders/1/status/ {"new_status": "processing"}',
      narration: 'The warehouse starts processing it: the status is set to processing.',
    },
    {
      command: 'SetOrderStatus',
      input: { orderId: '1', status: 'shipped' },
      at: '2026-03-02T14:30:00.000Z',
      request: 'PUT /orders/1/status/ {"new_status": "shipped"}',
      narration: 'It ships. CRUD writes "shipped" over "processing"; the event store adds a fact.',
    },
  ],
  questions: orderQuestions('1'),
};

const seed001: CrudStory = {
  id: 'seed-001',
  title: 'A user changes email: what was it before?',
  seed: 'Seed 001',
  subject: { kind: 'user', userId: '1' },
  steps: [
    {
      command: 'CreateUser',
      input: { userId: '1', firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com' },
      at: '2026-03-02T09:00:00.000Z',
      request: 'POST /users/ {"first_name": "John", "last_name": "Doe", "email": "john.doe@example.com"}',
      narration: 'Create user 1, John Doe.',
    },
    {
      command: 'UpdateUserEmail',
      input: { userId: '1', newEmail: 'john.new@example.com' },
      at: '2026-03-02T11:30:00.000Z',
      request: 'PUT /users/1 {"email": "john.new@example.com"}',
      narration: 'John changes his email. CRUD writes the new one over the old one.',
    },
  ],
  questions: userQuestions('1'),
};

export const crudStories: readonly CrudStory[] = [seed000, seed001];

/** The story a route names (`#/crud-vs-es/seed-001`); seed 000 for anything else. */
export function storyById(id: string | undefined): CrudStory {
  return crudStories.find((story) => story.id === id) ?? seed000;
}
