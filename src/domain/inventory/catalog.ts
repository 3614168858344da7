/**
 * The shop's products and the stock they start with. Small on purpose: with 3 monitors, the fourth order of a
 * monitor shows a saga compensating for short stock without any failure injection.
 */
export type CatalogProduct = { readonly product: string; readonly unitPrice: number; readonly initialStock: number };

export const catalog: readonly CatalogProduct[] = Object.freeze([
  Object.freeze({ product: 'Laptop', unitPrice: 999.99, initialStock: 5 }),
  Object.freeze({ product: 'Mouse', unitPrice: 25, initialStock: 20 }),
  Object.freeze({ product: 'Keyboard', unitPrice: 75, initialStock: 10 }),
  Object.freeze({ product: 'Monitor', unitPrice: 249, initialStock: 3 }),
]);

/**
 * The command id of a product's first stock: fixed, so two tabs that both find the product unstocked record its
 * initial stock once (the second is answered by handleCommand's idempotency).
 */
export const catalogSeedCommandId = (product: string): string => `catalog-seed:${product}`;
