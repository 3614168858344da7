import type { FieldIssue } from '../../domain/core/errors';
import type { CommandOutcome } from '../../simulator/types';

/** The PlaceOrder input's keys, which are also the form's field names. */
export type PlaceOrderFieldName = 'customerId' | 'customerEmail' | 'product' | 'quantity' | 'unitPrice';

export type PlaceOrderField = {
  readonly name: PlaceOrderFieldName;
  readonly label: string;
  readonly inputType: 'text' | 'email' | 'number';
  readonly optional?: boolean;
  readonly inputMode?: 'numeric' | 'decimal';
  readonly step?: string;
};

/** The fields of the place-order form, in screen order. */
export const placeOrderFields: readonly PlaceOrderField[] = [
  { name: 'customerId', label: 'Customer ID', inputType: 'text' },
  { name: 'customerEmail', label: 'Customer email', inputType: 'email', optional: true },
  { name: 'product', label: 'Product', inputType: 'text' },
  { name: 'quantity', label: 'Quantity', inputType: 'number', inputMode: 'numeric', step: '1' },
  { name: 'unitPrice', label: 'Unit price', inputType: 'number', inputMode: 'decimal', step: '0.01' },
];

/** What the person typed, as typed: the simulator's schema, not the form, decides what is valid. */
export type PlaceOrderValues = Record<PlaceOrderFieldName, string>;

/**
 * The raw input handed to `simulator.execute('PlaceOrder', …)`, in the app's PlaceOrder input shape (one item).
 * Numbers are converted only when the text is a number, so "abc" still reaches the schema and earns its own message;
 * the form mints the order id because a person placing an order does not choose one.
 */
export function placeOrderInput(values: PlaceOrderValues, orderId: string): Record<string, unknown> {
  const numberOrText = (text: string): number | string => {
    const trimmed = text.trim();
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
  };
  return {
    orderId,
    customerId: values.customerId,
    customerEmail: values.customerEmail,
    items: [{ product: values.product, quantity: numberOrText(values.quantity), unitPrice: numberOrText(values.unitPrice) }],
  };
}

/** A short order id a person can read back and type into the API console: 8 hex digits (stream `order-<id>`). */
export const newOrderId = (): string => crypto.randomUUID().slice(0, 8);

const fieldNames: ReadonlySet<string> = new Set(placeOrderFields.map((field) => field.name));

/**
 * The form field an issue is about. The schema names nested paths (`items[0].quantity`); the form has one item,
 * so the last named segment is the field.
 */
export function fieldOfIssue(issue: FieldIssue): PlaceOrderFieldName | undefined {
  const segments = issue.field.split(/[.[\]]/).filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  const last = segments.at(-1);
  return last !== undefined && fieldNames.has(last) ? (last as PlaceOrderFieldName) : undefined;
}

/** The id of the order a successful PlaceOrder created, read from its OrderPlaced event. */
export function orderIdOf(outcome: Extract<CommandOutcome, { ok: true }>): string {
  const data = outcome.events[0]?.data;
  if (typeof data === 'object' && data !== null && 'orderId' in data && typeof data.orderId === 'string') {
    return data.orderId;
  }
  return outcome.streamId.replace(/^order-/, '');
}

/** The label of a field, for messages that name it ("Quantity must be a whole number of at least 1"). */
export const labelOf = (name: PlaceOrderFieldName): string =>
  placeOrderFields.find((field) => field.name === name)?.label ?? name;
