import type { ReadModelName } from './types';

/**
 * How a read-model question names each of the workbook's read models (src/projections/readModels/): its projection
 * name and what one document of it holds, so a student chooses by shape, as they would when writing the query.
 */
export const readModelDescriptions: Readonly<Record<ReadModelName, string>> = {
  orders: 'one document per order: customer, email, items, total, status, status history, version',
  orderSummary: 'one document for the shop: order count, and count and revenue per status',
  topCustomers: 'one document per customer: order count and total spent (cancelled and deleted orders taken out)',
  users: 'one document per user of seed 001: names, current email, created and updated times',
};

/** `orderSummary` (one document for the shop: …): a read-model choice as the student reads it. */
export const readModelLabel = (name: ReadModelName): string => `${name} (${readModelDescriptions[name]})`;
