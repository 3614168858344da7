import type { FieldIssue } from '../../domain/core/errors';
import { settableOrderStatuses } from '../../domain/order/statusUpdate';
import type { CommandName, CommandOutcome } from '../../simulator/types';

/**
 * The command panel's forms other than Place order, as data: one generic `<command-form>` renders any of them.
 * Values are handed to `simulator.execute` as typed; the command's schema, not the form, decides what is valid,
 * so a person sees the boundary refuse bad input (and the log stay unchanged).
 */

export type CommandFieldName =
  | 'orderId'
  | 'trackingNumber'
  | 'reason'
  | 'status'
  | 'userId'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'newEmail';

/** Where a field's suggestions come from: ids the log already knows, or seed 000's statuses. */
export type Suggestions = 'orderIds' | 'userIds' | 'statuses';

export type CommandField = {
  readonly name: CommandFieldName;
  readonly label: string;
  readonly inputType: 'text' | 'email';
  readonly optional?: boolean;
  readonly suggestions?: Suggestions;
};

export type CommandFormSpec = {
  readonly command: Exclude<CommandName, 'PlaceOrder'>;
  /** The option in the command picker and the form's heading. */
  readonly title: string;
  /** The submit button's name. */
  readonly submitLabel: string;
  /** One sentence under the heading: what the command records. */
  readonly explains: string;
  readonly fields: readonly CommandField[];
};

const orderIdField: CommandField = { name: 'orderId', label: 'Order ID', inputType: 'text', suggestions: 'orderIds' };
const userIdField: CommandField = { name: 'userId', label: 'User ID', inputType: 'text', suggestions: 'userIds' };

export const commandForms: readonly CommandFormSpec[] = [
  {
    command: 'ConfirmOrder',
    title: 'Confirm an order',
    submitLabel: 'Confirm order',
    explains: 'pending → confirmed: appends OrderConfirmed.',
    fields: [orderIdField],
  },
  {
    command: 'StartProcessing',
    title: 'Start processing',
    submitLabel: 'Start processing',
    explains: 'confirmed → processing: appends OrderProcessingStarted.',
    fields: [orderIdField],
  },
  {
    command: 'ShipOrder',
    title: 'Ship an order',
    submitLabel: 'Ship order',
    explains: 'processing → shipped: appends OrderShipped.',
    fields: [orderIdField, { name: 'trackingNumber', label: 'Tracking number', inputType: 'text', optional: true }],
  },
  {
    command: 'DeliverOrder',
    title: 'Deliver an order',
    submitLabel: 'Deliver order',
    explains: 'shipped → delivered: appends OrderDelivered.',
    fields: [orderIdField],
  },
  {
    command: 'CancelOrder',
    title: 'Cancel an order',
    submitLabel: 'Cancel order',
    explains: 'pending, confirmed or processing → cancelled: appends OrderCancelled with the reason.',
    fields: [orderIdField, { name: 'reason', label: 'Reason', inputType: 'text' }],
  },
  {
    command: 'DeleteOrder',
    title: 'Delete an order',
    submitLabel: 'Delete order',
    explains: 'Appends an OrderDeleted tombstone: read models drop the order, the history stays.',
    fields: [orderIdField],
  },
  {
    command: 'UpdateOrderStatus',
    title: 'Update status (seed 000)',
    submitLabel: 'Update status',
    explains: 'Seed 000’s “set the status to X”, turned into the command that makes X happen.',
    fields: [orderIdField, { name: 'status', label: 'New status', inputType: 'text', suggestions: 'statuses' }],
  },
  {
    command: 'CreateUser',
    title: 'Create a user (seed 001)',
    submitLabel: 'Create user',
    explains: 'Appends UserCreated to the user’s stream.',
    fields: [
      { name: 'userId', label: 'User ID', inputType: 'text' },
      { name: 'firstName', label: 'First name', inputType: 'text' },
      { name: 'lastName', label: 'Last name', inputType: 'text' },
      { name: 'email', label: 'Email', inputType: 'email' },
    ],
  },
  {
    command: 'UpdateUserEmail',
    title: 'Update a user’s email (seed 001)',
    submitLabel: 'Update email',
    explains: 'Appends UserEmailUpdated, which keeps the previous email too.',
    fields: [userIdField, { name: 'newEmail', label: 'New email', inputType: 'email' }],
  },
];

export function commandFormOf(command: CommandFormSpec['command']): CommandFormSpec {
  const spec = commandForms.find((form) => form.command === command);
  if (!spec) throw new Error(`No form for ${command}`);
  return spec;
}

/** Seed 000's statuses a person may ask for, offered as suggestions (any text still reaches the schema). */
export const statusSuggestions: readonly string[] = settableOrderStatuses;

export type CommandValues = Partial<Record<CommandFieldName, string>>;

/** The raw input for `simulator.execute(spec.command, …)`: the form's values under the fields' names, as typed. */
export function commandInput(spec: CommandFormSpec, values: CommandValues): Record<string, unknown> {
  return Object.fromEntries(spec.fields.map((field) => [field.name, values[field.name] ?? '']));
}

/** The field an issue is about, or undefined when it names none of the form's fields (e.g. the whole input). */
export function fieldOfCommandIssue(spec: CommandFormSpec, issue: FieldIssue): CommandFieldName | undefined {
  // Seed 000's status update reports the status under the schema's own names.
  const name = issue.field === 'new_status' || issue.field === 'newStatus' ? 'status' : issue.field;
  return spec.fields.find((field) => field.name === name)?.name;
}

export type Refusal = {
  /** Shown in the form's alert: the whole refusal, in sentences. */
  readonly message: string;
  /** Shown next to each field at fault. */
  readonly fieldIssues: ReadonlyMap<CommandFieldName, string>;
};

/** A refused command in the form's terms: validation issues by field, any other refusal as the domain said it. */
export function refusalOf(spec: CommandFormSpec, outcome: Extract<CommandOutcome, { ok: false }>): Refusal {
  const fieldIssues = new Map<CommandFieldName, string>();
  const sentences: string[] = [];
  for (const issue of outcome.issues) {
    const name = fieldOfCommandIssue(spec, issue);
    const label = spec.fields.find((field) => field.name === name)?.label ?? issue.field;
    // Schema messages are predicates ("is required"); the field's label is their subject.
    const sentence = `${label} ${issue.message}.`;
    if (name !== undefined && !fieldIssues.has(name)) fieldIssues.set(name, sentence);
    sentences.push(sentence);
  }
  const message =
    outcome.kind === 'validation' && sentences.length > 0
      ? `Nothing was appended. ${sentences.join(' ')}`
      : `Nothing was appended. ${outcome.message}`;
  return { message, fieldIssues };
}

/** What a success appended, in one sentence: "Appended OrderConfirmed (position 2) to order-a1." */
export function appendedSummary(outcome: Extract<CommandOutcome, { ok: true }>): string {
  // The log's answer first; when the CRUD twin has not applied it yet, the note says so and that it catches up.
  const twin = outcome.crudTwinNote === undefined ? '' : ` ${outcome.crudTwinNote}`;
  if (outcome.idempotentReplay) return `Already handled: nothing new appended to ${outcome.streamId}.${twin}`;
  const events = outcome.events.map((event) => `${event.type} (position ${event.globalPosition})`).join(', ');
  return `Appended ${events} to ${outcome.streamId}.${twin}`;
}

/** A short user id a person can read back: `u-` and 6 hex digits (stream `user-u-…`). */
export const newUserId = (): string => `u-${crypto.randomUUID().slice(0, 6)}`;
