/**
 * Every exercise of the workbook, in the order a student takes them (rustlings' `info.toml`). The app's
 * Coding exercises screen lists them from here; the grader and the maintainers' proof test walk the same list.
 * Hints come in two stages, a nudge and a closer hint; the solution is shown only after the tests pass or an
 * explicit give-up.
 */

export type ExerciseKind = 'code' | 'written';

type ExerciseBase = {
  /** The folder name under `exercises/` (and `exercises/_solutions/`). */
  readonly id: string;
  /** Two digits, shown as "Exercise 01". */
  readonly number: string;
  readonly title: string;
  /** The one idea the exercise teaches, in a sentence. */
  readonly idea: string;
  /** A nudge, then a closer hint. */
  readonly hints: readonly [nudge: string, closer: string];
};

export type CodeExercise = ExerciseBase & {
  readonly kind: 'code';
  /** The function the student writes, exported from the starter file. */
  readonly exportName: string;
  readonly files: {
    /** The file the student edits; the solution has the same name under `_solutions/<id>/`. */
    readonly starter: string;
    /** The vitest file that runs the checks on the student's file. */
    readonly test: string;
    /** `defineExerciseTests(student)`: the checks vitest and the browser both run. */
    readonly checks: string;
  };
};

export type WrittenExercise = ExerciseBase & {
  readonly kind: 'written';
  /** The app screen where it is written and graded. */
  readonly route: string;
  readonly files: { readonly starter: string; readonly test: string };
};

export type ExerciseEntry = CodeExercise | WrittenExercise;

export const exercises: readonly ExerciseEntry[] = [
  {
    id: '01-decide',
    exportName: 'decide',
    number: '01',
    title: 'decide: from a command to events',
    kind: 'code',
    files: { starter: 'decide.ts', test: 'decide.test.ts', checks: 'checks.ts' },
    idea: 'The write side turns a command and the current state into events, or refuses; it stores no row.',
    hints: [
      'Handle PlaceOrder first (state.status must be "none", items must not be empty), then one rule for all other commands: the order must exist, and canMove(state.status, target) must allow the move.',
      'Map each command to its target status (ConfirmOrder → "confirmed", ...). After the checks, a switch on command.type returns one event; copy orderId and the time from command.data, and set previousStatus: state.status on OrderCancelled. Throw new OrderRuleError("IllegalTransition", `Order ${orderId} is "${state.status}" ...`).',
    ],
  },
  {
    id: '02-evolve',
    exportName: 'evolve',
    number: '02',
    title: 'evolve: from events to state',
    kind: 'code',
    files: { starter: 'evolve.ts', test: 'evolve.test.ts', checks: 'checks.ts' },
    idea: 'Current state is not stored: it is the fold of the events, one pure evolve step at a time.',
    hints: [
      'OrderPlaced builds the whole order from its data; each other event changes only the status, updatedAt and (for shipped or cancelled) one more field.',
      'Return { ...state, status: "shipped", trackingNumber: event.data.trackingNumber, updatedAt: event.data.shippedAt } and so on; before the switch, return state unchanged when state.status === "none" (TypeScript then knows the order exists).',
    ],
  },
  {
    id: '03-projection',
    exportName: 'projectOrdersByCustomer',
    number: '03',
    title: 'A projection: orders by customer',
    kind: 'code',
    files: { starter: 'projection.ts', test: 'projection.test.ts', checks: 'checks.ts' },
    idea: 'Read models are built by applying events to a table shaped for one question, and can be rebuilt by replay.',
    hints: [
      'Only OrderPlaced names the customer. For every other event, look through Object.values(view) for the row whose orders list the event\'s orderId.',
      'For that row, map its orders to a copy with the new status, and for OrderCancelled subtract the order\'s total from totalSpent; return { ...view, [row.customerId]: { ...row, orders, totalSpent } }.',
    ],
  },
  {
    id: '04-snapshots',
    exportName: 'rehydrate',
    number: '04',
    title: 'Snapshots: rehydrate from snapshot + tail',
    kind: 'code',
    files: { starter: 'rehydrate.ts', test: 'rehydrate.test.ts', checks: 'checks.ts' },
    idea: 'A snapshot caches the state at version n; folding only the events after n gives the same state faster.',
    hints: [
      'Your starting point is either the snapshot ({ state, version }) or ({ initialState(), 0 }). Ask the reader only for what comes after that version.',
      'let state = snapshot?.state ?? decider.initialState(); let version = snapshot?.version ?? 0; then for each event of await reader.readStream(streamId, { after: version }): state = decider.evolve(state, event); version = event.position.',
    ],
  },
  {
    id: '05-concurrency',
    exportName: 'appendToStream',
    number: '05',
    title: 'Optimistic concurrency: append with an expected version',
    kind: 'code',
    files: { starter: 'appendToStream.ts', test: 'appendToStream.test.ts', checks: 'checks.ts' },
    idea: 'An append states the version its decision was based on; if the stream moved on, it is refused and writes nothing.',
    hints: [
      'Compute the stream\'s actual version (position of its last event, 0 when empty) and compare it with expectedVersion before you store anything.',
      'throw new VersionConflictError(streamId, expectedVersion, actualVersion) on a mismatch; otherwise streams.set(streamId, [...stream, ...events.map((event, i) => ({ ...event, streamId, position: actualVersion + i + 1 }))]) and return actualVersion + events.length.',
    ],
  },
  {
    id: '06-cqrs-event-sourcing',
    number: '06',
    title: 'CQRS and event sourcing (seed 003, written)',
    kind: 'written',
    route: '#/exercise-06',
    files: { starter: 'answers.md', test: 'answers.test.ts' },
    idea: 'Explain CQRS and event sourcing, draw the architecture, design the order events and judge when they fit.',
    hints: [
      'Work through the six requirements in order on the Exercise 06 screen; the Check button says what each answer is missing.',
      'The lessons cover each requirement: commands vs queries, the read model, the event store, replay and snapshots.',
    ],
  },
  {
    id: '07-upcaster',
    exportName: 'upcastOrderPlaced',
    number: '07',
    title: 'An upcaster: OrderPlaced v1 → v2',
    kind: 'code',
    files: { starter: 'upcaster.ts', test: 'upcaster.test.ts', checks: 'checks.ts' },
    idea: 'Old events are never rewritten; an upcaster turns each stored version into today\'s shape as it is read.',
    hints: [
      'Look at event.schemaVersion: 2 means nothing to do. For 1, build a new event from event.data.',
      'const items = [{ product, quantity, unitPrice: prices[product] ?? 0 }]; return { type: "OrderPlaced", schemaVersion: 2, data: { orderId, customerId, items, total: orderTotal(items), placedAt } }.',
    ],
  },
];

export const isCodeExercise = (exercise: ExerciseEntry): exercise is CodeExercise => exercise.kind === 'code';

export const codeExercises: readonly CodeExercise[] = exercises.filter(isCodeExercise);

export function exerciseById(id: string): ExerciseEntry | undefined {
  return exercises.find((exercise) => exercise.id === id);
}
