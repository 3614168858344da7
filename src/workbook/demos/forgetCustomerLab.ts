import { customerKey } from '../../domain/order/customerKey';
import { orderStreamId, type OrderStatus } from '../../domain/order/types';
import { customerSubject } from '../../privacy/personalData';
import { customerDocId, topCustomersProjection, type CustomerSpend } from '../../projections/readModels/topCustomers';
import type { Forgetting } from '../../simulator/privacy/forgetSubject';
import type { WorkbookSimulator } from '../../simulator/simulator';

/**
 * Lesson "Forgetting a person", on the simulator's own store: orders placed for one customer, their email as the
 * log stores it (ciphertext) beside what the read model shows, the customer's spend, and a fingerprint of their
 * stored events, so forgetting can be seen to change what every reader shows and not one stored byte.
 */

export type LabOrderRow = {
  readonly orderId: string;
  /** The email as the log stores it: an `encrypted:aes-gcm:v1:…` string (or plain, for an order written before). */
  readonly stored: string | null;
  /** The email as the orders read model shows it: plain while the key exists, `[forgotten]` after. */
  readonly shown: string | null;
  readonly total: number;
  readonly status: OrderStatus;
};

export type CustomerLabView = {
  readonly customerId: string;
  readonly keyExists: boolean;
  readonly orders: readonly LabOrderRow[];
  /** The customer's document of the top-customers read model; null before their first order. */
  readonly spend: { readonly customerEmail: string | null; readonly orderCount: number; readonly totalSpent: number } | null;
  /** SHA-256 of the customer's stored events (hex, first 16 digits): the same before and after forgetting. */
  readonly storedFingerprint: string;
  readonly storedEvents: number;
};

const products = [
  { product: 'Laptop', unitPrice: 999 },
  { product: 'Headphones', unitPrice: 149.5 },
  { product: 'Desk lamp', unitPrice: 35.25 },
] as const;

/** Places the lab's n-th order for the customer: a product from a short list, so totals differ. */
export async function placeLabOrder(simulator: WorkbookSimulator, customerId: string, customerEmail: string, n: number) {
  const { product, unitPrice } = products[n % products.length]!;
  return simulator.execute('PlaceOrder', {
    orderId: `${customerId}-o${n + 1}`,
    customerId,
    customerEmail,
    items: [{ product, quantity: 1 + (n % 2), unitPrice }],
  });
}

async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

export async function customerLabView(simulator: WorkbookSimulator, customerId: string): Promise<CustomerLabView> {
  await simulator.projector.whenCaughtUp();
  const { orders } = await simulator.queries.listOrders({ customerId, oldestFirst: true, limit: 100 });
  const streams = await Promise.all(orders.map((order) => simulator.recordedStore.readStream(orderStreamId(order.orderId))));
  const spendDoc = await simulator.projectionStore.getDocument<CustomerSpend>(topCustomersProjection.name, customerDocId(customerId));
  return {
    customerId: customerKey(customerId),
    keyExists: await simulator.keys.hasKey(customerSubject(customerId)),
    orders: orders.map((order, index) => {
      const stored = (streams[index]?.[0]?.data as { customerEmail?: unknown } | undefined)?.customerEmail;
      return {
        orderId: order.orderId,
        stored: typeof stored === 'string' ? stored : null,
        shown: order.customerEmail,
        total: order.total,
        status: order.status,
      };
    }),
    spend:
      spendDoc?.kind === 'customer'
        ? { customerEmail: spendDoc.customerEmail, orderCount: spendDoc.orderCount, totalSpent: spendDoc.totalSpentCents / 100 }
        : null,
    storedFingerprint: await fingerprint(JSON.stringify(streams)),
    storedEvents: streams.reduce((sum, stream) => sum + stream.length, 0),
  };
}

export type { Forgetting };
