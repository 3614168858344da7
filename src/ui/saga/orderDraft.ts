import type { FieldIssue } from '../../domain/core/errors';
import type { StockLevel } from '../../sagas/types';

/**
 * The saga order form as typed: a customer and a quantity per product of the catalog. The coordinator's schema, not
 * the form, decides what is valid, so "-1" or "abc" reaches it and earns its own message next to the field.
 */
export type OrderDraft = {
  readonly customerId: string;
  /** Product → the quantity text as typed; a missing, empty or 0 quantity leaves the product out of the order. */
  readonly quantities: ReadonlyMap<string, string>;
};

/** Where the form shows an issue: next to the customer, next to one product's quantity, or over the item list. */
export type DraftField = { readonly kind: 'customer' } | { readonly kind: 'quantity'; readonly product: string } | { readonly kind: 'items' };

export type SagaOrderRequest = {
  /** The coordinator's input: `{ customerId, items: [{ product, quantity, unitPrice }] }`. */
  readonly input: { readonly customerId: string; readonly items: readonly OrderItemInput[] };
  /** The product of each item sent, by index, to place an issue about `items[i]` next to its product's row. */
  readonly productOfItem: readonly string[];
};

type OrderItemInput = { readonly product: string; readonly quantity: number | string; readonly unitPrice: number };

/** Builds the coordinator's input, items in catalog order (the order the saga reserves them in). */
export function orderRequestOf(draft: OrderDraft, catalog: readonly StockLevel[]): SagaOrderRequest {
  const items: OrderItemInput[] = [];
  for (const level of catalog) {
    const typed = (draft.quantities.get(level.product) ?? '').trim();
    if (typed === '' || typed === '0') continue;
    const asNumber = Number(typed);
    items.push({ product: level.product, quantity: Number.isFinite(asNumber) ? asNumber : typed, unitPrice: level.unitPrice });
  }
  return { input: { customerId: draft.customerId, items }, productOfItem: items.map((item) => item.product) };
}

/**
 * The form field an issue is about. The schema names paths such as `customerId`, `customer_id`, `items`, or
 * `items[1].quantity`; an issue about an item's price or product is shown at that item's quantity, the only field
 * of the row a person can change.
 */
export function fieldOfIssue(issue: FieldIssue, productOfItem: readonly string[]): DraftField {
  const itemMatch = /^items\[(\d+)\]/.exec(issue.field);
  if (itemMatch !== null) {
    const product = productOfItem[Number(itemMatch[1])];
    if (product !== undefined) return { kind: 'quantity', product };
    return { kind: 'items' };
  }
  if (/^customer/i.test(issue.field)) return { kind: 'customer' };
  return { kind: 'items' };
}

/** Total of the order as the catalog prices it; only whole positive quantities count. */
export function draftTotal(draft: OrderDraft, catalog: readonly StockLevel[]): number {
  let total = 0;
  for (const level of catalog) {
    const quantity = Number((draft.quantities.get(level.product) ?? '').trim());
    if (Number.isInteger(quantity) && quantity > 0) total += quantity * level.unitPrice;
  }
  return Math.round(total * 100) / 100;
}
