import { sentencesOf, stem } from './meaning';

/**
 * Requirement 1 asks for two commands and two queries "from the Order Service". An example counts when a verb of
 * the right kind stands next to an Order Service noun: `PlaceOrder`, "cancel an order", `GetOrdersByCustomer`; a
 * query may also be asked as a question ("what is the status of order 1001?"). Two examples are told apart by all
 * their words, so `UpdateOrderStatus` and `UpdateOrderShippingAddress` are two.
 */

const COMMAND_VERBS = [
  'place', 'create', 'cancel', 'ship', 'pay', 'confirm', 'update', 'delete', 'deliver', 'refund', 'add', 'remove', 'submit', 'return', 'approve', 'reject', 'mark',
  'dispatch', 'complete', 'checkout', 'amend', 'authorise', 'authorize', 'edit', 'reserve', 'release', 'capture', 'charge', 'archive',
  'assign', 'close', 'reopen', 'split', 'merge', 'fulfil', 'fulfill', 'pack', 'register', 'restock', 'discount',
].map(stem);
const QUERY_VERBS = ['get', 'list', 'find', 'search', 'fetch', 'view', 'show', 'retrieve', 'lookup', 'look', 'count', 'display', 'browse', 'filter', 'track', 'summarize', 'summarise', 'query', 'read', 'load', 'check', 'report', 'top'].map(stem);
const QUESTION_WORDS = new Set(['what', 'which', 'how', 'who', 'where', 'when', 'whose']);
const ORDER_NOUNS = [
  'order', 'orders', 'item', 'items', 'customer', 'status', 'product', 'summary', 'history', 'total', 'payment', 'shipment', 'cart', 'address', 'line', 'quantity',
  'revenue', 'invoice', 'detail', 'details', 'spend', 'sale', 'sales', 'stock', 'delivery', 'tracking',
].map(stem);
const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'for', 'all', 'one', 'my', 'new', 'its', 'e', 'g', 'eg', 'ie', 'example', 'examples', 'also', 'like', 'such', 'as']);
const REACH = 3;
const LONGEST = 6;
const CONNECTORS = new Set(['by', 'per', 'with', 'id', 'ids', 'in', 'from', 'at', 'is', 'are', 'date', 'email', 'name', 'range', 'number']);

/** The words that name what an example is about ("order by id", "orders of customer 123"), up to the first other word. */
function qualifiers(words: readonly string[]): string[] {
  const kept: string[] = [];
  for (const word of words.slice(0, LONGEST)) {
    if (!(ORDER_NOUNS.includes(word) || CONNECTORS.has(word) || /^\d+$/.test(word) || kept.at(-1) === 'by')) break;
    kept.push(word);
  }
  return kept;
}

export type ExampleKind = 'command' | 'query';

/** The distinct examples of one kind in an answer, as normalized phrases ("place order", "get order by id"). */
export function orderServiceExamples(text: string, kind: ExampleKind): string[] {
  const verbs = kind === 'command' ? COMMAND_VERBS : QUERY_VERBS;
  const found = new Set<string>();
  for (const sentence of sentencesOf(text)) {
    // Each example is its own segment: "CancelOrder, AuthoriseOrderPayment" or "placing an order or cancelling one".
    for (const segment of sentence.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[,;:()"“”]|\s(?:and|or|then)\s/i)) {
      const words = segment
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== '' && !STOP.has(w))
        .map(stem);
      for (const [index, word] of words.entries()) {
        const question = kind === 'query' && QUESTION_WORDS.has(word);
        if (!verbs.includes(word) && !question) continue;
        const after = words.slice(index + 1, index + 1 + (question ? REACH + 2 : REACH));
        if (!after.some((w) => ORDER_NOUNS.includes(w))) continue;
        found.add([word, ...qualifiers(words.slice(index + 1))].join(' '));
        break;
      }
    }
  }
  return [...found];
}
