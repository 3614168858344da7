/**
 * Every size limit of the workbook's data, in one place. The commands' input schemas, the event schemas that an
 * import checks and the deciders' own check of what they record are all built from these numbers, so a value the
 * commands refuse can never come in through a file, and the screens can rely on what a recorded event holds.
 *
 * Chosen for a teaching app: generous for anything a person types, small enough that one value never weighs more
 * than a screen can draw at once.
 */
export const limits = {
  /** Order, user and customer ids: letters, digits and `_ - . :` (they go into stream ids and URLs). */
  id: 100,
  /** An email, as the mail standards bound it. */
  email: 254,
  /** A product's name (an order's item, a stock line of seed 004's inventory). */
  productName: 200,
  /** A user's first or last name. */
  personName: 100,
  /** Why an order was cancelled, why a payment was declined or stock released. */
  reason: 500,
  /** A shipment's tracking number. */
  trackingNumber: 100,
  /** A status as typed (`new_status`), before it is matched against the six statuses. */
  statusText: 100,
  /** Text the saga writes about its own steps ("reserved 2 × Laptop"), product names included. */
  sagaDetail: 1_000,
  /**
   * Ids the machinery makes (event ids, command ids, correlation and causation ids, payment authorizations): long
   * enough for the saga's composed command ids (`saga-<order id>/afterCancellation/releaseStock/<product>:0`).
   */
  recordId: 500,
  /** Items in one order. */
  itemsPerOrder: 100,
  /** Units of one item, or of one stock movement: a whole number from 1. */
  quantity: 10_000,
  /** Price of one unit, in whole currency units with cents. */
  unitPrice: 10_000_000,
} as const;

/**
 * The largest amount of money an event can hold: a whole order at the top of every limit. Far below 2^53 cents, so
 * sums in cents stay exact.
 */
export const maxAmount = limits.itemsPerOrder * limits.quantity * limits.unitPrice;
