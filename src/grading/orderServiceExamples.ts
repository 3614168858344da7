import { sentencesOf, stem } from './meaning';

/**
 * Requirement 1 asks for two commands and two queries "from the Order Service". An example counts when a verb of
 * the right kind stands next to an Order Service noun: `PlaceOrder`, "cancel an order", `GetOrdersByCustomer`.
 */

const COMMAND_VERBS = ['place', 'create', 'cancel', 'ship', 'pay', 'confirm', 'update', 'delete', 'deliver', 'refund', 'add', 'remove', 'submit', 'return', 'approve', 'reject', 'mark', 'dispatch', 'complete', 'checkout', 'amend'].map(stem);
const QUERY_VERBS = ['get', 'list', 'find', 'search', 'fetch', 'view', 'show', 'retrieve', 'lookup', 'look', 'count', 'display', 'browse', 'filter', 'track', 'summarize'].map(stem);
const ORDER_NOUNS = ['order', 'orders', 'item', 'items', 'customer', 'status', 'product', 'summary', 'history', 'total', 'payment', 'shipment', 'cart', 'address', 'line', 'quantity', 'revenue', 'invoice', 'detail', 'details'].map(stem);
const REACH = 3;

export type ExampleKind = 'command' | 'query';

/** The distinct examples of one kind in an answer, as normalized phrases ("place order", "get order by id"). */
export function orderServiceExamples(text: string, kind: ExampleKind): string[] {
  const verbs = kind === 'command' ? COMMAND_VERBS : QUERY_VERBS;
  const found = new Set<string>();
  for (const sentence of sentencesOf(text)) {
    const words = sentence
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '' && !['a', 'an', 'the', 'of', 'to', 'for', 'all', 'one', 'my', 'new', 'its'].includes(w))
      .map(stem);
    words.forEach((word, index) => {
      if (!verbs.includes(word)) return;
      const after = words.slice(index + 1, index + 1 + REACH);
      const noun = after.findIndex((w) => ORDER_NOUNS.includes(w));
      if (noun === -1) return;
      // "get order by id" and "get order by status" are two queries; "PlaceOrder (place an order)" is one command.
      const end = index + 1 + noun + 1;
      const qualifier = words[end] === 'by' && words[end + 1] !== undefined ? ['by', words[end + 1]!] : [];
      found.add([word, ...words.slice(index + 1, end), ...qualifier].join(' '));
    });
  }
  return [...found];
}
